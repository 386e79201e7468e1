package server

import (
	"slices"
	"strings"
	"testing"

	"github.com/gmux/gmux/server/vt"
)

// copyOn returns copy mode on lines of text, 40 columns, the cursor at the
// first line's start.
func copyOn(t *testing.T, lines ...string) *copyMode {
	t.Helper()
	sc := vt.New(40, len(lines), 0)
	for i, l := range lines {
		if i > 0 {
			sc.Write([]byte("\r\n"))
		}
		sc.Write([]byte(l))
	}
	m := newCopyMode(sc.Snapshot(), 40, len(lines), 0, 0)
	m.cx, m.cy = 0, 0
	return m
}

func keys(m *copyMode, ks ...string) (res copyResult, text string) {
	for _, k := range ks {
		res, text = m.key([]byte(k))
	}
	return res, text
}

// screen's copy-mode keys beyond vi's basics: | % B E W f F t T ; , C-e C-y
// x (o), v as a mark (tmux's vi habit).
func TestCopyModeScreenKeys(t *testing.T) {
	for _, c := range []struct {
		name   string
		keys   []string
		cx, cy int
	}{
		{"column", []string{"1", "2", "|"}, 11, 0},
		{"column without a count", []string{"$", "|"}, 0, 0},
		{"WORD forward", []string{"W"}, 21, 0},
		{"word forward from punctuation", []string{"w"}, 1, 0},
		{"WORD back", []string{"$", "B"}, 30, 0},
		{"WORD end", []string{"E"}, 19, 0},
		{"f", []string{"f", "r"}, 3, 0},
		{"2f", []string{"2", "f", "e"}, 24, 0},
		{"t", []string{"t", "/"}, 3, 0},
		{"t again moves on", []string{"t", "/", ";"}, 13, 0},
		{"F and ,", []string{"$", "F", "e", ","}, 34, 0},
		{"T", []string{"$", "T", "/"}, 15, 0},
		{"f without a match stays", []string{"f", "Z"}, 0, 0},
		{"percent", []string{"5", "0", "%"}, 0, 1},
		{"percent 100", []string{"1", "0", "0", "%"}, 0, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := copyOn(t, "/usr/local.bin/stuff here and there", "second line", "third line")
			keys(m, c.keys...)
			if m.cx != c.cx || m.cy != c.cy {
				t.Errorf("cursor (%d,%d), want (%d,%d)", m.cx, m.cy, c.cx, c.cy)
			}
		})
	}
}

func TestCopyModeScrollsByLine(t *testing.T) {
	sc := vt.New(10, 3, 100)
	for i := range 20 {
		sc.Write([]byte{'\r', '\n', byte('a' + i)})
	}
	m := newCopyMode(sc.Snapshot(), 10, 3, 0, 0)
	m.key([]byte("g"))
	m.key([]byte{0x05}) // C-e: the view down a line, the cursor kept in it
	if m.top != 1 || m.cy != 1 {
		t.Fatalf("after C-e: top %d cursor line %d", m.top, m.cy)
	}
	m.key([]byte("2"))
	m.key([]byte{0x05})
	m.key([]byte{0x19}) // C-y: up a line
	if m.top != 2 || m.cy != 3 {
		t.Fatalf("after 2 C-e, C-y: top %d cursor line %d", m.top, m.cy)
	}
}

func TestCopyModeExchangesMarkAndCursor(t *testing.T) {
	m := copyOn(t, "one two three")
	keys(m, "v", "w", "w", "x")
	if m.cx != 0 || m.mx != 8 {
		t.Fatalf("after x: cursor %d mark %d", m.cx, m.mx)
	}
	if res, text := keys(m, "l", " "); res != copyDone || text != "ne two t" {
		t.Fatalf("copy after x: %v %q", res, text)
	}
}

// screen's a appends the copy to the buffer; > writes the buffer to the
// exchange file after the copy.
func TestCopyModeAppendsAndWrites(t *testing.T) {
	s := testSession()
	s.set.BufferFile = t.TempDir() + "/exchange"
	c := &client{s: s, attached: true}
	s.buffer = "first "
	c.copy = copyOn(t, "second")
	for _, k := range []string{"a", ">", " ", "$", " "} {
		c.copy.input(s, c, []byte(k))
	}
	if s.buffer != "first second" || c.copy != nil {
		t.Fatalf("buffer %q, copy mode left: %v", s.buffer, c.copy == nil)
	}
	if b, err := readUserFile(s.set.BufferFile, 100); err != nil || string(b) != "first second" {
		t.Fatalf("exchange file %q %v", b, err)
	}
}

// Blocks: screen's margins (c, C) and vim's rectangle (C-v) copy the same
// columns of each line, and show what they copy.
func TestCopyModeBlocks(t *testing.T) {
	lines := []string{"0123456789", "abcdefghij", "ABCDEFGHIJ"}
	for _, c := range []struct {
		name string
		keys []string
		want string
	}{
		{"rectangle", []string{"l", "l", "v", "\x16", "j", "j", "l", "l", " "}, "234\ncde\nCDE"},
		{"margins from the cursor", []string{"3", "l", "c", "l", "l", "C", "0", "v", "j", "j", "$", " "}, "345\ndef\nDEF"},
		{"margins by count (columns from 1)", []string{"2", "c", "4", "C", "v", "j", "$", " "}, "123\nbcd"},
		{"a margin cuts the lines' starts", []string{"5", "c", "v", "j", "6", "l", " "}, "456789\nefg"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := copyOn(t, lines...)
			var res copyResult
			var text string
			for i, k := range c.keys {
				if i == len(c.keys)-1 {
					// What is shown selected is what is copied.
					var shown []string
					for y := range 3 {
						var row []byte
						for x := range 10 {
							if m.selected(x, y) {
								row = append(row, lines[y][x])
							}
						}
						if len(row) > 0 {
							shown = append(shown, string(row))
						}
					}
					if got := strings.Join(shown, "\n"); got != c.want {
						t.Errorf("shown selected %q, want %q", got, c.want)
					}
				}
				res, text = m.key([]byte(k))
			}
			if res != copyDone || text != c.want {
				t.Errorf("copied %v %q, want %q", res, text, c.want)
			}
		})
	}
}

// screen's J: the lines of a copy joined by newlines, nothing, blanks or
// commas, in turn.
func TestCopyModeJoins(t *testing.T) {
	for _, c := range []struct {
		js   int
		note string
		want string
	}{
		{0, "", "one\ntwo\nthree"},
		{1, "Lines joined", "onetwothree"},
		{2, "Lines separated by blanks", "one two three"},
		{3, "Lines separated by commas", "one,two,three"},
		{4, "Multiple lines", "one\ntwo\nthree"},
	} {
		m := copyOn(t, "one", "two", "three")
		var note string
		for range c.js {
			_, note = m.key([]byte("J"))
		}
		if note != c.note {
			t.Errorf("%d J: message %q, want %q", c.js, note, c.note)
		}
		if _, text := keys(m, " ", "j", "j", "$", " "); text != c.want {
			t.Errorf("%d J: copied %q, want %q", c.js, text, c.want)
		}
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
		if m.cx != x || m.cy != y || c.prompt == nil || c.prompt.label != label {
			var l string
			if c.prompt != nil {
				l = c.prompt.label
			}
			t.Fatalf("%s: cursor (%d,%d) prompt %q, want (%d,%d) %q", what, m.cx, m.cy, l, x, y, label)
		}
	}
	c.copy.input(s, c, []byte{0x13})
	c.prompt.input(s, c, []byte("b"))
	at("b", 6, 0, "I-search: ")
	c.prompt.input(s, c, []byte("ey"))
	at("bey", 5, 1, "I-search: ")
	c.prompt.input(s, c, []byte{0x7f})
	at("be after a backspace: its first match again", 6, 0, "I-search: ")
	c.prompt.input(s, c, []byte{0x13})
	at("C-s: the next be", 5, 1, "I-search: ")
	c.prompt.input(s, c, []byte{0x13})
	at("C-s: and the next", 5, 2, "I-search: ")
	c.prompt.input(s, c, []byte{0x12})
	at("C-r: back to the one before", 5, 1, "I-search backward: ")
	c.prompt.input(s, c, []byte("x"))
	at("no match", 5, 1, "Failing I-search backward: ")
	c.prompt.input(s, c, []byte{0x7f, '\r'})
	if c.prompt != nil || c.copy == nil || m.cx != 5 || m.cy != 1 {
		t.Fatalf("after Enter: prompt %v, copy mode %v, cursor (%d,%d)", c.prompt != nil, c.copy != nil, m.cx, m.cy)
	}
	c.copy.input(s, c, []byte{0x13})
	c.prompt.input(s, c, []byte("pine"))
	at("pine", 2, 3, "I-search: ")
	c.prompt.input(s, c, []byte{0x07})
	if c.prompt != nil || m.cx != 5 || m.cy != 1 {
		t.Fatalf("after C-g: prompt %v, cursor (%d,%d)", c.prompt != nil, m.cx, m.cy)
	}
	// C-s on an empty line takes the last search again.
	c.copy.input(s, c, []byte{0x13})
	c.prompt.input(s, c, []byte{0x13})
	if got := c.prompt.edit.Text(); got != "pine" || m.cx != 2 || m.cy != 3 {
		t.Fatalf("C-s C-s: line %q, cursor (%d,%d)", got, m.cx, m.cy)
	}
}

// Search highlights are where the search finds matches: in cells (a wide
// character before a match moves it two columns), and without case when
// ignorecase is on.
func TestCopyModeMatchSpans(t *testing.T) {
	m := copyOn(t, "中文 Foo and foo, FOO")
	m.search = "foo"
	if got, want := m.matchSpans(0), [][2]int{{13, 16}}; !slices.Equal(got, want) {
		t.Errorf("case kept: %v, want %v", got, want)
	}
	m.ignoreCase = true
	if got, want := m.matchSpans(0), [][2]int{{5, 8}, {13, 16}, {18, 21}}; !slices.Equal(got, want) {
		t.Errorf("ignorecase: %v, want %v", got, want)
	}
}
