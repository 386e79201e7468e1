package server

// menu is a list a client picks from (the window list) or reads (help),
// over the whole display or its focused region. Keys go to it until a
// choice is made or it is left.
type menu struct {
	title string
	items []string
	ids   []int           // the number each item answers to when typed (window numbers)
	sel   int             // the selected item; -1 in a list without choices
	done  func(index int) // -1 when left without a choice
	// top is the first item shown and page how many show, as last drawn:
	// a list longer than its place scrolls, as screen's do.
	top, page int
}

// menuItemsTop is the row of a menu's first item, under its title and a
// blank line.
const menuItemsTop = 2

// moreHint ends the title of a list that goes on beyond its place.
const moreHint = "  [more: Space, j/k]"

// scroll records that page items fit and returns the first to show: the
// selection stays in view.
func (m *menu) scroll(page int) int {
	m.page = max(page, 1)
	if m.sel >= 0 {
		m.top = min(m.top, m.sel)
		m.top = max(m.top, m.sel-m.page+1)
	}
	m.top = max(min(m.top, len(m.items)-m.page), 0)
	return m.top
}

// more reports whether items lie beyond what shows.
func (m *menu) more() bool { return m.page > 0 && len(m.items) > m.page }

// key handles input; it returns the unused rest and whether the menu closed.
func (m *menu) key(data []byte) ([]byte, bool) {
	for i := 0; i < len(data); i++ {
		b := data[i]
		switch {
		case len(nextKey(data[i:])) > 1: // an arrow or another sequence
			key := nextKey(data[i:])
			switch key[len(key)-1] {
			case 'A':
				m.move(-1)
			case 'B':
				m.move(+1)
			}
			i += len(key) - 1
		case b == 'k' || b == 0x10: // k, C-p
			m.move(-1)
		case b == 'j' || b == 0x0e || b == ' ' && m.sel >= 0: // j, C-n; Space in a list to pick from
			m.move(+1)
		case b == ' ' && m.top+m.page < len(m.items):
			m.top += m.page // the next page of a list to read
		case m.sel < 0:
			// A list without choices (help) closes on any other key.
			m.done(-1)
			return data[i+1:], true
		case b == '\r' || b == '\n':
			m.done(m.sel)
			return data[i+1:], true
		case b >= '0' && b <= '9':
			for idx, id := range m.ids {
				if id == int(b-'0') {
					m.done(idx)
					return data[i+1:], true
				}
			}
		case b == 0x1b || b == 'q' || b == 0x07:
			m.done(-1)
			return data[i+1:], true
		}
	}
	return nil, false
}

// move moves the selection by d, round the ends; a list without choices
// scrolls instead.
func (m *menu) move(d int) {
	if m.sel < 0 {
		m.top = max(min(m.top+d, len(m.items)-m.page), 0)
		return
	}
	if len(m.items) == 0 {
		return
	}
	m.sel = (m.sel + d + len(m.items)) % len(m.items)
}
