package server

import (
	"time"

	"github.com/gmux/gmux/server/copymode"
	"github.com/gmux/gmux/server/input"
)

// Selecting with the mouse (mousetrack on), as tmux's mouse mode does:
// dragging with the left button in the window enters copy mode, marks from
// where the button went down to the pointer (scrolling when the pointer
// leaves the top or the bottom), and letting go copies what is marked into
// the paste buffer (and the terminal's clipboard, where copies go there)
// and leaves copy mode. A click alone does nothing, so that clicking into
// the terminal does not flash copy mode; in copy mode it moves the cursor
// there. A double click copies the word under the pointer (what lies
// between blanks: a path, a URL, a hash), a triple click its line (the whole
// line the program wrote, however many rows it wrapped to). Shift with the
// mouse is the terminal's own selection, as ever.

// mouseSelect is the left button held down in the window.
type mouseSelect struct {
	x, y int // where it went down, in the window's view
}

// mouseClicks counts clicks in one place in quick succession.
type mouseClicks struct {
	at   time.Time
	x, y int
	n    int
}

// multiClick is how soon a click must follow the last to count with it.
const multiClick = 400 * time.Millisecond

// mouseSelection handles the left button's press, drag and release; false
// for any other report.
func (c *client) mouseSelection(s *session, m input.MouseReport) bool {
	release := m.Release || m.Button == 3
	switch {
	case c.sel != nil && release:
		c.endSelection(s)
	case c.sel != nil && m.Motion:
		c.dragSelection(s, m)
	case m.Button == 0 && !m.Motion && !release && !m.Shift && !m.Meta && !m.Control:
		c.startSelection(s, m)
	default:
		return false
	}
	return true
}

// windowPoint turns a terminal cell into the window's (or its copy's) view
// coordinates: the focused region's on a split display.
func (c *client) windowPoint(x, y int) (wx, wy int) {
	if c.regs != nil {
		ox, oy := c.focusOrigin()
		return x - ox, y - oy
	}
	return x, y - c.layout().Top
}

func (c *client) startSelection(s *session, m input.MouseReport) {
	x, y := c.windowPoint(m.X, m.Y)
	cols, rows := c.windowSize()
	if c.win == nil || x < 0 || y < 0 || x >= cols || y >= rows {
		return
	}
	c.sel = &mouseSelect{x: x, y: y}
	now := time.Now()
	if k := &c.clicks; k.n > 0 && now.Sub(k.at) < multiClick && k.x == x && k.y == y {
		k.n++
		k.at = now
	} else {
		*k = mouseClicks{at: now, x: x, y: y, n: 1}
	}
	if cp := c.copy; cp != nil {
		cp.Marked = false
		cp.CX, cp.CY = x, cp.Top+y
		cp.Clamp()
		c.markDirty(s)
	}
}

func (c *client) dragSelection(s *session, m input.MouseReport) {
	if !s.inCopyMode(c) {
		c.sel = nil
		return
	}
	cp := c.copy
	if !cp.Marked {
		cp.Marked, cp.MX, cp.MY = true, max(0, min(c.sel.x, cp.Cols-1)), cp.Top+c.sel.y
	}
	x, y := c.windowPoint(m.X, m.Y)
	switch {
	case y < 0:
		cp.Scroll(-1) // dragged above the view: it follows
		y = 0
	case y >= cp.Rows:
		cp.Scroll(1)
		y = cp.Rows - 1
	}
	cp.CX, cp.CY = max(0, min(x, cp.Cols-1)), cp.Top+y
	cp.Clamp()
	c.markDirty(s)
}

func (c *client) endSelection(s *session) {
	sel := c.sel
	c.sel = nil
	if cp := c.copy; cp != nil && cp.Marked {
		text := cp.CopyRegion()
		c.copy = nil
		s.setBuffer(c, text)
		c.markDirty(s)
		return
	}
	if c.clicks.n >= 2 {
		c.copyClicked(s, sel.x, sel.y, c.clicks.n >= 3)
	}
}

// copyClicked copies the word (or the whole line) at view cell (x, y), as a
// selection from copy mode would, and leaves copy mode.
func (c *client) copyClicked(s *session, x, y int, line bool) {
	if !s.inCopyMode(c) {
		return
	}
	cp := c.copy
	c.copy = nil
	c.markDirty(s)
	at := cp.Top + y
	if at >= cp.Doc.Len() {
		return
	}
	if line {
		first, last := at, at
		for first > 0 && cp.Doc.Wrapped(first-1) {
			first--
		}
		for last+1 < cp.Doc.Len() && cp.Doc.Wrapped(last) {
			last++
		}
		cp.Marked, cp.MX, cp.MY, cp.CX, cp.CY = true, 0, first, cp.Cols-1, last
	} else {
		text := []rune(cp.Line(at))
		i := copymode.RuneAtColumn(text, x)
		if i >= len(text) || text[i] == ' ' {
			return // a blank: no word
		}
		from, to := i, i
		for from > 0 && text[from-1] != ' ' {
			from--
		}
		for to+1 < len(text) && text[to+1] != ' ' {
			to++
		}
		cp.Marked, cp.MX, cp.MY, cp.CX, cp.CY = true, copymode.ColumnOf(text, from), at, copymode.ColumnOf(text, to), at
	}
	if text := cp.CopyRegion(); text != "" {
		s.setBuffer(c, text)
	}
}
