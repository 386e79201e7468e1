package render

import (
	"slices"

	"github.com/gdamore/tcell/v2"
	"github.com/gmux/gmux/server/statusline"
)

// Status and caption lines carry zero-width markers (server/statusline):
// styles, which the renderer turns into tcell's, and window tags, whose
// places on each row it notes, for a click on a window's name.

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

// tcellStatusStyle is st as tcell draws it.
func tcellStatusStyle(st statusline.Style) tcell.Style {
	t := tcell.StyleDefault
	if st.FG > 0 {
		t = t.Foreground(tcell.PaletteColor(int(st.FG) - 1))
	}
	if st.BG > 0 {
		t = t.Background(tcell.PaletteColor(int(st.BG) - 1))
	}
	return t.Bold(st.Attr&statusline.Bold != 0).Underline(st.Attr&statusline.Underline != 0).Reverse(st.Attr&statusline.Reverse != 0).
		Blink(st.Attr&statusline.Blink != 0).Dim(st.Attr&statusline.Dim != 0)
}

// Entry is where a window's entry in the status line was drawn on a row:
// columns From to To (not included).
type Entry struct{ From, To, Window int }

// Entries are the window entries drawn on row y, left to right.
func (r *Renderer) Entries(y int) []Entry {
	var es []Entry
	for _, sp := range r.tags.spans[y] {
		es = append(es, Entry{sp.from, sp.to, sp.window})
	}
	return es
}
