package menu

import (
	"strings"

	"github.com/gmux/gmux/server/lineedit"
	"github.com/gmux/gmux/server/render"
)

// List is a list a display picks from (the window list) or reads (help),
// over the whole display or its focused region. Keys go to it until a
// choice is made or it is left.
type List struct {
	Title string
	Items []string
	IDs   []int           // the number each item answers to when typed (window numbers)
	Sel   int             // the selected item; -1 in a list without choices
	Done  func(index int) // -1 when left without a choice
	// top is the first item shown and page how many show, as last drawn:
	// a list longer than its place scrolls, as screen's do.
	top, page int
	// search is what / looked for (n and N look again); searching: / was
	// typed, and the owner opens a prompt for it (WantsSearch).
	search    string
	searching bool
	// Keys, if set, takes the list's own keys first (the window list's
	// , . K); true: taken.
	Keys func(b byte) bool
	// Refresh, if set, rebuilds the items before each frame: a list of
	// live things (windows come, go and change titles) stays true.
	Refresh func()
}

// ItemsTop is the row of a menu's first item, under its title and a
// blank line.
const ItemsTop = 2

// moreHint ends the title of a list that goes on beyond its place.
const moreHint = "  [more: Space, j/k]"

// scroll records that page items fit and returns the first to show: the
// selection stays in view.
func (m *List) scroll(page int) int {
	m.page = max(page, 1)
	if m.Sel >= 0 {
		m.top = min(m.top, m.Sel)
		m.top = max(m.top, m.Sel-m.page+1)
	}
	m.top = max(min(m.top, len(m.Items)-m.page), 0)
	return m.top
}

// More reports whether items lie beyond what shows.
func (m *List) More() bool { return m.page > 0 && len(m.Items) > m.page }

// Key handles input; it returns the unused rest and whether the menu closed.
// Keys as in screen's lists: j, k and the arrows move, Home and End, C-f
// and C-b a page, C-d and C-u half one; / searches, n and N again; a digit
// moves to that window, Enter or Space picks; Esc leaves.
func (m *List) Key(data []byte) ([]byte, bool) {
	for i := 0; i < len(data); i++ {
		b := data[i]
		half := max(m.page/2, 1)
		switch {
		case len(lineedit.NextKey(data[i:])) > 1: // an arrow or another sequence
			key := lineedit.NextKey(data[i:])
			switch string(key) {
			case "\x1b[A", "\x1bOA":
				m.move(-1)
			case "\x1b[B", "\x1bOB":
				m.move(+1)
			case "\x1b[H", "\x1bOH", "\x1b[1~", "\x1b[7~":
				m.moveTo(0)
			case "\x1b[F", "\x1bOF", "\x1b[4~", "\x1b[8~":
				m.moveTo(len(m.Items) - 1)
			case "\x1b[5~":
				m.page1(-m.page)
			case "\x1b[6~":
				m.page1(m.page)
			}
			i += len(key) - 1
		case m.Keys != nil && m.Sel >= 0 && m.Keys(b):
		case b == 0x06: // C-f
			m.page1(m.page)
		case b == 0x02: // C-b
			m.page1(-m.page)
		case b == 0x04: // C-d
			m.page1(half)
		case b == 0x15: // C-u
			m.page1(-half)
		case b == '/' && m.Sel >= 0:
			m.searching = true
			return data[i+1:], false
		case (b == 'n' || b == 'N') && m.Sel >= 0:
			m.find(map[byte]int{'n': 1, 'N': -1}[b])
		case b == 'k' || b == 0x10: // k, C-p
			m.move(-1)
		case b == 'j' || b == 0x0e || b == ' ' && m.Sel >= 0: // j, C-n; Space in a list to pick from
			m.move(+1)
		case b == ' ' && m.top+m.page < len(m.Items):
			m.top += m.page // the next page of a list to read
		case m.Sel < 0:
			// A list without choices (help) closes on any other key.
			m.Done(-1)
			return data[i+1:], true
		case b == '\r' || b == '\n':
			m.Done(m.Sel)
			return data[i+1:], true
		case b >= '0' && b <= '9':
			// To that window; Enter picks it, as in screen (a digit that
			// picked at once would leave screen users' Enter to the shell).
			for idx, id := range m.IDs {
				if id == int(b-'0') {
					m.Sel = idx
				}
			}
		case b == 0x1b || b == 'q' || b == 0x07:
			m.Done(-1)
			return data[i+1:], true
		}
	}
	return nil, false
}

// moveTo selects item i (or, in a list without choices, shows from it).
func (m *List) moveTo(i int) {
	if m.Sel < 0 {
		m.top = max(min(i, len(m.Items)-m.page), 0)
		return
	}
	m.Sel = max(min(i, len(m.Items)-1), 0)
}

// page1 moves by d items, stopping at the ends (a page, half of one).
func (m *List) page1(d int) {
	if m.Sel < 0 {
		m.moveTo(m.top + d)
		return
	}
	m.moveTo(m.Sel + d)
}

// find selects the next item (dir 1) or the previous (-1) holding the
// search text, round the ends.
func (m *List) find(dir int) {
	if m.search == "" || len(m.Items) == 0 {
		return
	}
	for step := 1; step <= len(m.Items); step++ {
		i := ((m.Sel+dir*step)%len(m.Items) + len(m.Items)) % len(m.Items)
		if strings.Contains(strings.ToLower(m.Items[i]), strings.ToLower(m.search)) {
			m.Sel = i
			return
		}
	}
}

// move moves the selection by d, round the ends; a list without choices
// scrolls instead.
func (m *List) move(d int) {
	if m.Sel < 0 {
		m.top = max(min(m.top+d, len(m.Items)-m.page), 0)
		return
	}
	if len(m.Items) == 0 {
		return
	}
	m.Sel = (m.Sel + d + len(m.Items)) % len(m.Items)
}

// Draw draws the list in the cols x rows cells from (x0, y0) — the whole
// display, or the focused region of a split one, as screen shows its lists:
// the title, a blank line, then the items that fit, scrolled to the
// selection.
func (m *List) Draw(cv render.Canvas, x0, y0, cols, rows int) {
	first := m.scroll(rows - ItemsTop)
	for y := range rows {
		text, st := "", render.Style{}
		switch i := first + y - ItemsTop; {
		case y == 0:
			text, st.Bold = m.Title, true
			if m.More() {
				text += moreHint
			}
		case y >= ItemsTop && i < len(m.Items):
			text = m.Items[i]
			st.Reverse = i == m.Sel
		}
		cv.Line(x0, y0+y, cols, text, st)
	}
}

// WantsSearch reports, once, that / was typed: the owner asks for the
// text and gives it to Search.
func (m *List) WantsSearch() bool {
	want := m.searching
	m.searching = false
	return want
}

// Search selects the next item holding text (or, for "", what was looked
// for before).
func (m *List) Search(text string) {
	if text != "" {
		m.search = text
	}
	m.find(1)
}
