package render

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/gmux/gmux/server/vt"
)

// Whatever came before, a frame leaves the client's terminal as a new
// renderer drawing that frame alone leaves a cleared one: the window's
// cells (which tcell is told to leave alone) and tcell's own (status,
// caption, messages, menus, copy mode, dots) never leave anything stale
// behind each other. The frames mix all of them, the same message coming
// back over a window row that was drawn in between, wide characters in
// messages and menus, the window's size and the terminal's changing.
func TestFramesEqualAFreshDraw(t *testing.T) {
	for i, term := range []string{"xterm-256color", "screen-256color", "xterm-256color", "tmux-256color"} {
		t.Run(fmt.Sprintf("%s seed %d", term, i), func(t *testing.T) {
			cols, rows := 40, 12
			r := made(t, term, cols, rows)
			out := vt.New(cols, rows, 0)
			rng := rand.New(rand.NewSource(int64(i)))
			sc := vt.New(cols, rows, 0)
			var f Frame
			// Wide characters where a narrower window's edge may be.
			edge := strings.Repeat("-", 27) + "日本語日本語日本語"
			messages := []string{"", "", "bell in window 1", "消息 wide", "bell in window 1 ", edge, "-" + edge}
			for i := range 2000 {
				wc, wr := sc.Size()
				editRandomly(sc, rng, i, wc, wr)
				switch rng.Intn(30) {
				case 0:
					f.Message = messages[rng.Intn(len(messages))]
				case 1:
					f.Status = map[bool]string{true: "", false: "0$ bash  1-$ 日本"}[f.Status != ""]
				case 2:
					f.StatusTop = !f.StatusTop
				case 3:
					f.Caption = map[bool]string{true: "", false: "0 bash"}[f.Caption != ""]
				case 4:
					if f.List == nil {
						f.List = &testList{title: "Num Name", items: []string{"0 bash", "1 編集 vim", "2 top" + edge}, sel: rng.Intn(3)}
					} else {
						f.List = nil
					}
				case 5:
					if f.Copy == nil {
						f.Copy = &testCopy{doc: sc.Snapshot(), sel: rng.Intn(rows)}
					} else {
						f.Copy = nil
					}
				case 6: // the window another display's size, or this one's again
					sc.Resize(cols-rng.Intn(6), rows-rng.Intn(4)) // fitted below
				case 7: // the terminal resized, as resizeDisplay does it
					cols, rows = 30+rng.Intn(20), 8+rng.Intn(8)
					r.Resize(cols, rows)
					r.Invalidate()
					out.Resize(cols, rows)
				case 8: // redisplay (C-a l)
					r.Invalidate()
				case 9:
					f.CaptionTop = !f.CaptionTop
				}
				// The window fits the display, as fitWindow sizes it (a
				// larger one is panned, drawn by tcell alone, its own test).
				area := LayoutScreen(cols, rows, f.lines(false)).WinRows
				if wc, wr := sc.Size(); wc > cols || wr > area {
					sc.Resize(min(wc, cols), min(wr, area))
				}
				f.Screen = sc
				out.Write(r.Draw(f))

				fresh, err := New(term, "truecolor", "C.UTF-8", cols, rows)
				if err != nil {
					t.Fatal(err)
				}
				want := vt.New(cols, rows, 0)
				want.Write(fresh.Draw(f))
				fresh.Close()
				for y := range rows {
					for x := range cols {
						g, w := out.Cell(x, y), want.Cell(x, y)
						gt, wt := out.Text(g), want.Text(w)
						if gt == "" {
							gt = " "
						}
						if wt == "" {
							wt = " "
						}
						if gt != wt || unlinked(plainForm(g.S)) != unlinked(plainForm(w.S)) || linkOf(out, g) != linkOf(want, w) {
							t.Fatalf("frame %d (%+v), cell (%d,%d): terminal %q %+v %v, a fresh draw %q %+v %v\nterminal:\n%s\nfresh:\n%s",
								i, describe(f), x, y, gt, g.S, linkOf(out, g), wt, w.S, linkOf(want, w), screenText(out), screenText(want))
						}
					}
				}
				gx, gy := out.Cursor()
				wx, wy := want.Cursor()
				if gv, wv := out.Modes().CursorVisible, want.Modes().CursorVisible; gv != wv || wv && (gx != wx || gy != wy) {
					t.Fatalf("frame %d: cursor (%d,%d) visible %v, a fresh draw's (%d,%d) visible %v", i, gx, gy, gv, wx, wy, wv)
				}
			}
		})
	}
}

func describe(f Frame) string {
	return fmt.Sprintf("message %q status %q top %v caption %q menu %v copy %v", f.Message, f.Status, f.StatusTop, f.Caption, f.List != nil, f.Copy != nil)
}

func screenText(sc *vt.Screen) string {
	_, rows := sc.Size()
	s := ""
	for y := range rows {
		s += fmt.Sprintf("%2d|%s|\n", y, sc.LineText(y))
	}
	return s
}

// plainForm is st with its palette colours in one form (38;5;14 and 96 are
// the same colour, and tcell picks either depending on what it drew
// before) and without what tcell does not draw (copy mode shows a window's
// cells through tcell: concealed, overlined, a curly underline).
func plainForm(st vt.Style) vt.Style {
	st.Attr &^= vt.Invisible | vt.Overline
	if st.Attr.Underline() > vt.UnderlineSingle {
		st.Attr = st.Attr.WithUnderline(vt.UnderlineSingle)
	}
	for _, c := range []*vt.Color{&st.Fg, &st.Bg} {
		if n, ok := c.Index(); ok {
			*c = vt.Indexed(n)
		}
	}
	return st
}

// made is a renderer made ahead, as the session makes the next attach's.
func made(t testing.TB, term string, cols, rows int) *Renderer {
	t.Helper()
	r, err := New(term, "truecolor", "C.UTF-8", cols, rows)
	if err != nil {
		t.Fatal(err)
	}
	r.Prepare()
	return r
}

// testList draws as the server's lists do: a bold title, a blank line, the
// items, the selected one reversed.
type testList struct {
	title string
	items []string
	sel   int
}

func (l *testList) Draw(cv Canvas, x0, y0, cols, rows int) {
	for y := range rows {
		text, st := "", Style{}
		switch i := y - 2; {
		case y == 0:
			text, st.Bold = l.title, true
		case i >= 0 && i < len(l.items):
			text, st.Reverse = l.items[i], i == l.sel
		}
		cv.Line(x0, y0+y, cols, text, st)
	}
}

// testCopy draws as copy mode does: the document's cells, one row selected
// and a match on another, an indicator and the cursor.
type testCopy struct {
	doc *vt.Document
	sel int
}

func (m *testCopy) Draw(cv Canvas, left, top, cols, rows int) {
	for y := range max(rows, 0) {
		if y >= m.doc.Len() {
			cv.Line(left, top+y, cols, "", Style{})
			continue
		}
		for x, c := range m.doc.Cells(y, cols)[:cols] {
			if !c.IsWideTail() {
				cv.DocCell(left+x, top+y, m.doc, c, Style{Reverse: y == m.sel, Match: y == m.sel+1 && x < 3})
			}
		}
	}
	for i, ch := range "[1/9]" {
		if x := cols - 5 + i; x >= 0 {
			cv.Put(left+x, top, string(ch), Style{Reverse: true})
		}
	}
	cv.ShowCursor(left, top)
}
