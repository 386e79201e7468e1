package vt

// Color is a cell colour: the default, one of 256 indexed colours, or RGB.
type Color uint32

// DefaultColor is the terminal's default foreground or background.
const DefaultColor Color = 0

const (
	colorKindMask Color = 0xff << 24
	colorIndexed  Color = 1 << 24
	colorRGB      Color = 2 << 24
	// colorIndexed256 is a colour 0-15 a program chose as 38;5;N (48;5;N)
	// rather than 30-37/90-97: the same colour, but some terminals
	// brighten the first form with bold and not the second, so it is drawn
	// in the form the program used.
	colorIndexed256 Color = 3 << 24
)

// Indexed returns palette colour n (0-15 are the ANSI colours).
func Indexed(n uint8) Color { return colorIndexed | Color(n) }

// Indexed256 returns palette colour n as chosen by 38;5;n: for n < 16 it is
// kept apart from Indexed(n), so the renderer can use the same form.
func Indexed256(n uint8) Color {
	if n < 16 {
		return colorIndexed256 | Color(n)
	}
	return Indexed(n)
}

// Extended reports whether c is a colour 0-15 given in the 38;5;N form.
func (c Color) Extended() bool { return c&colorKindMask == colorIndexed256 }

// RGB returns a 24-bit colour.
func RGB(r, g, b uint8) Color { return colorRGB | Color(r)<<16 | Color(g)<<8 | Color(b) }

// Index returns the palette index of an indexed colour.
func (c Color) Index() (uint8, bool) {
	k := c & colorKindMask
	return uint8(c), k == colorIndexed || k == colorIndexed256
}

// RGB returns the components of an RGB colour.
func (c Color) RGB() (r, g, b uint8, ok bool) {
	return uint8(c >> 16), uint8(c >> 8), uint8(c), c&colorKindMask == colorRGB
}

// Attr is a set of character attributes; bits 12-14 hold the underline style.
type Attr uint16

// Character attributes (SGR).
const (
	Bold Attr = 1 << iota
	Faint
	Italic
	Blink
	RapidBlink
	Reverse
	Invisible
	Strike
	Overline
	// Protected marks a character DECSCA protects from selective erase;
	// it draws as nothing.
	Protected
	// Standout is SGR 3 where the window's terminfo makes it standout
	// (screen's entries: smso=\E[3m, and no italics), drawn as reverse
	// video, as screen draws it (SetItalicIsStandout).
	Standout
)

const (
	ulShift = 12
	ulMask  = Attr(7) << ulShift
)

// UnderlineStyle is SGR 4's sub-parameter: none, single, double, curly, dotted, dashed.
type UnderlineStyle uint8

// Underline styles.
const (
	UnderlineNone UnderlineStyle = iota
	UnderlineSingle
	UnderlineDouble
	UnderlineCurly
	UnderlineDotted
	UnderlineDashed
)

// Underline returns the underline style.
func (a Attr) Underline() UnderlineStyle { return UnderlineStyle((a & ulMask) >> ulShift) }

// WithUnderline returns a with its underline style replaced.
func (a Attr) WithUnderline(u UnderlineStyle) Attr {
	return a&^ulMask | Attr(u&7)<<ulShift
}

// Style is how a cell is drawn. The zero Style is the terminal default.
// Link is the cell's hyperlink (OSC 8), an index in the screen's table
// (Screen.Hyperlink); 0 is none. It fills what was padding: a Cell is 16
// bytes with it as without.
type Style struct {
	Fg, Bg Color
	Attr   Attr
	Link   uint16
}
