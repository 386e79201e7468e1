package menu

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/layout"
	"github.com/gmux/gmux/server/render"
	"github.com/gmux/gmux/server/vt"
)

func numberedMenu(n, sel int) *List {
	m := &List{Title: "Num Name", Sel: sel, Done: func(int) {}}
	for i := range n {
		m.Items = append(m.Items, fmt.Sprintf("%3d  item-%d", i, i))
		m.IDs = append(m.IDs, i)
	}
	return m
}

// rowText is row y of sc without trailing blanks (tcell pads a list's lines
// with spaces).
func rowText(sc *vt.Screen, y int) string { return strings.TrimRight(sc.LineText(y), " ") }

// A list longer than its place scrolls with the selection, both ways, and
// says there is more; one that fits does not.
func TestMenuScrollsToTheSelection(t *testing.T) {
	m := numberedMenu(30, 29)
	if top := m.scroll(8); top != 22 || !m.More() {
		t.Fatalf("selection at the end: first shown %d (more %v), want 22", top, m.More())
	}
	for range 25 {
		m.Key([]byte("k"))
	}
	if top := m.scroll(8); top != 4 || m.Sel != 4 {
		t.Fatalf("after 25 up: first shown %d, selection %d; want 4, 4", top, m.Sel)
	}
	m.Key([]byte("k\x1b[A"))
	if top := m.scroll(8); top != 2 {
		t.Fatalf("after 2 more up: first shown %d, want 2", top)
	}
	short := numberedMenu(5, 4)
	if top := short.scroll(8); top != 0 || short.More() {
		t.Fatalf("a list that fits: first shown %d, more %v", top, short.More())
	}
}

// A list to read (help) pages with Space, scrolls with j/k, and closes on
// Space at its end or on any other key.
func TestReadOnlyListPages(t *testing.T) {
	closed := false
	m := numberedMenu(20, -1)
	m.Done = func(int) { closed = true }
	m.scroll(8)
	m.Key([]byte(" "))
	if top := m.scroll(8); top != 8 || closed {
		t.Fatalf("Space: first shown %d (closed %v), want page 2 from 8", top, closed)
	}
	m.Key([]byte("jjjjjjjjjj"))
	if top := m.scroll(8); top != 12 {
		t.Fatalf("j past the end: first shown %d, want the last page from 12", top)
	}
	m.Key([]byte("k"))
	if top := m.scroll(8); top != 11 {
		t.Fatalf("k: first shown %d, want 11", top)
	}
	m.Key([]byte("j "))
	if !closed {
		t.Fatal("Space on the last page did not close the list")
	}
	closed = false
	m2 := numberedMenu(3, -1)
	m2.Done = func(int) { closed = true }
	m2.scroll(8)
	m2.Key([]byte("x"))
	if !closed {
		t.Fatal("another key did not close the list")
	}
}

// On a split display a list shows in the focused region only, as screen's
// window list does: the other region keeps its window, and when the list
// goes the focused region shows its window again.
func TestMenuInFocusedRegion(t *testing.T) {
	const cols, rows = 60, 21
	r, err := render.New("xterm-256color", "truecolor", "C.UTF-8", cols, rows)
	if err != nil {
		t.Fatal(err)
	}
	lay := layout.New(cols, rows-1)
	lay.Split(layout.Stacked)
	var regs []render.Region
	for i, rg := range lay.Regions() {
		wc, wr := render.RegionWindowSize(rg.Rect)
		sc := vt.New(wc, wr, 0)
		for y := range wr {
			fmt.Fprintf(sc, "\x1b[%d;1Hregion-%d-line-%d", y+1, i, y)
		}
		regs = append(regs, render.Region{Rect: rg.Rect, Screen: sc, Caption: fmt.Sprintf("%d sh", i), Focused: i == 1})
	}
	term := vt.New(cols, rows, 0)
	term.Write(r.DrawRegions(render.Frame{Status: "status"}, regs))
	m := numberedMenu(30, 29)
	term.Write(r.DrawRegions(render.Frame{Status: "status", List: m}, regs))

	top, bottom := regs[0], regs[1]
	_, wr := render.RegionWindowSize(bottom.Rect)
	if got := rowText(term, bottom.Rect.Y); !strings.HasPrefix(got, "Num Name") || !strings.Contains(got, "more") {
		t.Fatalf("focused region's first row %q: want the list's title and its more hint", got)
	}
	if got, want := rowText(term, bottom.Rect.Y+wr-1), " 29  item-29"; got != want {
		t.Fatalf("focused region's last row %q, want the selection %q", got, want)
	}
	if st := term.Cell(1, bottom.Rect.Y+wr-1).S; st.Attr&vt.Reverse == 0 {
		t.Fatalf("the selection is not in reverse video: %+v", st)
	}
	_, twr := render.RegionWindowSize(top.Rect)
	for y := range twr {
		if got, want := rowText(term, top.Rect.Y+y), fmt.Sprintf("region-0-line-%d", y); got != want {
			t.Fatalf("other region's row %d: %q, want %q", y, got, want)
		}
	}
	if got := rowText(term, top.Rect.Y+top.Rect.H-1); got != "0 sh" {
		t.Fatalf("other region's caption %q", got)
	}

	term.Write(r.DrawRegions(render.Frame{Status: "status"}, regs))
	for y := range wr {
		if got, want := rowText(term, bottom.Rect.Y+y), fmt.Sprintf("region-1-line-%d", y); got != want {
			t.Fatalf("after the list, focused region's row %d: %q, want %q", y, got, want)
		}
	}
}

// screen's list keys: a digit moves to that window (Enter picks it), Home
// and End, pages, / and n N.
func TestMenuKeys(t *testing.T) {
	picked := -2
	m := numberedMenu(30, 0)
	m.Done = func(i int) { picked = i }
	m.scroll(10)
	steps := []struct {
		keys string
		sel  int
	}{
		{"7", 7}, {"\x1b[F", 29}, {"\x1b[H", 0}, {"\x06", 10}, {"\x04", 15}, {"\x15", 10}, {"\x02", 0},
		{"\x1b[6~", 10}, {"\x1b[5~", 0}, {"\x1b[5~", 0},
	}
	for _, s := range steps {
		if _, closed := m.Key([]byte(s.keys)); closed || m.Sel != s.sel || picked != -2 {
			t.Fatalf("%q: selection %d (closed %v, picked %d), want %d", s.keys, m.Sel, closed, picked, s.sel)
		}
	}
	if _, closed := m.Key([]byte("/")); closed || !m.searching {
		t.Fatalf("/ did not ask for a search")
	}
	m.searching = false
	m.search = "ITEM-2" // case does not matter
	for _, s := range []struct {
		key string
		sel int
	}{{"n", 2}, {"n", 20}, {"n", 21}, {"N", 20}, {"N", 2}, {"N", 29}} {
		m.Key([]byte(s.key))
		if m.Sel != s.sel {
			t.Fatalf("%s: selection %d, want %d", s.key, m.Sel, s.sel)
		}
	}
	if _, closed := m.Key([]byte("3\r")); !closed || picked != 3 {
		t.Fatalf("3 Enter: closed %v, picked %d", closed, picked)
	}
}

// With mousetrack on, a click selects a list's item and a click on the
// selected one picks it; the wheel moves.
func TestMenuMouse(t *testing.T) {
	picked := -1
	open := true
	m := numberedMenu(30, 0)
	m.Done = func(i int) { picked = i }
	m.scroll(10)
	press := func(button, y int) {
		if _, closed := m.Mouse(input.MouseReport{Button: button, X: 5, Y: y}, 0); closed {
			open = false
		}
	}
	press(65, 0)
	press(65, 0)
	press(64, 0)
	if m.Sel != 1 {
		t.Fatalf("after the wheel: selection %d, want 1", m.Sel)
	}
	press(0, 0) // the title
	press(0, ItemsTop+4)
	if m.Sel != 4 || picked != -1 || !open {
		t.Fatalf("a click: selection %d, picked %d", m.Sel, picked)
	}
	press(0, ItemsTop+4)
	if picked != 4 || open {
		t.Fatalf("a click on the selected item: picked %d, list open %v", picked, open)
	}
}
