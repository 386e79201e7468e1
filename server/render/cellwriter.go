package render

import (
	"strconv"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/gdamore/tcell/v2/terminfo"
	"github.com/gmux/gmux/server/vt"
)

// The cell writer draws a window's rows onto the client's terminal itself,
// so the outer terminal ends up holding exactly what the window holds:
//   - blank cells at a row's end are cleared with EL, not written as spaces
//     (text selected in the outer terminal has no trailing blanks, and the
//     bytes are fewer);
//   - a colour keeps the form the program used (38;5;1 stays 38;5;1: some
//     terminals brighten 31 under bold but not 38;5;1);
//   - concealed text (SGR 8) is sent concealed, not replaced by spaces;
//   - direct colour is sent as such when the terminal takes it (truecolor
//     on, or detected: truecolor.go), else as the nearest palette colour;
//   - colours the program changed with OSC 4/10/11 are drawn as it set them.
// tcell still draws everything around the window (status, captions,
// messages, menus, copy mode), and the cells written here are locked in
// tcell's buffer (tcellcells.go), so its next frame leaves them be. tcell
// makes no assumption about the terminal's cursor or style at the start of
// a frame, which is what lets the two write to the same terminal.

// eraseToEOL is EL: every terminal that can stop autowrap (the writer's
// condition) is an ANSI terminal that has it, though terminfo has no field
// for it in tcell.
const eraseToEOL = "\x1b[K"

// cellWriter holds what drawing cells needs to know about the terminal.
type cellWriter struct {
	ti        *terminfo.Terminfo
	truecolor bool
	palette   []tcell.Color // the terminal's colours, for fitting others
	// hyperlinks: the terminal is sent the window's links (hyperlink.go).
	hyperlinks bool
}

// canWrite reports whether the terminal is one the cell writer can drive:
// at least 8 colours and a way to reset attributes; others are drawn by
// tcell alone.
func (w *cellWriter) canWrite() bool {
	return w.ti != nil && w.ti.Colors >= 8 && w.ti.AttrOff != ""
}

// cornerUnsafe reports whether writing the terminal's bottom-right cell
// may scroll it: autowrap that cannot be turned off (screen's and tmux's
// terminfo have no rmam). That one cell is left to tcell, which knows the
// trick for it.
func (w *cellWriter) cornerUnsafe() bool { return w.ti.DisableAutoMargin == "" }

func newCellWriter(ti *terminfo.Terminfo, truecolor bool) *cellWriter {
	w := &cellWriter{ti: ti, truecolor: truecolor, hyperlinks: takesHyperlinks(ti)}
	n := min(max(ti.Colors, 0), 256)
	for i := range n {
		w.palette = append(w.palette, tcell.PaletteColor(i))
	}
	return w
}

// windowColors are the colours a program changed in its window.
type windowColors struct {
	sc     *vt.Screen
	any    bool
	fg, bg vt.Color // OSC 10/11, DefaultColor when unchanged
}

func colorsOf(sc *vt.Screen) windowColors {
	wc := windowColors{sc: sc, any: sc.HasPalette()}
	if wc.any {
		wc.fg, wc.bg = sc.DefaultColors()
	}
	return wc
}

// resolve applies the window's own palette to c.
func (wc windowColors) resolve(c vt.Color, isFg bool) vt.Color {
	if !wc.any {
		return c
	}
	if c == vt.DefaultColor {
		if isFg {
			return wc.fg
		}
		return wc.bg
	}
	if n, ok := c.Index(); ok {
		if set, ok := wc.sc.PaletteColor(n); ok {
			return set
		}
	}
	return c
}

// rowSpan is the part of a window row to draw: cells x0..x1.
type rowSpan struct{ y, x0, x1 int }

// termState is what the writer knows of the terminal: where its cursor is
// (x < 0: not known) and whether the default style is set. Knowing them
// spares the moves and style changes a keystroke's echo does not need:
// typed at the cursor, an echo is the character alone, as tmux sends it.
type termState struct {
	x, y  int
	clean bool
}

// writeSpans draws the spans of the window's rows at terminal row top + y,
// from terminal column left on (a region's; 0 for the whole display), cut
// at cols, and locks them in tcell's buffer (tcellcells.go). A span that
// reaches the row's trailing blanks ends with EL where the window reaches the
// terminal's right edge, with spaces where something is beside it. The
// terminal is left in the default style; st follows the cursor and the
// style.
func (w *cellWriter) writeSpans(b *strings.Builder, cells *tcellCells, sc *vt.Screen, spans []rowSpan, top, left, cols int, reverseVideo bool, st *termState) {
	vc, _ := sc.Size()
	width := min(vc, cols)
	termCols, termRows := cells.cols, cells.rows
	atEdge := left+cols >= termCols
	wc := colorsOf(sc)
	var conv styleConverter
	for _, s := range spans {
		row := sc.Row(s.y)
		end := width // cells from end on are blank
		for end > 0 && blankCell(row[end-1]) {
			end--
		}
		x1 := min(s.x1, width-1)
		x0 := s.x0
		if x0 > 0 && row[x0].IsWideTail() {
			x0-- // start at the character, not its right half
		}
		ty := top + s.y
		if st.x != left+x0 || st.y != ty {
			b.WriteString(w.ti.TGoto(left+x0, ty))
		}
		cur, have := vt.Style{}, st.clean && !reverseVideo && !wc.any
		stop := end // the span's cells stop before stop
		if w.cornerUnsafe() && ty == termRows-1 && end == cols && atEdge {
			stop = cols - 1 // the corner (and a wide character on it): tcell draws it
			if row[stop].IsWideTail() {
				stop--
			}
			str, sty := sc.Text(row[stop]), row[stop].S
			if str == "" || sc.Width(row[stop]) == 2 && stop+1 >= cols {
				str = " "
			}
			cells.put(left+stop, ty, str, w.linked(cells, conv.convert(sty, reverseVideo), sc.Hyperlink, sty.Link))
			cells.buf.SetDirty(left+stop, ty, true)
		}
		x := x0
		var link uint16 // the terminal's link: none between spans
		for ; x <= x1 && x < stop; x++ {
			c := row[x]
			cells.lock(left+x, ty)
			if c.IsWideTail() {
				continue
			}
			sgr := c.S
			sgr.Link = 0
			if !have || sgr != cur {
				w.writeStyle(b, sgr, wc, reverseVideo)
				cur, have = sgr, true
			}
			if c.S.Link != link && w.hyperlinks {
				link = writeLink(b, sc, c.S.Link)
			}
			text := sc.Text(c)
			switch {
			case text == "":
				text = " "
			case sc.Width(c) == 2 && x+1 >= cols:
				text = " " // half a wide character cannot be drawn
			}
			b.WriteString(text)
		}
		if !have || cur != (vt.Style{}) || reverseVideo || wc.any {
			b.WriteString(w.ti.AttrOff)
		}
		if link != 0 {
			b.WriteString(closeLink)
		}
		st.clean = true
		// At the last column the terminal's cursor is where its autowrap
		// handling left it: not known.
		st.x, st.y = left+x, ty
		if left+x >= termCols {
			st.x = -1
		}
		if x1 >= end && end < width {
			// The rest of the row is blank: one EL instead of spaces —
			// unless the window stops short of the terminal's edge, where
			// EL would take the dots or the regions beyond it too.
			if st.x != left+end {
				b.WriteString(w.ti.TGoto(left+end, ty))
				st.x = left + end
			}
			clearTo := cols
			if width < cols || !atEdge {
				clearTo = width
				b.WriteString(strings.Repeat(" ", width-end))
				st.x = left + width
			} else {
				b.WriteString(eraseToEOL)
			}
			for bx := end; bx < clearTo; bx++ {
				cells.lock(left+bx, ty)
			}
		}
	}
}

// blankCell reports whether c holds nothing: never written, or erased
// with the default background. EL stands for such cells; a space the
// program wrote is written, as the terminal would have it.
func blankCell(c vt.Cell) bool { return c == vt.Cell{} }

// writeStyle sets the terminal to style st from scratch.
func (w *cellWriter) writeStyle(b *strings.Builder, st vt.Style, wc windowColors, reverseVideo bool) {
	ti := w.ti
	b.WriteString(ti.AttrOff)
	a := st.Attr
	if (a&(vt.Reverse|vt.Standout) != 0) != reverseVideo {
		b.WriteString(ti.Reverse)
	}
	for _, on := range []struct {
		bit vt.Attr
		seq string
	}{{vt.Bold, ti.Bold}, {vt.Faint, ti.Dim}, {vt.Italic, ti.Italic}, {vt.Blink | vt.RapidBlink, ti.Blink}, {vt.Strike, ti.StrikeThrough}} {
		if a&on.bit != 0 {
			b.WriteString(on.seq)
		}
	}
	if a&vt.Invisible != 0 {
		b.WriteString("\x1b[8m")
	}
	if a&vt.Overline != 0 {
		b.WriteString("\x1b[53m")
	}
	switch u := a.Underline(); {
	case u == vt.UnderlineSingle:
		b.WriteString(ti.Underline)
	case u > vt.UnderlineSingle:
		// The styled form: terminals without it take the plain underline
		// from the first parameter.
		b.WriteString(ti.Underline)
		b.WriteString("\x1b[4:" + strconv.Itoa(int(u)) + "m")
	}
	w.writeColor(b, wc.resolve(st.Fg, true), true)
	w.writeColor(b, wc.resolve(st.Bg, false), false)
}

// writeColor sends colour c as foreground or background.
func (w *cellWriter) writeColor(b *strings.Builder, c vt.Color, fg bool) {
	ti := w.ti
	if c == vt.DefaultColor {
		return
	}
	if r, g, bl, ok := c.RGB(); ok {
		if w.truecolor {
			base := "48;2;"
			if fg {
				base = "38;2;"
			}
			b.WriteString("\x1b[" + base + strconv.Itoa(int(r)) + ";" + strconv.Itoa(int(g)) + ";" + strconv.Itoa(int(bl)) + "m")
			return
		}
		fit := tcell.FindColor(tcell.NewRGBColor(int32(r), int32(g), int32(bl)), w.palette)
		c = vt.Indexed(uint8(fit - tcell.ColorValid))
	}
	n, _ := c.Index()
	if int(n) >= len(w.palette) {
		r, g, bl := tcell.PaletteColor(int(n)).RGB()
		fit := tcell.FindColor(tcell.NewRGBColor(r, g, bl), w.palette)
		n = uint8(fit - tcell.ColorValid)
	}
	if c.Extended() && len(w.palette) >= 256 {
		base := "48;5;"
		if fg {
			base = "38;5;"
		}
		b.WriteString("\x1b[" + base + strconv.Itoa(int(n)) + "m")
		return
	}
	if fg {
		b.WriteString(ti.TColor(int(n), -1))
	} else {
		b.WriteString(ti.TColor(-1, int(n)))
	}
}
