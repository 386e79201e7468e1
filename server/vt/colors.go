package vt

import (
	"fmt"
	"strings"
)

// The display's colours: OSC 10, 11 and 12 with "?" ask the terminal's
// default foreground, background and cursor colour. Editors (vim, neovim,
// helix), pagers (bat, delta) and shells ask them to choose a light or dark
// theme. Unless the program set its own (palette.go), the answer is the
// display's colours, as the server learned them from the outer terminal
// (SetDefaultColors), else a dark terminal's defaults.

// Default colours when the outer terminal did not say: light grey on black.
const (
	defaultFgColor = "rgb:e5e5/e5e5/e5e5"
	defaultBgColor = "rgb:0000/0000/0000"
)

// SetDefaultColors sets the colours OSC 10/11/12 queries are answered with;
// each is rgb:RRRR/GGGG/BBBB or "" for the default.
func (s *Screen) SetDefaultColors(fg, bg string) { s.fgColor, s.bgColor = fg, bg }

// maxReplies bounds answers waiting for the program: a flood of queries
// must not fill its input.
const maxReplies = 4096

// ParseColorReply reads an outer terminal's answer to OSC 10 or 11
// ("\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\"): which (10 or 11) and the colour in
// the canonical rgb:RRRR/GGGG/BBBB form, ok false for anything else.
func ParseColorReply(b []byte) (which int, color string, ok bool) {
	t := string(b)
	t = strings.TrimPrefix(t, "\x1b]")
	t = strings.TrimSuffix(strings.TrimSuffix(t, "\x1b\\"), "\a")
	cmd, val, found := strings.Cut(t, ";")
	if !found || (cmd != "10" && cmd != "11") {
		return 0, "", false
	}
	rgb, found := strings.CutPrefix(val, "rgb:")
	if !found {
		return 0, "", false
	}
	parts := strings.Split(rgb, "/")
	if len(parts) != 3 {
		return 0, "", false
	}
	var out []string
	for _, p := range parts {
		if len(p) == 0 || len(p) > 4 {
			return 0, "", false
		}
		var v uint64
		for _, ch := range p {
			d := strings.IndexRune("0123456789abcdef", ch|0x20)
			if d < 0 {
				return 0, "", false
			}
			v = v*16 + uint64(d)
		}
		// Scale 1 to 4 hex digits to 16 bits, as XParseColor does.
		top := uint64(1)<<(4*len(p)) - 1
		out = append(out, fmt.Sprintf("%04x", v*0xffff/top))
	}
	which = 10
	if cmd == "11" {
		which = 11
	}
	return which, "rgb:" + strings.Join(out, "/"), true
}
