package menu

import "github.com/gmux/gmux/server/input"

// The mouse on a list (mousetrack on), as on screen's: the wheel moves
// through it, a click selects an item, a click on the selected one picks it.

// Mouse is a mouse report on the list, drawn from row y0; it reports
// whether the list changed (it is to be drawn again) and whether it closed.
func (m *List) Mouse(ev input.MouseReport, y0 int) (changed, closed bool) {
	if ev.Release || ev.Motion {
		return false, false
	}
	switch ev.Button {
	case 64:
		m.move(-1)
	case 65:
		m.move(+1)
	case 0:
		i := m.top + ev.Y - y0 - ItemsTop
		if m.Sel < 0 || ev.Y-y0 < ItemsTop || i >= len(m.Items) {
			return false, false // a list to read, or not on an item
		}
		if i != m.Sel {
			m.Sel = i
			break
		}
		m.Done(i)
		return true, true
	default:
		return false, false
	}
	return true, false
}
