package server

import (
	"slices"

	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/statusline"
)

// Clicking a window's name in the status line selects it (mousetrack on),
// as in tmux. Each entry of %w is wrapped in two markers, zero-width like
// the style markers (statusline.Mark and three control bytes, so every other
// reader of an expanded status skips them): the first holds the window's
// number, the second ends it. The renderer notes where each entry landed
// on each row it draws (truncation and fills are done by then), and a
// click is looked up there.

// tagSpan is where window number's entry was drawn on a row: columns from
// to to (not included).
type tagSpan struct{ from, to, window int }

// lineTags notes the tags of a row being drawn.
type lineTags struct {
	spans map[int][]tagSpan // by row
	open  int               // the window whose entry is being drawn, or -1
	from  int
}

// clear forgets the entries on row y between columns from and to (a line
// drawn over them: the whole row, or a region's caption).
func (t *lineTags) clear(y, from, to int) {
	if t.spans == nil {
		t.spans = map[int][]tagSpan{}
	}
	t.spans[y] = slices.DeleteFunc(t.spans[y], func(sp tagSpan) bool { return sp.from < to && sp.to > from })
	if len(t.spans[y]) == 0 {
		delete(t.spans, y)
	}
	t.open = -1
}

// tag notes the marker at msg[i] met at column x of row y.
func (t *lineTags) tag(msg string, i, x, y int) {
	switch msg[i+1] {
	case statusline.TagStart:
		t.open, t.from = statusline.TagWindow(msg, i), x
	case statusline.TagEnd:
		if t.open >= 0 && x > t.from {
			t.spans[y] = append(t.spans[y], tagSpan{t.from, x, t.open})
		}
		t.open = -1
	}
}

// windowAt returns the number of the window whose entry is at cell (x, y),
// or -1.
func (t *lineTags) windowAt(x, y int) int {
	for _, sp := range t.spans[y] {
		if x >= sp.from && x < sp.to {
			return sp.window
		}
	}
	return -1
}

// statusClick selects the window whose status line entry was clicked; false
// if the report is not a left click on one.
func (s *session) statusClick(c *client, m input.MouseReport) bool {
	if !s.set.Mousetrack || m.Button != 0 || m.Release || m.Motion || c.r == nil {
		return false
	}
	if lay := c.layout(); lay.statusY < 0 || m.Y != lay.statusY {
		return false // only the hardstatus line's entries (what its row held before may linger)
	}
	n := c.r.tags.windowAt(m.X, m.Y)
	if n < 0 {
		return false
	}
	if w := s.windows.byNumber(n); w != nil && w != c.win {
		s.show(&cmdContext{s: s, c: c, w: c.win}, w)
	}
	return true
}
