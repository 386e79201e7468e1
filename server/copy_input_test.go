package server

import (
	"testing"

	"github.com/gmux/gmux/server/copymode"
	"github.com/gmux/gmux/server/userfile"
	"github.com/gmux/gmux/server/vt"
)

// copyOn returns a display's copy mode on lines of text, 40 columns, the
// cursor at the first line's start.
func copyOn(t *testing.T, lines ...string) *copyMode {
	t.Helper()
	sc := vt.New(40, len(lines), 0)
	for i, l := range lines {
		if i > 0 {
			sc.Write([]byte("\r\n"))
		}
		sc.Write([]byte(l))
	}
	m := &copyMode{Mode: copymode.New(sc.Snapshot(), 40, len(lines), 0, 0)}
	m.CX, m.CY = 0, 0
	return m
}

// screen's a appends the copy to the buffer; > writes the buffer to the
// exchange file after the copy.
func TestCopyModeAppendsAndWrites(t *testing.T) {
	s := testSession()
	s.set.BufferFile = t.TempDir() + "/exchange"
	c := &client{s: s, attached: true}
	s.Buffer = "first "
	c.copy = copyOn(t, "second")
	for _, k := range []string{"a", ">", " ", "$", " "} {
		c.copy.input(s, c, []byte(k))
	}
	if s.Buffer != "first second" || c.copy != nil {
		t.Fatalf("buffer %q, copy mode left: %v", s.Buffer, c.copy == nil)
	}
	if b, err := userfile.Read(s.set.BufferFile, 100); err != nil || string(b) != "first second" {
		t.Fatalf("exchange file %q %v", b, err)
	}
}

// C-s and C-r search as you type (screen's incremental search): each key
// moves to the first match from where the search began, C-s again to the
// next; C-g goes back.
func TestCopyModeIncrementalSearch(t *testing.T) {
	s := testSession()
	c := &client{s: s, attached: true}
	c.copy = copyOn(t, "alpha beta", "alps beyond", "also be", "alpine")
	m := c.copy
	at := func(what string, x, y int, label string) {
		t.Helper()
		if m.CX != x || m.CY != y || c.prompt == nil || c.prompt.Label != label {
			var l string
			if c.prompt != nil {
				l = c.prompt.Label
			}
			t.Fatalf("%s: cursor (%d,%d) prompt %q, want (%d,%d) %q", what, m.CX, m.CY, l, x, y, label)
		}
	}
	c.copy.input(s, c, []byte{0x13})
	promptInput(s, c, c.prompt, []byte("b"))
	at("b", 6, 0, "I-search: ")
	promptInput(s, c, c.prompt, []byte("ey"))
	at("bey", 5, 1, "I-search: ")
	promptInput(s, c, c.prompt, []byte{0x7f})
	at("be after a backspace: its first match again", 6, 0, "I-search: ")
	promptInput(s, c, c.prompt, []byte{0x13})
	at("C-s: the next be", 5, 1, "I-search: ")
	promptInput(s, c, c.prompt, []byte{0x13})
	at("C-s: and the next", 5, 2, "I-search: ")
	promptInput(s, c, c.prompt, []byte{0x12})
	at("C-r: back to the one before", 5, 1, "I-search backward: ")
	promptInput(s, c, c.prompt, []byte("x"))
	at("no match", 5, 1, "Failing I-search backward: ")
	promptInput(s, c, c.prompt, []byte{0x7f, '\r'})
	if c.prompt != nil || c.copy == nil || m.CX != 5 || m.CY != 1 {
		t.Fatalf("after Enter: prompt %v, copy mode %v, cursor (%d,%d)", c.prompt != nil, c.copy != nil, m.CX, m.CY)
	}
	c.copy.input(s, c, []byte{0x13})
	promptInput(s, c, c.prompt, []byte("pine"))
	at("pine", 2, 3, "I-search: ")
	promptInput(s, c, c.prompt, []byte{0x07})
	if c.prompt != nil || m.CX != 5 || m.CY != 1 {
		t.Fatalf("after C-g: prompt %v, cursor (%d,%d)", c.prompt != nil, m.CX, m.CY)
	}
	// C-s on an empty line takes the last search again.
	c.copy.input(s, c, []byte{0x13})
	promptInput(s, c, c.prompt, []byte{0x13})
	if got := c.prompt.Edit.Text(); got != "pine" || m.CX != 2 || m.CY != 3 {
		t.Fatalf("C-s C-s: line %q, cursor (%d,%d)", got, m.CX, m.CY)
	}
}
