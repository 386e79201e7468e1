package server

import (
	"strings"

	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/render"
)

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
	// search is what / looked for (n and N look again); searching: / was
	// typed, and the session opens the prompt for it.
	search    string
	searching bool
	// keys, if set, takes the list's own keys first (the window list's
	// , . K); true: taken.
	keys func(b byte) bool
	// refresh, if set, rebuilds the items before each frame: a list of
	// live things (windows come, go and change titles) stays true.
	refresh func()
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
// Keys as in screen's lists: j, k and the arrows move, Home and End, C-f
// and C-b a page, C-d and C-u half one; / searches, n and N again; a digit
// moves to that window, Enter or Space picks; Esc leaves.
func (m *menu) key(data []byte) ([]byte, bool) {
	for i := 0; i < len(data); i++ {
		b := data[i]
		half := max(m.page/2, 1)
		switch {
		case len(nextKey(data[i:])) > 1: // an arrow or another sequence
			key := nextKey(data[i:])
			switch string(key) {
			case "\x1b[A", "\x1bOA":
				m.move(-1)
			case "\x1b[B", "\x1bOB":
				m.move(+1)
			case "\x1b[H", "\x1bOH", "\x1b[1~", "\x1b[7~":
				m.moveTo(0)
			case "\x1b[F", "\x1bOF", "\x1b[4~", "\x1b[8~":
				m.moveTo(len(m.items) - 1)
			case "\x1b[5~":
				m.page1(-m.page)
			case "\x1b[6~":
				m.page1(m.page)
			}
			i += len(key) - 1
		case m.keys != nil && m.sel >= 0 && m.keys(b):
		case b == 0x06: // C-f
			m.page1(m.page)
		case b == 0x02: // C-b
			m.page1(-m.page)
		case b == 0x04: // C-d
			m.page1(half)
		case b == 0x15: // C-u
			m.page1(-half)
		case b == '/' && m.sel >= 0:
			m.searching = true
			return data[i+1:], false
		case (b == 'n' || b == 'N') && m.sel >= 0:
			m.find(map[byte]int{'n': 1, 'N': -1}[b])
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
			// To that window; Enter picks it, as in screen (a digit that
			// picked at once would leave screen users' Enter to the shell).
			for idx, id := range m.ids {
				if id == int(b-'0') {
					m.sel = idx
				}
			}
		case b == 0x1b || b == 'q' || b == 0x07:
			m.done(-1)
			return data[i+1:], true
		}
	}
	return nil, false
}

// moveTo selects item i (or, in a list without choices, shows from it).
func (m *menu) moveTo(i int) {
	if m.sel < 0 {
		m.top = max(min(i, len(m.items)-m.page), 0)
		return
	}
	m.sel = max(min(i, len(m.items)-1), 0)
}

// page1 moves by d items, stopping at the ends (a page, half of one).
func (m *menu) page1(d int) {
	if m.sel < 0 {
		m.moveTo(m.top + d)
		return
	}
	m.moveTo(m.sel + d)
}

// find selects the next item (dir 1) or the previous (-1) holding the
// search text, round the ends.
func (m *menu) find(dir int) {
	if m.search == "" || len(m.items) == 0 {
		return
	}
	for step := 1; step <= len(m.items); step++ {
		i := ((m.sel+dir*step)%len(m.items) + len(m.items)) % len(m.items)
		if strings.Contains(strings.ToLower(m.items[i]), strings.ToLower(m.search)) {
			m.sel = i
			return
		}
	}
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

// handle is the menu as an input layer: modal, it takes everything.
func (m *menu) handle(s *session, c *client, ev input.Event) bool {
	if ev.Kind == input.Mouse {
		m.mouse(s, c, ev.Mouse)
		return true
	}
	if ev.Kind == input.Key || ev.Kind == input.Text {
		if _, closed := m.key(ev.Bytes); closed && c.menu == m {
			c.menu = nil
		}
		if m.searching {
			m.searching = false
			s.openPrompt(c, &prompt{label: "Search: ", history: s.searchHistory, done: func(text string) {
				if text != "" {
					m.search = text
				}
				m.find(1)
			}})
		}
		c.markDirty(s)
	}
	return true
}

// Draw draws the menu in the cols x rows cells from (x0, y0) — the whole
// display, or the focused region of a split one, as screen shows its lists:
// the title, a blank line, then the items that fit, scrolled to the
// selection.
func (m *menu) Draw(cv render.Canvas, x0, y0, cols, rows int) {
	first := m.scroll(rows - menuItemsTop)
	for y := range rows {
		text, st := "", render.Style{}
		switch i := first + y - menuItemsTop; {
		case y == 0:
			text, st.Bold = m.title, true
			if m.more() {
				text += moreHint
			}
		case y >= menuItemsTop && i < len(m.items):
			text = m.items[i]
			st.Reverse = i == m.sel
		}
		cv.Line(x0, y0+y, cols, text, st)
	}
}
