package vt

import (
	"fmt"
	"testing"
)

// A taller screen takes back what scrolled off, as tmux and xterm do: the
// screen's lines move down, the newest history lines come back above them,
// the cursor stays on its line, and the history is shorter by as much.
func TestTallerScreenTakesBackScrolledLines(t *testing.T) {
	s := New(20, 4, 100)
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(s, "line%d\r\n", i)
	}
	s.Write([]byte("tail"))
	if got := s.History().Len(); got != 5 {
		t.Fatalf("history holds %d lines before, want 5", got)
	}
	s.Resize(20, 7)
	for y, want := range []string{"line3", "line4", "line5", "line6", "line7", "line8", "tail"} {
		if got := s.LineText(y); got != want {
			t.Errorf("row %d is %q, want %q", y, got, want)
		}
	}
	if x, y := s.Cursor(); x != 4 || y != 6 {
		t.Errorf("cursor at (%d,%d), want (4,6): after tail, on its line", x, y)
	}
	if got := s.History().Len(); got != 2 || s.History().Text(1) != "line2" {
		t.Errorf("history holds %d lines, the newest %q; want 2, line2", got, s.History().Text(1))
	}
	// Taller than what there is: the rest is blank rows at the bottom.
	s.Resize(20, 12)
	if s.LineText(0) != "line1" || s.LineText(8) != "tail" || s.LineText(9) != "" || s.History().Len() != 0 {
		t.Errorf("12 rows: %q ... %q %q, history %d", s.LineText(0), s.LineText(8), s.LineText(9), s.History().Len())
	}
	// Shorter again, then taller: the same screen comes back.
	s.Resize(20, 4)
	s.Resize(20, 9)
	if s.LineText(0) != "line1" || s.LineText(8) != "tail" {
		t.Errorf("back to 9 rows: %q ... %q", s.LineText(0), s.LineText(8))
	}
}

// The alternate screen takes nothing from the history: a full-screen
// program's screen is its own.
func TestTallerAltScreenTakesNothing(t *testing.T) {
	s := New(20, 4, 100)
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(s, "line%d\r\n", i)
	}
	s.Write([]byte("\x1b[?1049h\x1b[Hfull"))
	n := s.History().Len()
	s.Resize(20, 7)
	if s.LineText(0) != "full" || s.History().Len() != n {
		t.Errorf("alternate screen row 0 %q, history %d (was %d)", s.LineText(0), s.History().Len(), n)
	}
	s.Write([]byte("\x1b[?1049l"))
	if s.LineText(0) == "" {
		t.Errorf("the main screen came back empty")
	}
}
