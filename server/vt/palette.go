package vt

import (
	"fmt"
	"strconv"
	"strings"
)

// The window's colours, as xterm's OSC colour controls see them: OSC 4
// (palette entries 0-255, and 256-260 for xterm's special colours bold,
// underline, blink, reverse and italic), OSC 5 (the special colours by
// their own numbers), OSC 10-19 (the dynamic colours: text foreground and
// background, cursor, pointer, Tektronix, highlight), and the resets OSC
// 104, 105 and 110-119. A colour set is kept per window and answered back
// when asked ("?"); anything not set answers the display's colour (10 and
// 11, learnt from the outer terminal) or xterm's default. Answers are
// always formatted here from numbers: a value a program wrote comes back
// only as the colour it parsed to, never as its text.

const (
	paletteSize   = 256
	specialColors = 5  // OSC 5 0-4: bold, underline, blink, reverse, italic
	dynamicColors = 10 // OSC 10-19
)

// palette is what a program changed; nil until it changes something.
type palette struct {
	set map[int]Color // 0-255 palette, 256-260 special, 1010-1019 dynamic
}

const dynamicBase = 1000 // key of OSC 10 is 1010

// oscColor handles OSC 4, 5, 10-19, 104, 105 and 110-119; cmd is the number.
func (s *interp) oscColor(cmd int, arg string) {
	switch {
	case cmd == 4 || cmd == 5:
		base := 0
		if cmd == 5 {
			base = paletteSize
		}
		fields := strings.Split(arg, ";")
		for i := 0; i+1 < len(fields); i += 2 {
			n, err := strconv.Atoi(fields[i])
			limit := paletteSize + specialColors - base
			if err != nil || n < 0 || n >= limit {
				continue
			}
			s.colorSpec(base+n, fields[i+1], func(c string) string {
				return fmt.Sprintf("\x1b]%d;%d;%s\x1b\\", cmd, n, c)
			})
		}
	case cmd >= 10 && cmd <= 19:
		for i, spec := range strings.Split(arg, ";") {
			n := cmd + i
			if n > 19 {
				break
			}
			s.colorSpec(dynamicBase+n, spec, func(c string) string {
				return fmt.Sprintf("\x1b]%d;%s\x1b\\", n, c)
			})
		}
	case cmd == 104 || cmd == 105:
		base, end := 0, paletteSize // OSC 104: the palette
		if cmd == 105 {
			base, end = paletteSize, paletteSize+specialColors // OSC 105: the special colours
		}
		if arg == "" {
			for k := range s.pal.set {
				if k >= base && k < end {
					delete(s.pal.set, k)
				}
			}
			break
		}
		for _, f := range strings.Split(arg, ";") {
			if n, err := strconv.Atoi(f); err == nil {
				delete(s.pal.set, base+n)
			}
		}
	case cmd >= 110 && cmd <= 119:
		delete(s.pal.set, dynamicBase+cmd-100)
	}
	s.changed = true
}

// isColorOSC reports whether OSC n is one of the colour controls.
func isColorOSC(n int) bool {
	return n == 4 || n == 5 || n >= 10 && n <= 19 || n == 104 || n == 105 || n >= 110 && n <= 119
}

// colorSpec sets colour key from spec, or answers it when spec is "?".
func (s *interp) colorSpec(key int, spec string, answer func(string) string) {
	if spec == "?" {
		if len(s.replies) < maxReplies {
			s.replies = append(s.replies, answer(s.colorOf(key))...)
		}
		return
	}
	c, ok := ParseColorSpec(spec)
	if !ok {
		return
	}
	if s.pal.set == nil {
		s.pal.set = map[int]Color{}
	}
	s.pal.set[key] = c
}

// colorOf is colour key in the rgb:RRRR/GGGG/BBBB form answers use.
func (s *interp) colorOf(key int) string {
	if c, ok := s.pal.set[key]; ok {
		return rgbSpec(c)
	}
	switch {
	case key < paletteSize:
		return rgbSpec(defaultPalette(key))
	case key == dynamicBase+11, key == dynamicBase+14, key == dynamicBase+16, key == dynamicBase+17:
		if s.bgColor != "" {
			return s.bgColor
		}
		return defaultBgColor
	}
	if s.fgColor != "" {
		return s.fgColor
	}
	return defaultFgColor
}

// PaletteColor is palette entry n as the program in the window set it
// with OSC 4, ok false when it did not.
func (s *Screen) PaletteColor(n uint8) (Color, bool) {
	c, ok := s.pal.set[int(n)]
	return c, ok
}

// DefaultColors are the text foreground and background the program set
// with OSC 10 and 11 (DefaultColor when it did not).
func (s *Screen) DefaultColors() (fg, bg Color) {
	return s.pal.set[dynamicBase+10], s.pal.set[dynamicBase+11]
}

// HasPalette reports whether the program changed any colour the renderer
// draws with (palette entries, text foreground or background).
func (s *Screen) HasPalette() bool {
	for k := range s.pal.set {
		if k < paletteSize || k == dynamicBase+10 || k == dynamicBase+11 {
			return true
		}
	}
	return false
}

func rgbSpec(c Color) string {
	r, g, b, _ := c.RGB()
	return fmt.Sprintf("rgb:%02x%02x/%02x%02x/%02x%02x", r, r, g, g, b, b)
}

// defaultPalette is xterm's default colour n: the 16 ANSI colours, the
// 6×6×6 cube and the grey ramp.
func defaultPalette(n int) Color {
	ansi := [16][3]uint8{
		{0x00, 0x00, 0x00}, {0xcd, 0x00, 0x00}, {0x00, 0xcd, 0x00}, {0xcd, 0xcd, 0x00},
		{0x00, 0x00, 0xee}, {0xcd, 0x00, 0xcd}, {0x00, 0xcd, 0xcd}, {0xe5, 0xe5, 0xe5},
		{0x7f, 0x7f, 0x7f}, {0xff, 0x00, 0x00}, {0x00, 0xff, 0x00}, {0xff, 0xff, 0x00},
		{0x5c, 0x5c, 0xff}, {0xff, 0x00, 0xff}, {0x00, 0xff, 0xff}, {0xff, 0xff, 0xff},
	}
	switch {
	case n < 16:
		return RGB(ansi[n][0], ansi[n][1], ansi[n][2])
	case n < 232:
		level := func(i int) uint8 {
			if i == 0 {
				return 0
			}
			return uint8(55 + 40*i)
		}
		n -= 16
		return RGB(level(n/36), level(n/6%6), level(n%6))
	}
	g := uint8(8 + 10*(n-232))
	return RGB(g, g, g)
}

// ParseColorSpec reads a colour as XParseColor does for the forms that do
// not need a colour database: rgb:R/G/B with 1-4 hex digits per component,
// #RGB with 1-4 digits per component (the high bits), and rgbi:R/G/B with
// components from 0 to 1. The colour is kept at 8 bits per component, as
// xterm keeps it on a 24-bit display.
func ParseColorSpec(spec string) (Color, bool) {
	var comps [3]uint64 // 16-bit
	switch {
	case strings.HasPrefix(spec, "rgb:"):
		parts := strings.Split(spec[4:], "/")
		if len(parts) != 3 {
			return 0, false
		}
		for i, p := range parts {
			v, err := strconv.ParseUint(p, 16, 16)
			if err != nil || len(p) == 0 || len(p) > 4 {
				return 0, false
			}
			comps[i] = v * 0xffff / (uint64(1)<<(4*len(p)) - 1)
		}
	case strings.HasPrefix(spec, "#"):
		hex := spec[1:]
		n := len(hex) / 3
		if len(hex)%3 != 0 || n < 1 || n > 4 {
			return 0, false
		}
		for i := range 3 {
			v, err := strconv.ParseUint(hex[i*n:(i+1)*n], 16, 16)
			if err != nil {
				return 0, false
			}
			comps[i] = v << (16 - 4*n)
		}
	case strings.HasPrefix(spec, "rgbi:"):
		parts := strings.Split(spec[5:], "/")
		if len(parts) != 3 {
			return 0, false
		}
		for i, p := range parts {
			f, err := strconv.ParseFloat(p, 64)
			if err != nil || f < 0 || f > 1 {
				return 0, false
			}
			comps[i] = uint64(f*0xffff + 0.5)
		}
	default:
		return 0, false
	}
	return RGB(uint8(comps[0]>>8), uint8(comps[1]>>8), uint8(comps[2]>>8)), true
}
