package server

import (
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/gdamore/tcell/v2/terminfo"
	"github.com/gmux/gmux/server/vt"
)

// The small-change path. tcell's Show scans every cell of the terminal for
// changes: about 200 µs at 200x50 (BenchmarkRenderSmallChange), most of the
// cost of a keystroke's echo. When only a few rows changed and they hold
// plain cells, the renderer writes those cells itself with the terminal's
// terminfo strings, and records them in tcell's cell buffer as drawn, so
// tcell's next full Show stays correct. Anything unusual falls back to tcell.

// maxFastRows is the most changed rows the small-change path takes.
const maxFastRows = 4

type cellBuffered interface{ GetCells() *tcell.CellBuffer }

// fastDraw sends the changed cells of the given window rows, drawn from
// terminal row top on and cut at cols, or reports false (having changed
// nothing) if any cell needs tcell.
func (r *renderer) fastDraw(sc *vt.Screen, changed []int, top, cols, cx, cy int, showCursor bool) ([]byte, bool) {
	ti := r.ti
	cb, ok := r.scr.(cellBuffered)
	if !ok || ti == nil || ti.Colors < 8 || ti.AttrOff == "" || ti.DisableAutoMargin == "" {
		return nil, false
	}
	type span struct{ y, x0, x1 int }
	spans := make([]span, 0, len(changed))
	for _, y := range changed {
		old, cur := r.drawn[y].cells, sc.Row(y)
		if len(old) != len(cur) {
			return nil, false
		}
		x0, x1 := -1, -1
		for x := range cur[:min(len(cur), cols)] {
			if cur[x] != old[x] {
				if x0 < 0 {
					x0 = x
				}
				x1 = x
			}
		}
		if x0 < 0 {
			continue
		}
		for x := x0; x <= x1; x++ {
			if !plainCell(cur[x], ti) || !plainCell(old[x], ti) {
				return nil, false
			}
		}
		spans = append(spans, span{y, x0, x1})
	}
	cells := cb.GetCells()
	var b strings.Builder
	b.WriteString(ti.HideCursor)
	var conv styleConverter
	for _, s := range spans {
		row := sc.Row(s.y)
		b.WriteString(ti.TGoto(s.x0, top+s.y))
		var last vt.Style
		have := false
		for x := s.x0; x <= s.x1; x++ {
			c := row[x]
			if !have || c.S != last {
				writeStyle(&b, ti, c.S)
				last, have = c.S, true
			}
			ch := " "
			if c.R > 0 {
				ch = string(c.R)
			}
			b.WriteString(ch)
			cells.Put(x, top+s.y, ch, conv.convert(c.S, false))
			cells.SetDirty(x, top+s.y, false)
		}
		b.WriteString(ti.AttrOff)
		r.remember(s.y, sc)
	}
	if showCursor {
		b.WriteString(ti.TGoto(cx, top+cy))
		b.WriteString(ti.ShowCursor)
	}
	r.tty.Write([]byte(b.String()))
	return r.tty.take(), true
}

// plainCell reports whether the small-change path can draw c: printable
// ASCII or blank, palette colours the terminal has, simple attributes.
func plainCell(c vt.Cell, ti *terminfo.Terminfo) bool {
	if c.R < 0 || c.R >= 0x7f || (c.R > 0 && c.R < 0x20) {
		return false
	}
	for _, col := range []vt.Color{c.S.Fg, c.S.Bg} {
		if col == vt.DefaultColor {
			continue
		}
		i, ok := col.Index()
		if !ok || int(i) >= ti.Colors || (ti.Colors == 8 && i > 7) {
			return false
		}
	}
	a := c.S.Attr
	if a&(vt.Invisible|vt.Overline|vt.RapidBlink) != 0 {
		return false
	}
	if u := a.Underline(); u != vt.UnderlineNone && u != vt.UnderlineSingle {
		return false
	}
	return true
}

// writeStyle sets the terminal to style s from scratch.
func writeStyle(b *strings.Builder, ti *terminfo.Terminfo, s vt.Style) {
	b.WriteString(ti.AttrOff)
	a := s.Attr
	for _, on := range []struct {
		bit vt.Attr
		seq string
	}{{vt.Bold, ti.Bold}, {vt.Faint, ti.Dim}, {vt.Italic, ti.Italic}, {vt.Blink, ti.Blink}, {vt.Reverse, ti.Reverse}, {vt.Strike, ti.StrikeThrough}} {
		if a&on.bit != 0 {
			b.WriteString(on.seq)
		}
	}
	if a.Underline() == vt.UnderlineSingle {
		b.WriteString(ti.Underline)
	}
	fg, bg := -1, -1
	if i, ok := s.Fg.Index(); ok {
		fg = int(i)
	}
	if i, ok := s.Bg.Index(); ok {
		bg = int(i)
	}
	b.WriteString(ti.TColor(fg, bg))
}
