package vt

import (
	"strconv"
	"strings"
)

// DECRQSS (DCS $ q Pt ST): a program asks for a setting and gets it back
// in the form that would set it: SGR ("m"), the scroll region (DECSTBM
// "r"), the cursor style (DECSCUSR " q"), the conformance level (DECSCL
// "\"p"), character protection (DECSCA "\"q") and the attribute change
// extent (DECSACE "*x"). Anything
// else is answered as not valid. Answers are built from gmux's own state:
// none repeats what the program wrote.

// maxDCS bounds a DCS string gmux keeps to read.
const maxDCS = 64

func (s *interp) dcsDispatch() {
	p := &s.p
	if s.clipboardPassthrough() {
		return
	}
	if len(s.replies) >= maxReplies {
		return
	}
	if names, ok := strings.CutPrefix(string(p.dcs), "+q"); ok {
		s.termcapQuery(names)
		return
	}
	req, ok := strings.CutPrefix(string(p.dcs), "$q")
	if !ok {
		return
	}
	var val string
	switch req {
	case "m":
		val = sgrString(s.cur.style) + "m"
	case "r":
		val = strconv.Itoa(s.top+1) + ";" + strconv.Itoa(s.bot+1) + "r"
	case "s":
		val = strconv.Itoa(s.left+1) + ";" + strconv.Itoa(s.right+1) + "s"
	case " q":
		val = strconv.Itoa(s.modes.CursorStyle) + " q"
	case "\"p":
		val = strconv.Itoa(60+s.level) + ";1\"p"
	case "$}": // DECSASD: the main display is active (gmux's status line is its own)
		val = "0$}"
	case "$~": // DECSSDT: no host-writable status line
		val = "0$~"
	case "\"q":
		val = "0\"q"
		if s.cur.style.Attr&Protected != 0 {
			val = "1\"q"
		}
	case "*x":
		val = strconv.Itoa(s.sace) + "*x"
	default:
		s.replies = append(s.replies, "\x1bP0$r\x1b\\"...)
		return
	}
	s.replies = append(s.replies, "\x1bP1$r"+val+"\x1b\\"...)
}

// sgrString is the SGR parameters that set st from nothing: "0;1;31".
func sgrString(st Style) string {
	b := []string{"0"}
	for _, a := range []struct {
		attr Attr
		code string
	}{{Bold, "1"}, {Faint, "2"}, {Italic | Standout, "3"}, {Blink, "5"}, {Reverse, "7"}, {Invisible, "8"}, {Strike, "9"}, {Overline, "53"}} {
		if st.Attr&a.attr != 0 {
			b = append(b, a.code)
		}
	}
	switch u := st.Attr.Underline(); {
	case u == UnderlineSingle:
		b = append(b, "4")
	case u > UnderlineSingle:
		b = append(b, "4:"+strconv.Itoa(int(u)))
	}
	b = append(b, sgrColor(st.Fg, 30, 90, 38)...)
	b = append(b, sgrColor(st.Bg, 40, 100, 48)...)
	return strings.Join(b, ";")
}

func sgrColor(c Color, base, bright, extended int) []string {
	if n, ok := c.Index(); ok {
		switch {
		case c.Extended():
			return []string{strconv.Itoa(extended), "5", strconv.Itoa(int(n))}
		case n < 8:
			return []string{strconv.Itoa(base + int(n))}
		case n < 16:
			return []string{strconv.Itoa(bright + int(n) - 8)}
		}
		return []string{strconv.Itoa(extended), "5", strconv.Itoa(int(n))}
	}
	if r, g, bl, ok := c.RGB(); ok {
		return []string{strconv.Itoa(extended), "2", strconv.Itoa(int(r)), strconv.Itoa(int(g)), strconv.Itoa(int(bl))}
	}
	return nil
}
