package vt

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// allText is the history and the screen, one row per line, trailing
// blank rows dropped.
func allText(s *Screen) string {
	var rows []string
	h := s.History()
	for i := range h.Len() {
		rows = append(rows, strings.TrimRight(h.Text(i), " "))
	}
	for y := range s.rows {
		rows = append(rows, strings.TrimRight(s.LineText(y), " "))
	}
	return strings.TrimRight(strings.Join(rows, "\n"), "\n")
}

func TestReflowRewrapsLinesNotUnderTheCursor(t *testing.T) {
	long := "abcdefghijklmnopqrstuvwxyz0123" // 30 characters
	s := feed(10, 6, long+"\r\nnext\r\n$ ")
	if got := allText(s); got != "abcdefghij\nklmnopqrst\nuvwxyz0123\nnext\n$" {
		t.Fatalf("before: %q", got)
	}
	s.Resize(20, 6)
	if got := allText(s); got != "abcdefghijklmnopqrst\nuvwxyz0123\nnext\n$" {
		t.Fatalf("wider: %q", got)
	}
	if x, y := s.Cursor(); x != 2 || y != 3 {
		t.Fatalf("cursor (%d,%d), want (2,3)", x, y)
	}
	s.Resize(40, 6)
	if got := allText(s); got != long+"\nnext\n$" {
		t.Fatalf("widest: %q", got)
	}
	s.Resize(7, 6)
	if got := allText(s); got != "abcdefg\nhijklmn\nopqrstu\nvwxyz01\n23\nnext\n$" {
		t.Fatalf("narrow: %q", got)
	}
	if x, y := s.Cursor(); x != 2 || y != 2 { // its row kept, as tmux: the rest went to history
		t.Fatalf("cursor (%d,%d), want (2,2)", x, y)
	}
	// Back to the first width: the same rows as before, nothing lost.
	s.Resize(10, 6)
	if got := allText(s); got != "abcdefghij\nklmnopqrst\nuvwxyz0123\nnext\n$" {
		t.Fatalf("round trip: %q", got)
	}
	if h := s.History(); h.Len() != 2 || !h.Wrapped(0) || !h.Wrapped(1) || s.g.row(0).wrapped {
		t.Fatalf("rewrapped rows lost their wrap marks")
	}
}

// The shell's line (the cursor's) keeps its rows so the shell's own redraw
// after SIGWINCH lands where it expects (tmux#516).
func TestReflowKeepsTheCursorLine(t *testing.T) {
	s := feed(10, 4, "$ 0123456789abc")
	s.Resize(20, 4)
	if got := allText(s); got != "$ 01234567\n89abc" {
		t.Fatalf("cursor line rewrapped: %q", got)
	}
	if x, y := s.Cursor(); x != 5 || y != 1 {
		t.Fatalf("cursor (%d,%d), want (5,1)", x, y)
	}
	s.Write([]byte("\r\n"))
	s.Resize(30, 4) // no longer the cursor's line: rewrapped now
	if got := allText(s); got != "$ 0123456789abc" {
		t.Fatalf("old line not rewrapped: %q", got)
	}
}

// A cursor saved with DECSC comes back on the same character (tmux#4366).
func TestReflowCarriesTheSavedCursor(t *testing.T) {
	s := feed(10, 6, "0123456789ABCDE\x1b7\r\n\r\n$ ")
	s.Resize(20, 6)
	s.Write([]byte("\x1b8X"))
	if got := allText(s); !strings.HasPrefix(got, "0123456789ABCDEX\n") {
		t.Fatalf("restored cursor wrote elsewhere: %q", got)
	}
}

// A full-screen program's resize reflows the screen beneath it, and the
// shell comes back to its own line with nothing lost (tmux#2536).
func TestReflowUnderTheAlternateScreen(t *testing.T) {
	s := feed(10, 4, "0123456789ABCDE\r\n$ vim\x1b[?1049h\x1b[Hfull screen")
	s.Resize(20, 4)
	s.Resize(8, 3)
	s.Write([]byte("\x1b[?1049l!"))
	if got := allText(s); got != "01234567\n89ABCDE\n$ vim!" {
		t.Fatalf("after the alternate screen: %q", got)
	}
}

func TestReflowWideCharacters(t *testing.T) {
	s := feed(6, 4, "ab中文字x\r\n$ ")
	// "ab中文" fills 6 columns, "字x" goes on the next row.
	if got := allText(s); got != "ab中文\n字x\n$" {
		t.Fatalf("before: %q", got)
	}
	s.Resize(5, 4) // 文 no longer fits after ab中: it moves down whole
	if got := allText(s); got != "ab中\n文字x\n$" {
		t.Fatalf("narrower: %q", got)
	}
	s.Resize(1, 4) // one column cannot hold a wide character at all
	checkInvariants(t, s)
	s.Resize(20, 4)
	checkInvariants(t, s)
}

// Widening does not pull history back onto a screen the user cleared.
func TestReflowKeepsTheScreenTop(t *testing.T) {
	s := feed(10, 3, "1\r\n2\r\n3\r\n4\r\n5\r\n\x1b[H\x1b[2J$ ")
	histBefore := s.History().Len()
	s.Resize(20, 3)
	if s.LineText(0) != "$ " {
		t.Fatalf("screen top %q, want the prompt", s.LineText(0))
	}
	if s.History().Len() != histBefore {
		t.Fatalf("history %d lines, was %d", s.History().Len(), histBefore)
	}
}

// Narrowing pushes the rows that no longer fit into the history, keeping
// the cursor on screen.
func TestReflowNarrowingFillsHistory(t *testing.T) {
	s := feed(20, 3, strings.Repeat("x", 20)+"\r\n"+strings.Repeat("y", 20)+"\r\n$ ")
	s.Resize(10, 3)
	if got := allText(s); got != "xxxxxxxxxx\nxxxxxxxxxx\nyyyyyyyyyy\nyyyyyyyyyy\n$" {
		t.Fatalf("narrowed: %q", got)
	}
	if x, y := s.Cursor(); x != 2 || y != 2 {
		t.Fatalf("cursor (%d,%d), want (2,2)", x, y)
	}
}

// Lines in the history are rewrapped too, wrapped pieces joining across
// the history's rows.
func TestReflowHistory(t *testing.T) {
	s := New(10, 3, 100)
	var want []string
	for i := range 8 {
		line := strings.Repeat(string(rune('a'+i)), 10+i*2)
		want = append(want, line)
		s.Write([]byte(line + "\r\n"))
	}
	s.Write([]byte("$ "))
	s.Resize(40, 3)
	got := allText(s)
	if !strings.HasPrefix(got, strings.Join(want, "\n")+"\n") {
		t.Fatalf("history not rewrapped:\n%s", got)
	}
	s.Resize(10, 3)
	for i := range s.History().Len() {
		if w := textWidth(s.History().Text(i)); w > 10 {
			t.Fatalf("history row %d is %d wide at 10 columns", i, w)
		}
	}
	checkInvariants(t, s)
}

// A history in compressed blocks (and repacked ones) rewraps whole: narrow
// it, widen it back, and every line is there, in order, with its style.
func TestReflowCompressedHistory(t *testing.T) {
	s := New(60, 5, 100000)
	rng := rand.New(rand.NewSource(5))
	var want []string
	for i := range 4*blockLines + 100 {
		line := fmt.Sprintf("%05d %s", i, strings.Repeat("wrap ", rng.Intn(20)))
		want = append(want, strings.TrimRight(line, " "))
		fmt.Fprintf(s, "\x1b[3%dm%s\x1b[m\r\n", i%8, line)
	}
	if len(s.History().blocks) < 3 {
		t.Fatalf("%d blocks: the test does not cover compressed history", len(s.History().blocks))
	}
	s.Resize(23, 5)
	checkInvariants(t, s)
	for i := range s.History().Len() {
		if w := textWidth(s.History().Text(i)); w > 23 {
			t.Fatalf("history row %d is %d wide at 23 columns", i, w)
		}
	}
	s.Resize(120, 5)
	checkInvariants(t, s)
	h := s.History()
	var got []string
	for i := range h.Len() {
		got = append(got, strings.TrimRight(h.Text(i), " "))
	}
	// The oldest lines, rewrapped at 23 columns and back, are whole again.
	for i, w := range want[:len(got)-10] {
		if got[i] != w {
			t.Fatalf("history line %d after narrowing and widening: %q, want %q", i, got[i], w)
		}
	}
	if c := h.Cells(s, 2000, 120)[0]; c.S.Fg == 0 {
		t.Fatalf("line 2000 lost its colour: %+v", c.S)
	}
}
