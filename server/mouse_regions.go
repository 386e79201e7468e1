package server

import (
	"fmt"

	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/layout"
	"github.com/gmux/gmux/server/render"
)

// The mouse on a split display (mousetrack on): a click in a region
// focuses it, dragging a border (the column between regions side by side,
// or a region's caption for the one below it) resizes, and the wheel
// scrolls the region under the pointer. Reports for a program that asked
// for the mouse are passed on with its region's coordinates.

// regionDrag is a border being dragged: region id's size along dir, and
// where the pointer was.
type regionDrag struct {
	id  int
	dir layout.Dir
	at  int
}

// regionAt finds what is under the pointer at terminal cell (x, y): a
// region (id), its caption row, or a border to the right of region id.
func (c *client) regionAt(x, y int) (id int, caption, border bool) {
	top, _, _ := c.regionArea()
	for _, r := range c.regs.Regions() {
		rc := r.Rect
		rc.Y += top
		if y < rc.Y || y >= rc.Y+rc.H {
			continue
		}
		if x >= rc.X && x < rc.X+rc.W {
			return r.ID, y == render.RegionCaptionY(rc, c.s.set.CaptionTop), false
		}
		if x == rc.X+rc.W {
			return r.ID, false, true
		}
	}
	return 0, false, false
}

// regionMouse handles a mouse report on a split display; false if it is
// not the split display's to handle (the program's, or gmux's wheel).
func (s *session) regionMouse(c *client, m input.MouseReport) bool {
	if d := c.drag; d != nil {
		if m.Release {
			c.drag = nil
			return true
		}
		if m.Motion {
			to := m.Y
			if d.dir == layout.SideBySide {
				to = m.X
			}
			if delta := to - d.at; delta != 0 {
				if _, err := c.regs.ResizeRegion(d.id, d.dir, delta); err == nil {
					d.at = to
					c.regionsChanged(s)
				}
			}
			return true
		}
	}
	if c.sel != nil {
		return false // a selection being dragged takes the mouse until let go (mouse_select.go)
	}
	id, caption, border := c.regionAt(m.X, m.Y)
	if id == 0 {
		return true // on the hardstatus line: nothing to do
	}
	switch {
	case m.Button == 0 && !m.Release && !m.Motion && border:
		c.drag = &regionDrag{id: id, dir: layout.SideBySide, at: m.X}
		return true
	case m.Button == 0 && !m.Release && !m.Motion && caption:
		// A caption is the edge it sits on: a region's bottom, or with
		// caption top the bottom of the region above.
		dragged := id
		if s.set.CaptionTop {
			dragged = c.regs.Neighbour(id, layout.Up)
		}
		if dragged != 0 {
			c.drag = &regionDrag{id: dragged, dir: layout.Stacked, at: m.Y}
		}
		c.focusRegion(s, id)
		return true
	case m.Button == 64 || m.Button == 65:
		if id != c.regs.Focus() {
			c.focusRegion(s, id) // the wheel scrolls the region under the pointer
		}
	case id != c.regs.Focus():
		if m.Button <= 2 && !m.Release && !m.Motion {
			c.focusRegion(s, id) // a click focuses; the program does not get it
		}
		return true
	}
	if c.win != nil && c.copy == nil && c.win.Screen.Modes().Mouse != 0 {
		s.sendInput(c, c.windowMouseBytes(m)) // the program asked for the mouse
		return true
	}
	return false // gmux's own: the wheel scrolls (mouse.go)
}

// windowMouseBytes re-encodes a report for the program of the window c
// shows: its coordinates are the window's (those of the focused region, or
// below the lines above the window), in the encoding the program asked
// for. nil when the pointer is outside the window.
func (c *client) windowMouseBytes(m input.MouseReport) []byte {
	if c.win == nil {
		return nil
	}
	var ox, oy, wc, wr int
	if c.regs != nil {
		ox, oy = c.focusOrigin()
		wc, wr = render.RegionWindowSize(c.focusRect())
	} else {
		lay := c.layout()
		oy, wr = lay.Top, lay.WinRows
		wc, _ = c.win.Screen.Size()
	}
	x, y := m.X-ox, m.Y-oy
	if x < 0 || y < 0 || x >= wc || y >= wr {
		return nil
	}
	b := m.Button
	if m.Shift {
		b |= 4
	}
	if m.Meta {
		b |= 8
	}
	if m.Control {
		b |= 16
	}
	if m.Motion {
		b |= 32
	}
	if c.win.Screen.Modes().MouseEncoding == 1006 {
		end := 'M'
		if m.Release {
			end = 'm'
		}
		return fmt.Appendf(nil, "\x1b[<%d;%d;%d%c", b, x+1, y+1, end)
	}
	if m.Release {
		b = 3
	}
	if x > 222 || y > 222 {
		return nil // beyond what the X10 form can say
	}
	return []byte{0x1b, '[', 'M', byte(32 + b), byte(33 + x), byte(33 + y)}
}
