package vt

import "testing"

func TestColorQueries(t *testing.T) {
	s := New(10, 2, 0)
	s.Write([]byte("\x1b]11;?\x07\x1b]10;?\x1b\\\x1b]11;#ffffff\x07\x1b]110\x07"))
	want := "\x1b]11;rgb:0000/0000/0000\x1b\\\x1b]10;rgb:e5e5/e5e5/e5e5\x1b\\"
	if got := string(s.TakeReplies()); got != want {
		t.Errorf("defaults: %q, want %q", got, want)
	}
	s.SetDefaultColors("rgb:1111/2222/3333", "rgb:fafa/fafa/fafa")
	s.Write([]byte("\x1b]11;?\x1b\\"))
	if got := string(s.TakeReplies()); got != "\x1b]11;rgb:fafa/fafa/fafa\x1b\\" {
		t.Errorf("set: %q", got)
	}
}

func TestParseColorReply(t *testing.T) {
	for in, want := range map[string]string{
		"\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\": "rgb:1e1e/1e1e/1e1e",
		"\x1b]11;rgb:ff/80/00\x07":         "rgb:ffff/8080/0000",
		"\x1b]10;rgb:f/0/8\x1b\\":          "rgb:ffff/0000/8888",
	} {
		if _, got, ok := ParseColorReply([]byte(in)); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"\x1b]11;evil\x1b[2J\x1b\\", "\x1b]11;rgb:zz/00/00\x07", "\x1b]4;1;rgb:0/0/0\x07", "\x1b]11;rgb:00000/0/0\x07"} {
		if _, _, ok := ParseColorReply([]byte(bad)); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}
