package statusline

import "strings"

// Colours and attributes in status and caption lines, as screen writes them:
// %{= kw} (attributes set to none, black on white), %{+b r} (bold added, red
// text), %{-} (back to what was before the last change). Expanded text
// carries each change as a marker, Mark followed by three bytes
// (foreground, background: 0 default, 1-16 the palette colour plus one;
// attributes), which the renderer turns into styles. Every byte of a marker
// is a control character, so a width count takes it as nothing. Titles
// cannot carry a marker: their control characters are removed or shown as
// text.
//
// A window's entry in the list (%w) is wrapped in two more markers of the
// same size, a tag: the first holds the window's number, the second ends it.
// The renderer notes where each entry landed, for a click on it.

// Mark starts every marker.
const Mark = '\x00'

// The first byte after a Mark that makes it a window's tag.
const (
	TagStart = 0x1f // starts window n's entry; the two bytes after hold n
	TagEnd   = 0x1e // ends it
)

// Attribute bits of a Style.
const (
	Bold = 1 << iota
	Underline
	Reverse
	Blink
	Dim
)

// Style is a status line's style at a point: colours as the marker holds
// them, and attribute bits.
type Style struct{ FG, BG, Attr byte }

// Mark is the marker that sets st.
func (st Style) Mark() string { return string([]byte{Mark, st.FG, st.BG, st.Attr}) }

// StyleAt is the style the marker at msg[i] (a Mark, not a tag) sets.
func StyleAt(msg string, i int) Style { return Style{FG: msg[i+1], BG: msg[i+2], Attr: msg[i+3]} }

// WindowTag is the marker that starts window n's entry (n < 1024).
func WindowTag(n int) string { return string([]byte{Mark, TagStart, byte(n >> 5), byte(n & 31)}) }

// WindowTagEnd ends an entry.
var WindowTagEnd = string([]byte{Mark, TagEnd, 0, 0})

// IsTag reports whether the marker at msg[i] (a Mark) is a window's tag.
func IsTag(msg string, i int) bool { return msg[i+1] == TagStart || msg[i+1] == TagEnd }

// TagWindow is the window number a TagStart marker at msg[i] holds.
func TagWindow(msg string, i int) int { return int(msg[i+2])<<5 | int(msg[i+3]) }

// color maps screen's colour letters (k r g y b m c w, upper case for the
// bright ones; d default) to a style colour byte, ok false if c is none.
func color(c byte) (byte, bool) {
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

// ApplyStyle reads one %{...} body (without the braces) over cur.
func ApplyStyle(cur Style, spec string) Style {
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
				bits |= Bold
			case 'u':
				bits |= Underline
			case 'r', 's':
				bits |= Reverse
			case 'B':
				bits |= Blink
			case 'd':
				bits |= Dim
			}
		}
		switch op {
		case '=':
			cur.Attr = bits
			cur.FG, cur.BG = 0, 0
		case '+':
			cur.Attr |= bits
		case '-':
			cur.Attr &^= bits
		case '!':
			cur.Attr ^= bits
		}
	}
	// Two letters are background then foreground (screen's "%{= kw}" is
	// white on black); one is the foreground, or the background when the
	// text is reversed. A "." leaves a colour as it is.
	colors = strings.TrimSpace(colors)
	switch len(colors) {
	case 0:
	case 1:
		if c, ok := color(colors[0]); ok {
			if cur.Attr&Reverse != 0 {
				cur.BG = c
			} else {
				cur.FG = c
			}
		}
	default:
		if c, ok := color(colors[0]); ok {
			cur.BG = c
		}
		if c, ok := color(colors[1]); ok {
			cur.FG = c
		}
	}
	return cur
}
