package vt

import "testing"

// Where SGR 3 is standout (screen's terminfo), it sets Standout, not
// Italic; SGR 23 ends either; DECRQSS reports it as 3.
func TestItalicIsStandout(t *testing.T) {
	s := New(10, 2, 0)
	s.SetItalicIsStandout(true)
	s.Write([]byte("\x1b[3ma\x1b[23mb\x1b[3m\x1bP$qm\x1b\\"))
	if a := s.Row(0)[0].S.Attr; a&Standout == 0 || a&Italic != 0 {
		t.Fatalf("SGR 3 as standout gave %b", a)
	}
	if a := s.Row(0)[1].S.Attr; a&(Standout|Italic) != 0 {
		t.Fatalf("SGR 23 left %b", a)
	}
	if r := string(s.TakeReplies()); r != "\x1bP1$r0;3m\x1b\\" {
		t.Fatalf("DECRQSS: %q", r)
	}
	s = New(10, 2, 0)
	s.Write([]byte("\x1b[3ma"))
	if a := s.Row(0)[0].S.Attr; a&Italic == 0 || a&Standout != 0 {
		t.Fatalf("SGR 3 by default gave %b", a)
	}
}
