package server

import (
	"github.com/gdamore/tcell/v2"
	"github.com/gmux/gmux/server/layout"
	"github.com/gmux/gmux/server/vt"
)

// regionFrame is what one region of a split display shows.
type regionFrame struct {
	rect    layout.Rect // on the terminal
	screen  *vt.Screen  // nil: the region shows no window
	caption string
	focused bool
}

// borderRune separates regions side by side.
const borderRune = "│"

// drawRegions draws a split display: each region's window into its
// rectangle with its caption on the region's last row, borders between
// regions side by side, and the status line or message. tcell draws it all
// and sends only what changed since the last frame; the single-window
// shortcuts (rows known unchanged, the cell writer, the echo fast path) are
// for the unsplit display.
func (r *renderer) drawRegions(f frame, regs []regionFrame) []byte {
	cols, rows := r.size()
	r.drawn, r.aroundKnown, r.styleClean, r.cursorX = nil, false, false, -1
	lay := layoutScreen(cols, rows, f.status != "", f.statusTop, false, f.message != "")
	area := layoutScreen(cols, rows, f.status != "", f.statusTop, false, false)
	border := tcell.StyleDefault
	for y := area.top; y < area.top+area.winRows; y++ {
		for x := range cols {
			r.scr.Put(x, y, borderRune, border)
		}
	}
	r.scr.HideCursor()
	var focused *regionFrame
	for i := range regs {
		rg := &regs[i]
		var copy *copyMode
		if rg.focused {
			focused, copy = rg, f.copy
		}
		r.drawRegion(rg, copy)
	}
	r.drawAround(frameAround{screenLayout: lay, status: f.status, message: f.message})
	var modes vt.Modes
	if focused != nil && focused.screen != nil && f.copy == nil {
		sc := focused.screen
		modes = sc.Modes()
		cx, cy := sc.Cursor()
		wc, wr := regionWindowSize(focused.rect)
		if modes.CursorVisible && cx < wc && cy < wr && focused.rect.Y+cy != lay.messageY {
			r.scr.ShowCursor(focused.rect.X+cx, focused.rect.Y+cy)
			r.scr.SetCursorStyle(tcell.CursorStyle(min(modes.CursorStyle, 6)))
		}
	}
	r.scr.Show()
	r.syncModes(withOwnMouse(modes, f.ownMouse))
	return r.tty.take()
}

// drawRegion draws one region: its window's top-left part (the window is
// sized to the region, or kept larger by another view of it: windowsize),
// dots where the window does not reach, and its caption.
func (r *renderer) drawRegion(rg *regionFrame, copy *copyMode) {
	rect := rg.rect
	wc, wr := regionWindowSize(rect)
	var conv styleConverter
	if copy != nil {
		r.drawCopy(copy, rect.X, rect.Y, min(wr, rect.H), wc)
	}
	for y := range min(wr, rect.H) {
		if copy != nil {
			break // copy mode shows this region: a view of its window's history
		}
		for x := range rect.W {
			r.scr.Put(rect.X+x, rect.Y+y, " ", tcell.StyleDefault)
		}
		if rg.screen == nil {
			continue
		}
		sc := rg.screen
		vc, vr := sc.Size()
		rev := sc.Modes().ReverseVideo
		if y >= vr {
			for x := range wc {
				r.scr.Put(rect.X+x, rect.Y+y, outsideDot, outsideStyle)
			}
			continue
		}
		row := sc.Row(y)
		for x := 0; x < wc; x++ {
			if x >= vc {
				r.scr.Put(rect.X+x, rect.Y+y, outsideDot, outsideStyle)
				continue
			}
			c := row[x]
			if c.IsWideTail() {
				continue
			}
			text := sc.Text(c)
			if text == "" || c.S.Attr&vt.Invisible != 0 {
				text = " "
			} else if x+1 >= wc && sc.Width(c) == 2 {
				text = " " // half a wide character cannot be drawn
			}
			r.scr.Put(rect.X+x, rect.Y+y, text, conv.convert(c.S, rev))
		}
	}
	if rect.H > 1 {
		st := tcell.StyleDefault.Reverse(true)
		if rg.focused {
			st = st.Bold(true) // the focused region's caption stands out
		}
		r.drawLineAt(rg.caption, rect.X, rect.Y+rect.H-1, rect.W, st)
	}
}
