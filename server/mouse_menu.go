package server

import "github.com/gmux/gmux/server/input"

// The mouse on a list (mousetrack on), as on screen's: the wheel moves
// through it, a click selects an item, a click on the selected one picks it.

// mouse is a mouse report on the menu, open on c.
func (m *menu) mouse(s *session, c *client, ev input.MouseReport) {
	if ev.Release || ev.Motion {
		return
	}
	switch ev.Button {
	case 64:
		m.move(-1)
	case 65:
		m.move(+1)
	case 0:
		_, y0 := c.menuOrigin()
		i := m.top + ev.Y - y0 - menuItemsTop
		if m.sel < 0 || ev.Y-y0 < menuItemsTop || i >= len(m.items) {
			return // a list to read, or not on an item
		}
		if i != m.sel {
			m.sel = i
			break
		}
		if c.menu == m {
			c.menu = nil
		}
		m.done(i)
	default:
		return
	}
	c.markDirty(s)
}

// menuOrigin is the terminal cell where c's list is drawn from: the
// display's corner, or its focused region's.
func (c *client) menuOrigin() (x, y int) {
	if c.regs == nil {
		return 0, 0
	}
	return c.focusOrigin()
}
