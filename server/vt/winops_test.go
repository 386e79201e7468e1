package vt

import "testing"

func TestWindowOps(t *testing.T) {
	s := New(80, 25, 0)
	s.Write([]byte("\x1b[18t\x1b[19t\x1b[11t\x1b[13t\x1b[14t\x1b[21t\x1b[20t"))
	if got, want := string(s.TakeReplies()), "\x1b[8;25;80t\x1b[9;25;80t\x1b[1t\x1b[3;0;0t"; got != want {
		t.Errorf("replies %q, want %q (no pixel size, no title report)", got, want)
	}
	s.Write([]byte("\x1b]2;first\a\x1b[22;0t\x1b]2;second\a"))
	if s.Title() != "second" {
		t.Fatalf("title %q", s.Title())
	}
	s.Write([]byte("\x1b[23;0t"))
	if s.Title() != "first" {
		t.Errorf("after the pop: %q, want first", s.Title())
	}
}

// RIS clears the alternate screen as well.
func TestResetClearsAltScreen(t *testing.T) {
	s := New(10, 2, 0)
	s.Write([]byte("\x1b[?1047hALT\x1bc\x1b[?1047h"))
	if got := s.LineText(0); got != "" && got != "          " {
		t.Errorf("the alternate screen after RIS: %q", got)
	}
}
