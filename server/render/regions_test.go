package render

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/gmux/gmux/server/layout"
	"github.com/gmux/gmux/server/vt"
)

// A split display's terminal shows, after every frame, each region's window
// at the region's place, its caption on the region's last row and borders
// between regions side by side — through small changes (the cell writer)
// and full frames (tcell) alike, with messages coming and going, a caption
// changing and the focus moving.
func TestRegionFramesKeepTerminalExact(t *testing.T) {
	for _, term := range []string{"xterm-256color", "screen-256color"} {
		t.Run(term, func(t *testing.T) {
			const cols, rows = 60, 20
			r, err := New(term, "truecolor", "C.UTF-8", cols, rows)
			if err != nil {
				t.Fatal(err)
			}
			// Three regions: left, and on the right two stacked; the
			// hardstatus on the last row.
			lay := layout.New(cols, rows-1)
			lay.Split(layout.SideBySide)
			lay.SetFocus(lay.Regions()[1].ID)
			lay.Split(layout.Stacked)
			var regs []Region
			var screens []*vt.Screen
			for i, rg := range lay.Regions() {
				wc, wr := RegionWindowSize(rg.Rect)
				screens = append(screens, vt.New(wc, wr, 0))
				regs = append(regs, Region{Rect: rg.Rect, Screen: screens[i], Caption: fmt.Sprintf("%d sh", i)})
			}
			out := vt.New(cols, rows, 0) // the client's terminal
			rng := rand.New(rand.NewSource(2))
			message, focus, captionTop := "", 0, false
			var prompt *promptAt
			for i := range 2000 {
				k := rng.Intn(len(screens))
				wc, wr := screens[k].Size()
				editRandomly(screens[k], rng, i, wc, wr)
				switch rng.Intn(60) {
				case 0:
					message = map[bool]string{true: "", false: fmt.Sprintf("message %d", i)}[message != ""]
					prompt = nil
					if message != "" && rng.Intn(2) == 0 {
						prompt = &promptAt{}
					}
				case 1:
					focus = rng.Intn(len(regs))
				case 2:
					regs[k].Caption = fmt.Sprintf("%d sh %d", k, i)
				case 3: // caption top, or bottom again
					captionTop = !captionTop
					r.Invalidate()
				}
				for j := range regs {
					regs[j].Focused = j == focus
				}
				if prompt != nil && rng.Intn(4) == 0 {
					prompt.x = rng.Intn(len(message) + 1) // the cursor moves on the same text
				}
				out.Write(r.DrawRegions(Frame{Status: "status", Message: message, PromptOpen: prompt != nil, PromptX: prompt.column(), CaptionTop: captionTop}, regs))
				for j, rg := range regs {
					sc := rg.Screen
					wy0 := rg.Rect.Y + RegionWindowOffset(rg.Rect, captionTop)
					wc, wr := sc.Size()
					for y := range wr {
						for x := range wc {
							want, got := sc.Cell(x, y), out.Cell(rg.Rect.X+x, wy0+y)
							if want.IsWideTail() || x == wc-1 && sc.Width(want) == 2 {
								continue
							}
							if sc.Text(want) != out.Text(got) && !(sc.Text(want) == "" && out.Text(got) == " ") ||
								unlinked(drawable(r, want.S)) != unlinked(got.S) || linkOf(sc, want) != linkOf(out, got) {
								t.Fatalf("frame %d, region %d cell (%d,%d): window %q %+v %v, terminal %q %+v %v", i, j, x, y, sc.Text(want), want.S, linkOf(sc, want), out.Text(got), got.S, linkOf(out, got))
							}
						}
					}
					var caption string
					for x := range len(rg.Caption) {
						caption += out.Text(out.Cell(rg.Rect.X+x, RegionCaptionY(rg.Rect, captionTop)))
					}
					if caption != rg.Caption {
						t.Fatalf("frame %d: region %d's caption %q, want %q", i, j, caption, rg.Caption)
					}
				}
				border := regs[0].Rect.X + regs[0].Rect.W
				for y := range rows - 1 {
					if got := out.Text(out.Cell(border, y)); got != borderRune {
						t.Fatalf("frame %d: border at (%d,%d) is %q", i, border, y, got)
					}
				}
				f := regs[focus]
				wx, wy := f.Screen.Cursor()
				tx, ty := out.Cursor()
				if prompt != nil {
					if tx != prompt.x || ty != rows-1 || !out.Modes().CursorVisible {
						t.Fatalf("frame %d: prompt's cursor at %d, terminal's at (%d,%d)", i, prompt.x, tx, ty)
					}
				} else if fy := f.Rect.Y + RegionWindowOffset(f.Rect, captionTop) + wy; f.Screen.Modes().CursorVisible && (f.Rect.X+wx != tx || fy != ty || !out.Modes().CursorVisible) {
					t.Fatalf("frame %d: cursor of region %d at (%d,%d), terminal's at (%d,%d)", i, focus, f.Rect.X+wx, fy, tx, ty)
				}
			}
			if r.smallFrames < 1000 {
				t.Fatalf("the small-change path ran only %d times of 2000", r.smallFrames)
			}
			t.Logf("%d of 2000 frames took the small-change path", r.smallFrames)
		})
	}
}
