package server

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
			r, err := makeSpare(rendererFor{term: term, colorterm: "truecolor", locale: "C.UTF-8", cols: cols, rows: rows})
			if err != nil {
				t.Fatal(err)
			}
			out := vt.New(cols, rows, 0)
			rng := rand.New(rand.NewSource(int64(i)))
			sc := vt.New(cols, rows, 0)
			var f frame
			// Wide characters where a narrower window's edge may be.
			edge := strings.Repeat("-", 27) + "日本語日本語日本語"
			messages := []string{"", "", "bell in window 1", "消息 wide", "bell in window 1 ", edge, "-" + edge}
			for i := range 2000 {
				wc, wr := sc.Size()
				editRandomly(sc, rng, i, wc, wr)
				switch rng.Intn(30) {
				case 0:
					f.message = messages[rng.Intn(len(messages))]
				case 1:
					f.status = map[bool]string{true: "", false: "0$ bash  1-$ 日本"}[f.status != ""]
				case 2:
					f.statusTop = !f.statusTop
				case 3:
					f.caption = map[bool]string{true: "", false: "0 bash"}[f.caption != ""]
				case 4:
					if f.menu == nil {
						f.menu = &menu{title: "Num Name", items: []string{"0 bash", "1 編集 vim", "2 top" + edge}, sel: rng.Intn(3), done: func(int) {}}
					} else {
						f.menu = nil
					}
				case 5:
					if f.copy == nil {
						f.copy = newCopyMode(sc.Snapshot(), cols, rows-1, 0, 0)
					} else {
						f.copy = nil
					}
				case 6: // the window another display's size, or this one's again
					sc.Resize(cols-rng.Intn(6), rows-rng.Intn(4)) // fitted below
				case 7: // the terminal resized, as resizeDisplay does it
					cols, rows = 30+rng.Intn(20), 8+rng.Intn(8)
					r.resize(cols, rows)
					r.invalidate()
					out.Resize(cols, rows)
				case 8: // redisplay (C-a l)
					r.invalidate()
				}
				// The window fits the display, as fitWindow sizes it (a
				// larger one is panned, drawn by tcell alone, its own test).
				area := layoutScreen(cols, rows, f.status != "", f.statusTop, f.caption != "", false).winRows
				if wc, wr := sc.Size(); wc > cols || wr > area {
					sc.Resize(min(wc, cols), min(wr, area))
				}
				f.screen = sc
				out.Write(r.draw(f))

				fresh, err := newRenderer(term, "truecolor", "C.UTF-8", cols, rows)
				if err != nil {
					t.Fatal(err)
				}
				want := vt.New(cols, rows, 0)
				want.Write(fresh.draw(f))
				fresh.close()
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

func describe(f frame) string {
	return fmt.Sprintf("message %q status %q top %v caption %q menu %v copy %v", f.message, f.status, f.statusTop, f.caption, f.menu != nil, f.copy != nil)
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
