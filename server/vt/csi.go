package vt

import "strconv"

// Answers to device queries. They are fixed strings: nothing a program writes
// is ever echoed back.
const (
	da1Reply = "\x1b[?62;22c"  // VT220 with ANSI colour
	da2Reply = "\x1b[>84;0;0c" // same class as tmux, so programs treat us alike
	dsrOK    = "\x1b[0n"       // DSR 5: terminal OK
)

// param returns parameter i, or def when it is missing or zero.
func (p *parser) param(i int, def int) int {
	if i >= p.nparams || p.params[i] <= 0 {
		return def
	}
	return int(p.params[i])
}

// raw returns parameter i as given, 0 when missing.
func (p *parser) raw(i int) int {
	if i >= p.nparams || p.params[i] < 0 {
		return 0
	}
	return int(p.params[i])
}

// csiDispatch performs a control sequence CSI [private] params [inter] final.
func (s *interp) csiDispatch(final byte) {
	p := &s.p
	s.changed = true
	var inter byte
	if p.ninter > 0 {
		inter = p.inter[0]
	}
	if p.private != 0 {
		s.privateDispatch(final, inter)
		return
	}
	switch inter {
	case 0:
	case ' ':
		if final == 'q' { // DECSCUSR
			s.modes.CursorStyle = p.raw(0)
		}
		return
	case '!':
		if final == 'p' {
			s.softReset()
		}
		return
	case '"':
		switch final {
		case 'p':
			s.setConformanceLevel()
		case 'q':
			s.setCharProtection(p.raw(0) == 1)
		}
		return
	case '$':
		switch final {
		case 'p': // DECRQM, ANSI modes
			s.reportMode(false, p.raw(0))
		case 'x':
			s.fillRect()
		case 'z':
			s.eraseRect(false)
		case '{':
			s.eraseRect(true)
		case 'v':
			s.copyRect()
		case 'r':
			s.changeAttrs(false)
		case 't':
			s.changeAttrs(true)
		}
		return
	case '\'':
		switch final {
		case '}':
			s.ed().insertColumns(p.param(0, 1))
		case '~':
			s.ed().deleteColumns(p.param(0, 1))
		}
		return
	case '*':
		switch final {
		case 'x': // DECSACE
			s.sace = p.raw(0)
		case 'y':
			s.checksumRect()
		}
		return
	default:
		return
	}
	n := p.param(0, 1)
	switch final {
	case '@':
		s.ed().insertCells(s.g.row(s.cur.y), s.cur.x, n)
		s.cur.wrapNext = false
	case 'A':
		s.ed().cursorUp(n)
	case 'B', 'e':
		s.ed().cursorDown(n)
	case 'C':
		s.ed().moveTo(min(s.cur.x+n, s.ed().rightEdge(s.cur.x)), s.cur.y)
	case 'a': // HPR is not bounded by the margins
		s.ed().moveTo(s.cur.x+n, s.cur.y)
	case 'D':
		s.ed().cursorBack(n)
	case 'E':
		s.ed().cursorDown(n)
		s.ed().carriageReturn()
	case 'F':
		s.ed().cursorUp(n)
		s.ed().carriageReturn()
	case 'G', '`':
		s.ed().moveToColumn(n - 1)
	case 'H', 'f':
		s.ed().moveToOrigin(p.param(1, 1)-1, n-1)
	case 'I':
		s.ed().tabForward(n)
	case 'J':
		s.ed().eraseDisplay(p.raw(0))
	case 'K':
		s.ed().eraseLine(p.raw(0))
	case 'L':
		s.ed().insertLines(n)
	case 'M':
		s.ed().deleteLines(n)
	case 'P':
		s.ed().deleteCells(s.g.row(s.cur.y), s.cur.x, n)
		s.cur.wrapNext = false
	case 'S':
		s.ed().scrollUp(n)
	case 'T':
		if p.nparams <= 1 {
			s.ed().scrollDown(n)
		}
	case 'X':
		s.eraseCells(s.g.row(s.cur.y), s.cur.x, min(s.cur.x+n, s.cols), s.isoProtect)
		s.cur.wrapNext = false
	case 'Z':
		s.ed().tabBackward(n)
	case 'b':
		if s.lastRune != 0 {
			// At most the rest of the line, as tmux: 9 bytes must not
			// buy 65535 cells of work (a flood of them stalled sessions).
			w := RuneWidth(s.lastRune)
			for range min(n, max(s.cols-s.cur.x, 1)) {
				s.ed().printRune(s.lastRune, w)
			}
		}
	case 'c':
		if p.raw(0) == 0 {
			s.replies = append(s.replies, da1Reply...)
		}
	case 'd':
		s.ed().moveToRow(n - 1)
	case 'g':
		switch p.raw(0) {
		case 0:
			s.tabs[s.cur.x] = false
		case 3:
			clear(s.tabs)
		}
	case 'h', 'l':
		for i := range max(p.nparams, 1) {
			s.setANSIMode(p.raw(i), final == 'h')
		}
	case 'm':
		s.sgr()
	case 'n':
		switch p.raw(0) {
		case 5:
			s.replies = append(s.replies, dsrOK...)
		case 6:
			s.reportCursor()
		}
	case 'r':
		top, bot := p.param(0, 1)-1, p.param(1, s.rows)-1
		bot = min(bot, s.rows-1)
		if top < bot {
			s.top, s.bot = top, bot
			s.ed().moveToOrigin(0, 0)
		}
	case 's':
		if s.modes.LRMargins && s.level >= 4 {
			s.setLRMargins()
		} else {
			s.ed().saveCursor()
		}
	case 't':
		s.windowOp()
	case 'u':
		s.ed().restoreCursor()
	}
}

func (s *editor) cursorUp(n int) {
	top := 0
	if s.cur.y >= s.top {
		top = s.top
	}
	s.moveTo(s.cur.x, max(s.cur.y-n, top))
}

func (s *editor) cursorDown(n int) {
	bot := s.rows - 1
	if s.cur.y <= s.bot {
		bot = s.bot
	}
	s.moveTo(s.cur.x, min(s.cur.y+n, bot))
}

// reportCursor is CPR (DSR 6).
func (s *interp) reportCursor() {
	x, y := s.cursorForReport()
	s.replies = append(s.replies, "\x1b["+strconv.Itoa(y+1)+";"+strconv.Itoa(x+1)+"R"...)
}

// cursorForReport is the cursor as CPR and DECXCPR count it: from the
// margins in origin mode.
func (s *interp) cursorForReport() (x, y int) {
	x, y = s.cur.x, s.cur.y
	if s.modes.Origin {
		x, y = x-s.left, y-s.top
	}
	return x, y
}

func (s *interp) privateDispatch(final, inter byte) {
	p := &s.p
	switch {
	case p.private == '?' && inter == 0 && (final == 'h' || final == 'l'):
		for i := range max(p.nparams, 1) {
			s.setDECMode(p.raw(i), final == 'h')
		}
	case p.private == '?' && inter == 0 && (final == 'J' || final == 'K'):
		s.selectiveErase(final == 'J', p.raw(0))
	case p.private == '?' && inter == 0 && final == 's':
		s.saveModes()
	case p.private == '?' && inter == 0 && final == 'r':
		s.restoreModes()
	case p.private == '?' && inter == '$' && final == 'p':
		s.reportMode(true, p.raw(0))
	case p.private == '?' && inter == 0 && final == 'n':
		s.privateStatusReport()
	case p.private == '>' && inter == 0 && final == 'c' && p.raw(0) == 0:
		s.replies = append(s.replies, da2Reply...)
	}
}

func (s *interp) setANSIMode(mode int, on bool) {
	switch mode {
	case 4:
		s.modes.Insert = on
	case 20:
		s.modes.NewlineMode = on
	}
}

func (s *interp) setDECMode(mode int, on bool) {
	m := &s.modes
	switch mode {
	case 1:
		m.AppCursor = on
	case 3: // DECCOLM: the size stays, but the screen clears as in xterm/tmux
		s.top, s.bot = 0, s.rows-1
		s.setLRMarginMode(false)
		if !s.noClearOnColumns {
			s.ed().eraseAll()
		}
		s.ed().moveTo(0, 0)
	case 66: // DECNKM
		m.AppKeypad = on
	case 95: // DECNCSM: DECCOLM keeps the screen (a VT510 mode: level 5)
		if s.level >= 5 {
			s.noClearOnColumns = on
		}
	case 5:
		m.ReverseVideo = on
	case 6:
		m.Origin = on
		s.ed().moveToOrigin(0, 0)
	case 7:
		m.Autowrap = on
		if !on {
			s.cur.wrapNext = false
		}
	case 12:
		m.CursorBlink = on
	case 25:
		m.CursorVisible = on
	case 9, 1000, 1002, 1003:
		if on {
			m.Mouse = mode
		} else if m.Mouse == mode {
			m.Mouse = 0
		}
	case 1005, 1006, 1015:
		if on {
			m.MouseEncoding = mode
		} else if m.MouseEncoding == mode {
			m.MouseEncoding = 0
		}
	case 69:
		s.setLRMarginMode(on)
	case 45, 1045:
		m.ReverseWrap = on
	case 1004:
		m.FocusEvents = on
	case 2004:
		m.BracketedPaste = on
	case 2026:
		s.syncOutput = on
		s.changed = true // its end lets the frame out
	case 47:
		if !s.noAltScreen {
			s.ed().setAltScreen(on, false)
		}
	case 1047:
		if s.noAltScreen {
			break
		}
		if !on && s.altActive {
			s.ed().eraseAll()
		}
		s.ed().setAltScreen(on, false)
	case 1048:
		if on {
			s.ed().saveCursor()
		} else {
			s.ed().restoreCursor()
		}
	case 1049:
		if s.noAltScreen {
			// altscreen off, as screen's default: nothing happens, the
			// program draws on the main screen and its last screen stays.
		} else if on {
			s.ed().saveCursor()
			s.ed().setAltScreen(true, true)
		} else if s.altActive {
			s.ed().setAltScreen(false, false)
			s.ed().restoreCursor()
		}
	}
}

// softReset is DECSTR.
func (s *interp) softReset() {
	s.modes.Insert = false
	s.modes.Origin = false
	s.modes.Autowrap = true
	s.modes.CursorVisible = true
	s.modes.AppCursor = false
	s.modes.AppKeypad = false
	s.modes.ReverseWrap = false
	s.top, s.bot = 0, s.rows-1
	s.setLRMarginMode(false)
	s.cur.style = Style{}
	s.cur.charsets = [4]byte{'B', 'B', 'B', 'B'}
	s.cur.gl = 0
	s.cur.wrapNext = false
	s.saved = [2]savedCursor{}
}

// sgr applies Select Graphic Rendition.
func (s *interp) sgr() {
	p := &s.p
	st := &s.cur.style
	if p.nparams == 0 {
		// SGR touches neither DECSCA's protection nor the hyperlink.
		*st = Style{Attr: st.Attr & Protected, Link: st.Link}
		return
	}
	for i := 0; i < p.nparams; i++ {
		v := p.raw(i)
		switch {
		case v == 0:
			*st = Style{Attr: st.Attr & Protected, Link: st.Link}
		case v == 1:
			st.Attr |= Bold
		case v == 2:
			st.Attr |= Faint
		case v == 3 && s.italicIsStandout:
			st.Attr |= Standout
		case v == 3:
			st.Attr |= Italic
		case v == 4:
			u := UnderlineSingle
			if i+1 < p.nparams && p.sub[i+1] {
				i++
				u = UnderlineStyle(min(p.raw(i), int(UnderlineDashed)))
			}
			st.Attr = st.Attr.WithUnderline(u)
		case v == 5:
			st.Attr |= Blink
		case v == 6:
			st.Attr |= RapidBlink
		case v == 7:
			st.Attr |= Reverse
		case v == 8:
			st.Attr |= Invisible
		case v == 9:
			st.Attr |= Strike
		case v == 21:
			st.Attr = st.Attr.WithUnderline(UnderlineDouble)
		case v == 22:
			st.Attr &^= Bold | Faint
		case v == 23:
			st.Attr &^= Italic | Standout
		case v == 24:
			st.Attr = st.Attr.WithUnderline(UnderlineNone)
		case v == 25:
			st.Attr &^= Blink | RapidBlink
		case v == 27:
			st.Attr &^= Reverse
		case v == 28:
			st.Attr &^= Invisible
		case v == 29:
			st.Attr &^= Strike
		case v >= 30 && v <= 37:
			st.Fg = Indexed(uint8(v - 30))
		case v == 38:
			c, next := p.extendedColor(i)
			if c != nil {
				st.Fg = *c
			}
			i = next
		case v == 39:
			st.Fg = DefaultColor
		case v >= 40 && v <= 47:
			st.Bg = Indexed(uint8(v - 40))
		case v == 48:
			c, next := p.extendedColor(i)
			if c != nil {
				st.Bg = *c
			}
			i = next
		case v == 49:
			st.Bg = DefaultColor
		case v == 53:
			st.Attr |= Overline
		case v == 55:
			st.Attr &^= Overline
		case v == 58:
			_, i = p.extendedColor(i) // underline colour: parsed, not kept
		case v >= 90 && v <= 97:
			st.Fg = Indexed(uint8(v - 90 + 8))
		case v >= 100 && v <= 107:
			st.Bg = Indexed(uint8(v - 100 + 8))
		}
	}
}

// extendedColor parses the colour after 38/48/58 at parameter i, in either the
// colon form (38:5:n, 38:2:cs:r:g:b, 38:2:r:g:b) or the semicolon form
// (38;5;n, 38;2;r;g;b). It returns the colour (nil if malformed) and the index
// of the last parameter used.
func (p *parser) extendedColor(i int) (*Color, int) {
	if i+1 < p.nparams && p.sub[i+1] {
		j := i + 1
		for j+1 < p.nparams && p.sub[j+1] {
			j++
		}
		args := p.params[i+1 : j+1]
		get := func(k int) int { return max(int(args[k]), 0) }
		switch {
		case len(args) >= 2 && args[0] == 5:
			c := Indexed256(uint8(get(1)))
			return &c, j
		case len(args) >= 5 && args[0] == 2:
			n := len(args)
			c := RGB(uint8(get(n-3)), uint8(get(n-2)), uint8(get(n-1)))
			return &c, j
		case len(args) == 4 && args[0] == 2:
			c := RGB(uint8(get(1)), uint8(get(2)), uint8(get(3)))
			return &c, j
		}
		return nil, j
	}
	switch {
	case i+2 < p.nparams && p.raw(i+1) == 5:
		c := Indexed256(uint8(p.raw(i + 2)))
		return &c, i + 2
	case i+4 < p.nparams && p.raw(i+1) == 2:
		c := RGB(uint8(p.raw(i+2)), uint8(p.raw(i+3)), uint8(p.raw(i+4)))
		return &c, i + 4
	}
	return nil, p.nparams
}
