package vt

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"testing"
)

func TestClipboardSetKeptForTheOwner(t *testing.T) {
	text := "yanked\n中文 line"
	b64 := base64.StdEncoding.EncodeToString([]byte(text))
	for _, tc := range []struct{ name, in, sel string }{
		{"BEL", "\x1b]52;c;" + b64 + "\a", "c"},
		{"ST", "\x1b]52;p;" + b64 + "\x1b\\", "p"},
		{"no selection named", "\x1b]52;;" + b64 + "\a", "c"},
		{"bad selection", "\x1b]52;x!;" + b64 + "\a", "c"},
		{"no padding", "\x1b]52;c;" + strings.TrimRight(b64, "=") + "\a", "c"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := New(20, 5, 10)
			s.SetClipboard(true)
			s.Write([]byte(tc.in))
			r, ok := s.TakeClipboard()
			if !ok || !r.Set || string(r.Text) != text || r.Selection != tc.sel || r.Query {
				t.Fatalf("got %+v %v", r, ok)
			}
			if _, ok := s.TakeClipboard(); ok {
				t.Fatal("a request taken twice")
			}
			if screenText(s) != "" {
				t.Fatalf("the OSC showed on the screen: %q", screenText(s))
			}
		})
	}
}

func TestClipboardLatestSetWinsAndQueryIsKept(t *testing.T) {
	s := New(20, 5, 10)
	s.SetClipboard(true)
	s.Write([]byte("\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte("one")) + "\a"))
	s.Write([]byte("\x1b]52;c;?\x1b\\\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte("two")) + "\a"))
	r, ok := s.TakeClipboard()
	if !ok || string(r.Text) != "two" || !r.Query || r.QueryEnd != "\x1b\\" {
		t.Fatalf("got %+v", r)
	}
	if len(s.TakeReplies()) != 0 {
		t.Fatal("the emulator answered the query itself")
	}
}

func TestClipboardIgnoresWhatIsNotBase64(t *testing.T) {
	s := New(20, 5, 10)
	s.SetClipboard(true)
	s.Write([]byte("\x1b]52;c;not base64!\a\x1b]52;c;\a\x1b]52;c\a"))
	if r, ok := s.TakeClipboard(); ok {
		t.Fatalf("took %+v", r)
	}
}

// A yank of a file is larger than other OSCs may be; its room is given back
// once it is read.
func TestClipboardTakesLargeCopyAndGivesTheRoomBack(t *testing.T) {
	s := New(20, 5, 10)
	s.SetClipboard(true)
	big := strings.Repeat("0123456789abcdef\n", 20000) // 340 kB
	s.Write([]byte("\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(big)) + "\a"))
	r, ok := s.TakeClipboard()
	if !ok || string(r.Text) != big {
		t.Fatalf("large copy lost: %v, %d bytes", ok, len(r.Text))
	}
	if cap(s.p.osc) > maxOSC {
		t.Fatalf("the OSC buffer keeps %d bytes", cap(s.p.osc))
	}
	// Beyond the bound it is dropped whole, never cut.
	huge := strings.Repeat("x", maxClipboardOSC)
	s.Write([]byte("\x1b]52;c;" + huge + "\a" + "after"))
	if _, ok := s.TakeClipboard(); ok {
		t.Fatal("an overlong copy was taken")
	}
	if screenText(s) != "after" || cap(s.p.osc) > maxOSC {
		t.Fatalf("after an overlong copy: %q, room %d", screenText(s), cap(s.p.osc))
	}
	// Other OSCs keep their bound.
	s.Write([]byte("\x1b]2;" + strings.Repeat("t", 2*maxOSC) + "\a"))
	if s.Title() != "" || cap(s.p.osc) > 2*maxOSC {
		t.Fatalf("overlong title: %d, room %d", len(s.Title()), cap(s.p.osc))
	}
}

// Until the owner allows it, OSC 52 is dropped, and XTGETTCAP Ms (how
// Neovim learns the terminal takes OSC 52) is not answered.
func TestClipboardOffDropsAndDoesNotOfferMs(t *testing.T) {
	ms := "\x1bP+q" + hex.EncodeToString([]byte("Ms")) + "\x1b\\"
	s := New(20, 5, 10)
	s.Write([]byte("\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte("x")) + "\a\x1b]52;c;?\a" + ms))
	if r, ok := s.TakeClipboard(); ok {
		t.Fatalf("took %+v with the clipboard off", r)
	}
	if r := s.TakeReplies(); len(r) != 0 {
		t.Fatalf("answered %q with the clipboard off", r)
	}
	s.SetClipboard(true)
	s.Write([]byte(ms))
	want := "\x1bP1+r" + upperHex([]byte("Ms")) + "=" + upperHex([]byte("\x1b]52;%p1%s;%p2%s\a")) + "\x1b\\"
	if r := string(s.TakeReplies()); r != want {
		t.Fatalf("Ms answered %q, want %q", r, want)
	}
	s.Write([]byte("\x1b]52;c;?\a"))
	s.SetClipboard(false)
	if r, ok := s.TakeClipboard(); ok {
		t.Fatalf("a request outlived the clipboard's turning off: %+v", r)
	}
}

// screenPassthrough wraps an OSC 52 as vim-oscyank and Chromium's osc52.sh
// do for TERM=screen*: in DCS strings of 76 base64 characters each.
func screenPassthrough(text string) string {
	b64 := base64.StdEncoding.EncodeToString([]byte(text))
	var chunks []string
	for len(b64) > 76 {
		chunks = append(chunks, b64[:76])
		b64 = b64[76:]
	}
	chunks = append(chunks, b64)
	return "\x1bP\x1b]52;c;" + strings.Join(chunks, "\x1b\\\x1bP") + "\a\x1b\\"
}

func TestClipboardThroughScreensPassthrough(t *testing.T) {
	for _, text := range []string{"short", strings.Repeat("a line of a yank, 中文\n", 500)} {
		s := New(20, 5, 10)
		s.SetClipboard(true)
		s.Write([]byte("before" + screenPassthrough(text) + "after"))
		r, ok := s.TakeClipboard()
		if !ok || string(r.Text) != text || r.Selection != "c" {
			t.Fatalf("%d bytes: got %v, %d bytes", len(text), ok, len(r.Text))
		}
		if screenText(s) != "beforeafter" {
			t.Fatalf("the passthrough showed: %q", screenText(s))
		}
		if cap(s.p.dcs) > maxDCS || s.clipPass != nil {
			t.Fatalf("room kept: %d, %d", cap(s.p.dcs), cap(s.clipPass))
		}
	}
	// One DCS around the whole OSC, a read, and other DCSs after a chunk.
	s := New(20, 5, 10)
	s.SetClipboard(true)
	s.Write([]byte("\x1bP\x1b]52;p;" + base64.StdEncoding.EncodeToString([]byte("whole")) + "\a\x1b\\"))
	if r, _ := s.TakeClipboard(); string(r.Text) != "whole" || r.Selection != "p" {
		t.Fatalf("one DCS: %+v", r)
	}
	s.Write([]byte("\x1bP\x1b]52;c;?\a\x1b\\"))
	if r, _ := s.TakeClipboard(); !r.Query {
		t.Fatalf("read through passthrough: %+v", r)
	}
	s.Write([]byte("\x1bP\x1b]52;c;YWJj\x1b\\\x1bP$qm\x1b\\\x1bPZGVm\a\x1b\\"))
	if r, ok := s.TakeClipboard(); ok {
		t.Fatalf("chunks broken by another DCS were taken: %+v", r)
	}
	if len(s.TakeReplies()) == 0 {
		t.Fatal("the DECRQSS between the chunks went unanswered")
	}
	// Too long for the bound: dropped whole, never cut.
	s.Write([]byte(screenPassthrough(strings.Repeat("x", maxClipboardOSC))))
	if r, ok := s.TakeClipboard(); ok {
		t.Fatalf("an overlong passthrough was taken: %d bytes", len(r.Text))
	}
	// Off: nothing.
	s.SetClipboard(false)
	s.Write([]byte(screenPassthrough("off")))
	if _, ok := s.TakeClipboard(); ok {
		t.Fatal("taken with the clipboard off")
	}
}
