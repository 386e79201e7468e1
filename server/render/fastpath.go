package render

import (
	"strings"

	"github.com/gmux/gmux/server/vt"
)

// The small-change path. tcell's Show scans every cell of the terminal for
// changes: about 200 µs at 200x50 (BenchmarkRenderSmallChange), most of the
// cost of a keystroke's echo. When nothing around the window changed, the
// cell writer (cellwriter.go) sends just the changed cells of the changed
// rows, and tcell is not asked at all.

// fastDraw sends the changed cells of the given window rows, drawn from
// terminal row top on and cut at cols, or reports false (having changed
// nothing) if the terminal is one the cell writer cannot drive.
func (r *Renderer) fastDraw(sc *vt.Screen, changed []int, top, cols, cx, cy int, showCursor bool) ([]byte, bool) {
	if !r.cw.canWrite() {
		return nil, false
	}
	spans := make([]rowSpan, 0, len(changed))
	termRows := r.cells.rows
	for _, y := range changed {
		x0, x1, same, ok := changedSpan(r.drawn[y].cells, sc.Row(y), cols)
		if !ok {
			return nil, false
		}
		if same {
			continue
		}
		// The bottom-right corner of a terminal that cannot stop autowrap
		// is tcell's to draw (cornerUnsafe): a full frame does it.
		if r.cw.cornerUnsafe() && top+y == termRows-1 && x1 >= cols-2 {
			return nil, false
		}
		spans = append(spans, rowSpan{y, x0, x1})
	}
	var b strings.Builder
	st := termState{x: r.cursorX, y: r.cursorY, clean: r.styleClean}
	// One short span with the cursor showing: no need to hide it while
	// moving, the change is a keystroke's worth.
	compact := len(spans) == 1 && showCursor && spans[0].x1-spans[0].x0 < 16
	if len(spans) > 0 && !compact {
		b.WriteString(r.ti.HideCursor)
	}
	r.cw.writeSpans(&b, r.cells, sc, spans, top, 0, cols, sc.Modes().ReverseVideo, &st)
	if showCursor {
		if st.x != cx || st.y != top+cy {
			b.WriteString(r.ti.TGoto(cx, top+cy))
		}
		if len(spans) > 0 && !compact {
			b.WriteString(r.ti.ShowCursor)
		}
	}
	for _, y := range changed {
		r.remember(y, sc)
	}
	r.cursorX, r.cursorY, r.styleClean = cx, top+cy, st.clean
	if !showCursor {
		r.cursorX = -1
	}
	r.tty.Write([]byte(b.String()))
	return r.tty.take(), true
}

// changedSpan is the columns of a row that changed from old to cur, within
// the first cols: same when none did, not ok when the rows cannot be
// compared (another width). A wide character's change shows in its tail's
// cell too.
func changedSpan(old, cur []vt.Cell, cols int) (x0, x1 int, same, ok bool) {
	if len(old) != len(cur) {
		return 0, 0, false, false
	}
	x0, x1 = -1, -1
	for x := range cur[:min(len(cur), cols)] {
		if cur[x] != old[x] {
			if x0 < 0 {
				x0 = x
			}
			x1 = x
		}
	}
	if x0 < 0 {
		return 0, 0, true, true
	}
	if x1+1 < len(cur) && cur[x1+1].IsWideTail() {
		x1++
	}
	return x0, x1, false, true
}
