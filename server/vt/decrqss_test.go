package vt

import "testing"

func TestDECRQSS(t *testing.T) {
	s := New(80, 25, 0)
	s.Write([]byte("\x1b[1;4;31;48;5;200m\x1b[3;20r\x1b[5 q"))
	for req, want := range map[string]string{
		"m":   "\x1bP1$r0;1;4;31;48;5;200m\x1b\\",
		"r":   "\x1bP1$r3;20r\x1b\\",
		" q":  "\x1bP1$r5 q\x1b\\",
		"\"p": "\x1bP1$r65;1\"p\x1b\\",
		"\"q": "\x1bP1$r0\"q\x1b\\",
		"xyz": "\x1bP0$r\x1b\\",
	} {
		s.Write([]byte("\x1bP$q" + req + "\x1b\\"))
		if got := string(s.TakeReplies()); got != want {
			t.Errorf("%q: %q, want %q", req, got, want)
		}
	}
	// Another DCS (sixel, tmux passthrough) is swallowed, unanswered.
	s.Write([]byte("\x1bPq#0;2;0;0;0\x1b\\"))
	if got := s.TakeReplies(); len(got) != 0 {
		t.Errorf("a sixel answered %q", got)
	}
}
