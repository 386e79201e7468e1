package copymode

import (
	"slices"
	"strings"
	"testing"

	"github.com/gmux/gmux/server/vt"
)

// copyOn returns copy mode on lines of text, 40 columns, the cursor at the
// first line's start.
func copyOn(t *testing.T, lines ...string) *Mode {
	t.Helper()
	sc := vt.New(40, len(lines), 0)
	for i, l := range lines {
		if i > 0 {
			sc.Write([]byte("\r\n"))
		}
		sc.Write([]byte(l))
	}
	m := New(sc.Snapshot(), 40, len(lines), 0, 0)
	m.CX, m.CY = 0, 0
	return m
}

func keys(m *Mode, ks ...string) (res Result, text string) {
	for _, k := range ks {
		res, text = m.Key([]byte(k))
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
			if m.CX != c.cx || m.CY != c.cy {
				t.Errorf("cursor (%d,%d), want (%d,%d)", m.CX, m.CY, c.cx, c.cy)
			}
		})
	}
}

func TestCopyModeScrollsByLine(t *testing.T) {
	sc := vt.New(10, 3, 100)
	for i := range 20 {
		sc.Write([]byte{'\r', '\n', byte('a' + i)})
	}
	m := New(sc.Snapshot(), 10, 3, 0, 0)
	m.Key([]byte("g"))
	m.Key([]byte{0x05}) // C-e: the view down a line, the cursor kept in it
	if m.Top != 1 || m.CY != 1 {
		t.Fatalf("after C-e: top %d cursor line %d", m.Top, m.CY)
	}
	m.Key([]byte("2"))
	m.Key([]byte{0x05})
	m.Key([]byte{0x19}) // C-y: up a line
	if m.Top != 2 || m.CY != 3 {
		t.Fatalf("after 2 C-e, C-y: top %d cursor line %d", m.Top, m.CY)
	}
}

func TestCopyModeExchangesMarkAndCursor(t *testing.T) {
	m := copyOn(t, "one two three")
	keys(m, "v", "w", "w", "x")
	if m.CX != 0 || m.MX != 8 {
		t.Fatalf("after x: cursor %d mark %d", m.CX, m.MX)
	}
	if res, text := keys(m, "l", " "); res != Done || text != "ne two t" {
		t.Fatalf("copy after x: %v %q", res, text)
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
			var res Result
			var text string
			for i, k := range c.keys {
				if i == len(c.keys)-1 {
					// What is shown selected is what is copied.
					var shown []string
					for y := range 3 {
						var row []byte
						for x := range 10 {
							if m.Selected(x, y) {
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
				res, text = m.Key([]byte(k))
			}
			if res != Done || text != c.want {
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
			_, note = m.Key([]byte("J"))
		}
		if note != c.note {
			t.Errorf("%d J: message %q, want %q", c.js, note, c.note)
		}
		if _, text := keys(m, " ", "j", "j", "$", " "); text != c.want {
			t.Errorf("%d J: copied %q, want %q", c.js, text, c.want)
		}
	}
}

// Search highlights are where the search finds matches: in cells (a wide
// character before a match moves it two columns), and without case when
// ignorecase is on.
func TestCopyModeMatchSpans(t *testing.T) {
	m := copyOn(t, "中文 Foo and foo, FOO")
	m.Search = "foo"
	if got, want := m.MatchSpans(0), [][2]int{{13, 16}}; !slices.Equal(got, want) {
		t.Errorf("case kept: %v, want %v", got, want)
	}
	m.IgnoreCase = true
	if got, want := m.MatchSpans(0), [][2]int{{5, 8}, {13, 16}, {18, 21}}; !slices.Equal(got, want) {
		t.Errorf("ignorecase: %v, want %v", got, want)
	}
}
