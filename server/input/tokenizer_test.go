package input

import (
	"fmt"
	"strings"
	"testing"
)

// tokens feeds the pieces one Feed each (then Flush when flush is set) and
// returns the events as "kind:bytes".
func tokens(split byte, flush bool, pieces ...string) []string {
	t := &Tokenizer{Split: split}
	var out []string
	emit := func(e Event) {
		s := e.Kind.String() + ":" + fmt.Sprintf("%q", e.Bytes)
		if e.Kind == Mouse {
			s += fmt.Sprintf("%+v", e.Mouse)
		}
		out = append(out, s)
	}
	for _, p := range pieces {
		t.Feed([]byte(p), emit)
	}
	if flush {
		t.Flush(emit)
	}
	return out
}

func TestTokenizer(t *testing.T) {
	for _, tc := range []struct {
		name   string
		pieces []string
		flush  bool
		want   string
	}{
		{"text", []string{"ls -l\r"}, false, `text:"ls -l\r"`},
		{"split byte alone", []string{"ab\x01dc"}, false, `text:"ab" key:"\x01" text:"dc"`},
		{"arrow", []string{"\x1b[A"}, false, `key:"\x1b[A"`},
		{"arrow split over reads", []string{"\x1b", "[", "1;5", "A"}, false, `key:"\x1b[1;5A"`},
		{"ss3", []string{"\x1bO", "P"}, false, `key:"\x1bOP"`},
		{"lone esc waits", []string{"\x1b"}, false, ``},
		{"lone esc flushed", []string{"\x1b"}, true, `key:"\x1b"`},
		{"esc then command key", []string{"\x1b\x01d"}, false, `key:"\x1b" key:"\x01" text:"d"`},
		{"two escs", []string{"\x1b\x1b[B"}, false, `key:"\x1b" key:"\x1b[B"`},
		{"alt key", []string{"\x1bx"}, false, `key:"\x1bx"`},
		{"alt utf8", []string{"\x1b\xc3", "\xa9"}, false, `key:"\x1bé"`},
		{"function key", []string{"\x1b[15~"}, false, `key:"\x1b[15~"`},
		{"utf8 split", []string{"caf\xc3", "\xa9!"}, false, `text:"caf" text:"é!"`},
		{"utf8 split flushed", []string{"caf\xc3"}, true, `text:"caf" text:"\xc3"`},
		{"incomplete csi flushed", []string{"\x1b[1;"}, true, `key:"\x1b[1;"`},
		{"sgr mouse", []string{"\x1b[<0;10;5M"}, false, `mouse:"\x1b[<0;10;5M"{Button:0 Shift:false Meta:false Control:false Motion:false Release:false X:9 Y:4}`},
		{"sgr wheel split", []string{"\x1b[<6", "4;1;1M"}, false, `mouse:"\x1b[<64;1;1M"{Button:64 Shift:false Meta:false Control:false Motion:false Release:false X:0 Y:0}`},
		{"sgr release", []string{"\x1b[<0;3;4m"}, false, `mouse:"\x1b[<0;3;4m"{Button:0 Shift:false Meta:false Control:false Motion:false Release:true X:2 Y:3}`},
		{"x10 mouse split", []string{"\x1b[M", " !\""}, false, `mouse:"\x1b[M !\""{Button:0 Shift:false Meta:false Control:false Motion:false Release:false X:0 Y:1}`},
		{"paste", []string{"\x1b[200~a\x01\x1b[Ab\x1b[201~x"}, false, `paste-start:"\x1b[200~" paste:"a\x01\x1b[Ab" paste-end:"\x1b[201~" text:"x"`},
		{"paste end mark split", []string{"\x1b[200~abc\x1b[2", "01~"}, false, `paste-start:"\x1b[200~" paste:"abc" paste-end:"\x1b[201~"`},
		{"paste end mark split after esc", []string{"\x1b[200~abc\x1b", "[201~"}, false, `paste-start:"\x1b[200~" paste:"abc" paste-end:"\x1b[201~"`},
		{"osc reply", []string{"\x1b]11;rgb:0/0/0\x1b", "\\z"}, false, `reply:"\x1b]11;rgb:0/0/0\x1b\\" text:"z"`},
		{"focus", []string{"\x1b[I\x1b[O"}, false, `key:"\x1b[I" key:"\x1b[O"`},
	} {
		got := strings.Join(tokens(0x01, tc.flush, tc.pieces...), " ")
		if got != tc.want {
			t.Errorf("%s: got  %s\n  want %s", tc.name, got, tc.want)
		}
	}
}

// Whatever the split, the events carry every byte, in order.
func TestTokenizerKeepsEveryByte(t *testing.T) {
	in := "ab\x01c\x1b[A\x1b\x1bOP\x1b[<65;3;4M日本\x1b[200~x\x1b[201~\x1b]0;t\a\x1b[15~\x1bq"
	for step := 1; step <= len(in); step++ {
		tok := &Tokenizer{Split: 0x01}
		var got []byte
		emit := func(e Event) { got = append(got, e.Bytes...) }
		for i := 0; i < len(in); i += step {
			tok.Feed([]byte(in[i:min(i+step, len(in))]), emit)
		}
		tok.Flush(emit)
		if string(got) != in {
			t.Fatalf("step %d: %q", step, got)
		}
	}
}

func FuzzTokenizer(f *testing.F) {
	f.Add([]byte("\x1b[<0;1;1M\x1b[200~\x1b[201~\x01\x1b"), 3)
	f.Fuzz(func(t *testing.T, b []byte, step int) {
		step = max(1, step%64+1)
		tok := &Tokenizer{Split: 0x01}
		var got []byte
		emit := func(e Event) {
			if len(e.Bytes) == 0 {
				t.Fatal("empty event")
			}
			got = append(got, e.Bytes...)
		}
		for i := 0; i < len(b); i += step {
			tok.Feed(b[i:min(i+step, len(b))], emit)
		}
		tok.Flush(emit)
		if string(got) != string(b) {
			t.Fatalf("bytes lost or changed: %q -> %q", b, got)
		}
	})
}
