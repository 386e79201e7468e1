package render

import (
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/gmux/gmux/server/layout"
	"github.com/gmux/gmux/server/vt"
)

// Region is what one region of a split display shows.
type Region struct {
	Rect    layout.Rect // on the terminal
	Screen  *vt.Screen  // nil: the region shows no window
	Caption string
	Focused bool
}

// borderRune separates regions side by side.
const borderRune = "│"

// DrawRegions draws a split display: each region's window into its
// rectangle with its caption on the region's last row, borders between
// regions side by side, and the status line or message. Only what changed
// since the last frame is drawn: when nothing but window rows changed,
// fastRegions sends them alone; otherwise tcell draws what is around the
// windows and the cell writer (as for the unsplit display) their rows.
func (r *Renderer) DrawRegions(f Frame, regs []Region) []byte {
	cols, rows := r.Size()
	r.drawn, r.aroundKnown, r.styleClean, r.cursorX = nil, false, false, -1
	lay := LayoutScreen(cols, rows, Lines{Status: f.Status != "", StatusTop: f.StatusTop, Message: f.Message != ""})
	area := LayoutScreen(cols, rows, Lines{Status: f.Status != "", StatusTop: f.StatusTop})
	rc := r.regions
	fits := rc.fits(regs, area) && rc.status == f.Status && rc.message == f.Message && rc.captionTop == f.CaptionTop
	over := regionOverlay{copy: f.Copy, menu: f.List} // on the focused region
	if fits && !over.shown() {
		if out, ok := r.fastRegions(f, regs, rc, lay.MessageY); ok {
			return out
		}
	}
	if !fits {
		// Another arrangement, or the lines over it changed (a message
		// covers a region's row): everything is drawn, borders first.
		rc = &regionCache{area: area, status: f.Status, message: f.Message, captionTop: f.CaptionTop}
		for _, rg := range regs {
			rc.regions = append(rc.regions, drawnRegion{rect: rg.Rect, screen: rg.Screen, caption: "\x00"})
		}
		r.regions = rc
		for y := area.Top; y < area.Top+area.WinRows; y++ {
			for x := range cols {
				r.put(x, y, borderRune, tcell.StyleDefault)
			}
		}
	}
	r.scr.HideCursor()
	r.drawAround(frameAround{Layout: lay, status: f.Status, message: f.Message})
	writer := r.cw.canWrite()
	var cells strings.Builder
	st := termState{x: -1}
	var focused *Region
	for i := range regs {
		rg := &regs[i]
		var on regionOverlay
		if rg.Focused {
			focused, on = rg, over
		}
		spans := r.drawRegion(rg, on, &rc.regions[i], lay.MessageY, f.CaptionTop, writer)
		if len(spans) > 0 {
			if cells.Len() == 0 {
				cells.WriteString(r.ti.HideCursor)
			}
			// Locked in tcell's buffer (its Show leaves them alone);
			// their bytes go after tcell's.
			wc, _ := RegionWindowSize(rg.Rect)
			wy := rg.Rect.Y + RegionWindowOffset(rg.Rect, f.CaptionTop)
			r.cw.writeSpans(&cells, r.cells, rg.Screen, spans, wy, rg.Rect.X, wc, rg.Screen.Modes().ReverseVideo, &st)
		}
	}
	var modes vt.Modes
	cursor, cx, cy := false, 0, 0
	if !over.shown() {
		modes = focused.modes()
		if cx, cy, cursor = focused.cursor(lay.MessageY, f.CaptionTop); cursor {
			r.scr.ShowCursor(cx, cy)
			r.scr.SetCursorStyle(tcell.CursorStyle(min(modes.CursorStyle, 6)))
		}
	}
	if x, y, ok := f.promptCursor(lay.MessageY, cols); ok {
		cx, cy, cursor = x, y, true
		r.scr.ShowCursor(cx, cy)
	}
	if cells.Len() > 0 && cursor {
		cells.WriteString(r.ti.TGoto(cx, cy))
		cells.WriteString(r.ti.ShowCursor)
	}
	r.show()
	r.tty.Write([]byte(cells.String()))
	r.syncModes(splitMouseModes(modes, f.OwnMouse))
	return r.tty.take()
}

// regionOverlay is what the focused region shows instead of its window:
// copy mode, or a list (the window list, help), as in screen.
type regionOverlay struct {
	copy, menu Overlay
}

func (o regionOverlay) shown() bool { return o.copy != nil || o.menu != nil }

// drawRegion draws one region: its window's top-left part (the window is
// sized to the region, or kept larger by another view of it: windowsize),
// dots where the window does not reach, and its caption — only the rows
// that changed since d was drawn. With writer, the window's rows are
// returned as spans for the cell writer instead of drawn through tcell.
func (r *Renderer) drawRegion(rg *Region, over regionOverlay, d *drawnRegion, messageY int, captionTop, writer bool) []rowSpan {
	rect := rg.Rect
	wc, wr := RegionWindowSize(rect)
	wy := rect.Y + RegionWindowOffset(rect, captionTop) // the window's first row
	rows := min(wr, rect.H-(wy-rect.Y))
	var conv styleConverter
	switch {
	case over.menu != nil:
		over.menu.Draw(Canvas{r}, rect.X, wy, wc, rows)
	case over.copy != nil:
		over.copy.Draw(Canvas{r}, rect.X, wy, wc, rows)
	}
	covered := over.shown()
	if covered {
		d.rows = nil // drawn over: the window's rows are drawn again after
	}
	var vc, vr int
	var rev bool
	if rg.Screen != nil {
		vc, vr = rg.Screen.Size()
		rev = rg.Screen.Modes().ReverseVideo
	}
	if vc != d.vc || vr != d.vr || rev != d.rev {
		d.rows, d.vc, d.vr, d.rev = nil, vc, vr, rev
	}
	for len(d.rows) < wr {
		d.rows = append(d.rows, 0)
		d.cells = append(d.cells, nil)
	}
	var spans []rowSpan
	for y := range rows {
		if covered {
			break // copy mode or a list shows in this region instead
		}
		if wy+y == messageY {
			d.rows[y] = 0 // under the message: drawn when it goes
			continue
		}
		sc := rg.Screen
		if sc != nil && y < vr {
			// Kept plus one: 0 is "not drawn", and an untouched row's version is 0.
			ver := sc.RowVersion(y) + 1
			if d.rows[y] == ver {
				continue
			}
			d.rows[y] = ver
			d.cells[y] = append(d.cells[y][:0], sc.Row(y)...)
		} else if d.rows[y] == blankDrawn {
			continue
		} else {
			d.rows[y] = blankDrawn
		}
		if sc == nil || y >= vr {
			for x := range rect.W {
				st, text := tcell.StyleDefault, " "
				if sc != nil && x < wc {
					st, text = outsideStyle, outsideDot
				}
				r.put(rect.X+x, wy+y, text, st)
			}
			continue
		}
		for x := vc; x < rect.W; x++ {
			text := " "
			if x < wc {
				text = outsideDot
			}
			r.put(rect.X+x, wy+y, text, outsideStyle)
		}
		if writer {
			spans = append(spans, rowSpan{y, 0, min(vc, wc) - 1})
			continue
		}
		row := sc.Row(y)
		for x := 0; x < min(vc, wc); x++ {
			r.putCell(sc, row[x], rect.X+x, wy+y, x+1 >= wc, &conv, rev)
		}
	}
	if cy := RegionCaptionY(rect, captionTop); cy >= 0 && cy != messageY && (rg.Caption != d.caption || rg.Focused != d.focused) {
		st := tcell.StyleDefault.Reverse(true)
		if rg.Focused {
			st = st.Bold(true) // the focused region's caption stands out
		}
		r.drawLineAt(rg.Caption, rect.X, cy, rect.W, st)
		d.caption, d.focused = rg.Caption, rg.Focused
	}
	return spans
}

// fastRegions sends the changed rows of the regions' windows with the cell
// writer, tcell not asked (its Show scans every cell: the small-change path
// of fastpath.go, for a split display): when nothing but window rows
// changed, on a terminal the writer can drive. It reports false, having
// changed nothing, otherwise.
func (r *Renderer) fastRegions(f Frame, regs []Region, rc *regionCache, messageY int) ([]byte, bool) {
	if !r.cw.canWrite() || !r.known {
		return nil, false
	}
	cells := r.cells
	termCols, termRows := cells.cols, cells.rows
	type regionSpans struct {
		i     int
		spans []rowSpan
	}
	var work []regionSpans
	var focused *Region
	for i := range regs {
		rg, d := &regs[i], &rc.regions[i]
		if rg.Focused {
			focused = rg
		}
		if rg.Caption != d.caption || rg.Focused != d.focused {
			return nil, false
		}
		if rg.Screen == nil {
			continue
		}
		vc, vr := rg.Screen.Size()
		if vc != d.vc || vr != d.vr || rg.Screen.Modes().ReverseVideo != d.rev {
			return nil, false
		}
		wc, wr := RegionWindowSize(rg.Rect)
		wy := rg.Rect.Y + RegionWindowOffset(rg.Rect, f.CaptionTop)
		var spans []rowSpan
		for y := range min(wr, vr, rg.Rect.H-(wy-rg.Rect.Y), len(d.rows)) {
			if d.rows[y] == rg.Screen.RowVersion(y)+1 {
				continue
			}
			x0, x1, same, ok := changedSpan(d.cells[y], rg.Screen.Row(y), wc)
			if !ok {
				return nil, false
			}
			if same {
				continue
			}
			if r.cw.cornerUnsafe() && wy+y == termRows-1 && rg.Rect.X+x1 >= termCols-2 {
				return nil, false // the corner is tcell's to draw
			}
			spans = append(spans, rowSpan{y, x0, x1})
		}
		if len(spans) > 0 {
			work = append(work, regionSpans{i, spans})
		}
	}
	if splitMouseModes(focused.modes(), f.OwnMouse) != r.outer {
		return nil, false
	}
	var b strings.Builder
	st := termState{x: -1}
	b.WriteString(r.ti.HideCursor)
	for _, w := range work {
		rg, d := &regs[w.i], &rc.regions[w.i]
		wc, _ := RegionWindowSize(rg.Rect)
		r.cw.writeSpans(&b, cells, rg.Screen, w.spans, rg.Rect.Y+RegionWindowOffset(rg.Rect, f.CaptionTop), rg.Rect.X, wc, d.rev, &st)
	}
	for i := range regs { // every row looked at is now as drawn
		rg, d := &regs[i], &rc.regions[i]
		if rg.Screen == nil {
			continue
		}
		_, vr := rg.Screen.Size()
		_, wr := RegionWindowSize(rg.Rect)
		for y := range min(wr, vr, rg.Rect.H-RegionWindowOffset(rg.Rect, f.CaptionTop), len(d.rows)) {
			if ver := rg.Screen.RowVersion(y) + 1; d.rows[y] != ver {
				d.rows[y] = ver
				d.cells[y] = append(d.cells[y][:0], rg.Screen.Row(y)...)
			}
		}
	}
	cx, cy, ok := focused.cursor(messageY, f.CaptionTop)
	if x, y, open := f.promptCursor(messageY, termCols); open {
		cx, cy, ok = x, y, true
	}
	if ok {
		b.WriteString(r.ti.TGoto(cx, cy))
		b.WriteString(r.ti.ShowCursor)
		r.scr.ShowCursor(cx, cy)
	}
	r.tty.Write([]byte(b.String()))
	r.smallFrames++
	return r.tty.take(), true
}

// regionCache is what the last split frame drew, so that the next draws
// only what changed: a keystroke's echo in one region redraws one row.
type regionCache struct {
	area            Layout
	regions         []drawnRegion
	status, message string
	captionTop      bool
}

// drawnRegion is one region as last drawn.
type drawnRegion struct {
	rect    layout.Rect
	screen  *vt.Screen
	vc, vr  int
	rev     bool
	rows    []uint64    // each row's RowVersion+1 as drawn; 0 not drawn, blankDrawn blank
	cells   [][]vt.Cell // each row's cells as drawn, for the changed columns
	caption string
	focused bool
}

// blankDrawn marks a region row drawn blank (no window there).
const blankDrawn = ^uint64(0)

// fits reports whether the cache describes the same arrangement of the
// same windows: only then may rows be skipped.
func (rc *regionCache) fits(regs []Region, area Layout) bool {
	if rc == nil || rc.area != area || len(rc.regions) != len(regs) {
		return false
	}
	for i, rg := range regs {
		if rc.regions[i].rect != rg.Rect || rc.regions[i].screen != rg.Screen {
			return false
		}
	}
	return true
}

// modes are the input modes of the focused region's window (none for an
// empty region, or none focused).
func (rg *Region) modes() vt.Modes {
	if rg == nil || rg.Screen == nil {
		return vt.Modes{}
	}
	return rg.Screen.Modes()
}

// cursor is where the terminal's cursor goes for the focused region: its
// window's cursor, when visible, inside the region and not under the
// message line.
func (rg *Region) cursor(messageY int, captionTop bool) (x, y int, ok bool) {
	if rg == nil || rg.Screen == nil {
		return 0, 0, false
	}
	cx, cy := rg.Screen.Cursor()
	wc, wr := RegionWindowSize(rg.Rect)
	wy := rg.Rect.Y + RegionWindowOffset(rg.Rect, captionTop)
	if !rg.Screen.Modes().CursorVisible || cx >= wc || cy >= wr || wy+cy >= rg.Rect.Y+rg.Rect.H || wy+cy == messageY {
		return 0, 0, false
	}
	return rg.Rect.X + cx, wy + cy, true
}
