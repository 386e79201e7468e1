package server

import (
	"strings"

	"github.com/gdamore/tcell/v2"
)

// Colours and attributes in status and caption lines, as screen writes them:
// %{= kw} (attributes set to none, black on white), %{+b r} (bold added, red
// text), %{-} (back to what was before the last change). Expanded text
// carries each change as a marker, statusMark followed by three bytes
// (foreground, background: 0 default, 1-16 the palette colour plus one;
// attributes), which the renderer turns into styles. Every byte of a marker
// is a control character, so textWidth counts it as nothing. Titles cannot
// carry a marker: their control characters are removed or shown as text.

const statusMark = '\x00'

// Attribute bits of a status style.
const (
	stBold = 1 << iota
	stUnderline
	stReverse
	stBlink
	stDim
)

type statusStyle struct{ fg, bg, attr byte }

// barStyle is a bar's style before any %{...}: reverse video, as screen's.
var barStyle = statusStyle{attr: stReverse}

func (st statusStyle) mark() string { return string([]byte{statusMark, st.fg, st.bg, st.attr}) }

// statusColor maps screen's colour letters (k r g y b m c w, upper case for
// the bright ones; d default) to a style colour byte, ok false if c is none.
func statusColor(c byte) (byte, bool) {
	if c == 'd' || c == 'D' {
		return 0, true
	}
	i := strings.IndexByte("krgybmcw", c|0x20)
	if i < 0 {
		return 0, false
	}
	if c >= 'A' && c <= 'Z' {
		i += 8
	}
	return byte(i + 1), true
}

// applyStatusStyle reads one %{...} body (without the braces) over cur.
func applyStatusStyle(cur statusStyle, spec string) statusStyle {
	attrs, colors, _ := strings.Cut(strings.TrimSpace(spec), " ")
	if colors == "" && len(attrs) > 0 && attrs[0] != '=' && attrs[0] != '+' && attrs[0] != '-' && attrs[0] != '!' {
		attrs, colors = "", attrs // only colours: "%{kw}"
	}
	if attrs != "" {
		op := attrs[0]
		var bits byte
		for _, a := range attrs[1:] {
			switch a {
			case 'b':
				bits |= stBold
			case 'u':
				bits |= stUnderline
			case 'r', 's':
				bits |= stReverse
			case 'B':
				bits |= stBlink
			case 'd':
				bits |= stDim
			}
		}
		switch op {
		case '=':
			cur.attr = bits
			cur.fg, cur.bg = 0, 0
		case '+':
			cur.attr |= bits
		case '-':
			cur.attr &^= bits
		case '!':
			cur.attr ^= bits
		}
	}
	// Two letters are background then foreground (screen's "%{= kw}" is
	// white on black); one is the foreground, or the background when the
	// text is reversed. A "." leaves a colour as it is.
	colors = strings.TrimSpace(colors)
	switch len(colors) {
	case 0:
	case 1:
		if c, ok := statusColor(colors[0]); ok {
			if cur.attr&stReverse != 0 {
				cur.bg = c
			} else {
				cur.fg = c
			}
		}
	default:
		if c, ok := statusColor(colors[0]); ok {
			cur.bg = c
		}
		if c, ok := statusColor(colors[1]); ok {
			cur.fg = c
		}
	}
	return cur
}

// tcellStatusStyle is st as tcell draws it.
func tcellStatusStyle(st statusStyle) tcell.Style {
	t := tcell.StyleDefault
	if st.fg > 0 {
		t = t.Foreground(tcell.PaletteColor(int(st.fg) - 1))
	}
	if st.bg > 0 {
		t = t.Background(tcell.PaletteColor(int(st.bg) - 1))
	}
	return t.Bold(st.attr&stBold != 0).Underline(st.attr&stUnderline != 0).Reverse(st.attr&stReverse != 0).
		Blink(st.attr&stBlink != 0).Dim(st.attr&stDim != 0)
}
