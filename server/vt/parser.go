package vt

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The parser is a DEC/ECMA-48 state machine (after Paul Williams' diagram, as
// xterm and tmux implement it) with a fast path for runs of printable ASCII.

type parseState uint8

const (
	stGround parseState = iota
	stEscape
	stEscInter
	stCSI
	stCSIIgnore
	stOSC
	stString // DCS, SOS, PM, APC: swallowed until ST
)

const (
	maxParams   = 32
	maxParamVal = 65535
	maxOSC      = 4096
)

type parser struct {
	state   parseState
	params  [maxParams]int32 // -1: not given
	sub     [maxParams]bool  // true if the parameter followed ':' (a sub-parameter)
	nparams int
	private byte    // '?', '>', '<' or '=' leading the parameters
	inter   [2]byte // intermediate bytes
	ninter  int
	osc     []byte
	oscOver bool
	strEnd  string // how the OSC or DCS being dispatched ended: BEL or ST
	// screenTitle: the string is ESC k's (a title), not an OSC.
	screenTitle bool
	strEsc      bool // an ESC was seen inside a string: ST may follow
	inDCS       bool // the string is a DCS, kept in dcs (decrqss.go)
	dcs         []byte
	dcsCut      bool    // the DCS was longer than gmux keeps
	utf8        [4]byte // an incomplete UTF-8 sequence carried across writes
	nutf8       int
}

func (p *parser) clear() {
	p.nparams = 0
	p.private = 0
	p.ninter = 0
	p.params[0] = -1
	p.sub[0] = false
}

// Write feeds program output to the screen. It never fails.
func (s *Screen) Write(data []byte) (int, error) { return s.in().write(data) }

func (s *interp) write(data []byte) (int, error) {
	s.scr().thaw()
	n := len(data)
	if s.p.nutf8 > 0 {
		data = s.finishUTF8(data)
	}
	p := &s.p
	for i := 0; i < len(data); {
		b := data[i]
		if p.state == stGround {
			if b >= 0x20 && b < 0x7f {
				j := i + 1
				for j < len(data) && data[j] >= 0x20 && data[j] < 0x7f {
					j++
				}
				s.ed().printASCII(data[i:j])
				i = j
				continue
			}
			if b >= 0x80 {
				r, size := utf8.DecodeRune(data[i:])
				if r == utf8.RuneError && size <= 1 {
					if !utf8.FullRune(data[i:]) {
						p.nutf8 = copy(p.utf8[:], data[i:])
						return n, nil
					}
					size = 1
				}
				s.ed().printRune(r, RuneWidth(r))
				i += size
				continue
			}
		}
		s.step(b)
		i++
	}
	return n, nil
}

// finishUTF8 completes a UTF-8 sequence split across writes and returns the
// rest of data.
func (s *interp) finishUTF8(data []byte) []byte {
	p := &s.p
	var buf [8]byte
	k := copy(buf[:], p.utf8[:p.nutf8])
	used := copy(buf[k:], data)
	all := buf[:k+used]
	if !utf8.FullRune(all) {
		p.nutf8 = copy(p.utf8[:], all)
		return nil
	}
	r, size := utf8.DecodeRune(all)
	p.nutf8 = 0
	if size <= k {
		// The carried bytes were invalid on their own: one replacement
		// character, and data is read again from its start.
		s.ed().printRune(utf8.RuneError, 1)
		return data
	}
	s.ed().printRune(r, RuneWidth(r))
	return data[size-k:]
}

// step advances the state machine by one byte outside the ground fast paths.
func (s *interp) step(b byte) {
	p := &s.p
	// These act in every state but inside strings (where ESC may start ST).
	switch {
	case b == 0x18 || b == 0x1a: // CAN, SUB abort a sequence
		if p.state != stOSC && p.state != stString {
			p.state = stGround
			return
		}
	case b == 0x1b:
		if p.state == stOSC || p.state == stString {
			p.strEsc = true
			return
		}
		p.state = stEscape
		p.clear()
		return
	}
	switch p.state {
	case stGround:
		s.execute(b)
	case stEscape:
		switch {
		case b < 0x20:
			s.execute(b)
		case b < 0x30:
			p.inter[0], p.ninter = b, 1
			p.state = stEscInter
		case b == '[':
			p.clear()
			p.state = stCSI
		case b == ']' || b == 'k':
			// ESC k title ST is screen's way to name a window (shells'
			// prompts use it); it is read as an OSC is.
			if cap(p.osc) > maxOSC {
				p.osc = nil // an aborted large OSC 52's room
			}
			p.osc, p.oscOver, p.strEsc, p.screenTitle = p.osc[:0], false, false, b == 'k'
			p.state = stOSC
		case b == 'P' || b == 'X' || b == '^' || b == '_':
			p.strEsc = false
			p.state = stString
			if cap(p.dcs) > maxDCS {
				p.dcs = nil // a large passthrough's room (clipboard.go)
			}
			p.inDCS, p.dcs, p.dcsCut = b == 'P', p.dcs[:0], false
		case b < 0x7f:
			p.state = stGround
			s.escDispatch(b)
		}
	case stEscInter:
		switch {
		case b < 0x20:
			s.execute(b)
		case b < 0x30:
			if p.ninter < len(p.inter) {
				p.inter[p.ninter] = b
				p.ninter++
			}
		case b < 0x7f:
			p.state = stGround
			s.escDispatch(b)
		}
	case stCSI:
		s.csiByte(b)
	case stCSIIgnore:
		switch {
		case b < 0x20:
			s.execute(b)
		case b >= 0x40 && b < 0x7f:
			p.state = stGround
		}
	case stOSC:
		s.oscByte(b)
	case stString:
		if p.strEsc {
			p.strEsc = false
			if b == '\\' {
				p.state = stGround
				if p.inDCS {
					p.strEnd = "\x1b\\"
					s.dcsDispatch()
				}
				return
			}
		}
		switch {
		case b == 0x07:
			p.state = stGround // some programs end DCS with BEL, as OSC
			if p.inDCS {
				p.strEnd = "\a"
				s.dcsDispatch()
			}
		case p.inDCS && s.dcsRoom():
			p.dcs = append(p.dcs, b)
		case p.inDCS:
			p.dcsCut = true
		}
	}
}

func (s *interp) csiByte(b byte) {
	p := &s.p
	switch {
	case b >= '0' && b <= '9':
		i := max(p.nparams-1, 0)
		if p.nparams == 0 {
			p.nparams = 1
		}
		v := p.params[i]
		if v < 0 {
			v = 0
		}
		v = v*10 + int32(b-'0')
		if v > maxParamVal {
			v = maxParamVal
		}
		p.params[i] = v
	case b == ';' || b == ':':
		if p.nparams == 0 {
			p.nparams = 1
		}
		if p.nparams < maxParams {
			p.params[p.nparams] = -1
			p.sub[p.nparams] = b == ':'
			p.nparams++
		}
	case b >= '<' && b <= '?':
		if p.nparams == 0 && p.private == 0 && p.ninter == 0 {
			p.private = b
		} else {
			p.state = stCSIIgnore
		}
	case b >= 0x20 && b < 0x30:
		if p.ninter < len(p.inter) {
			p.inter[p.ninter] = b
			p.ninter++
		} else {
			p.state = stCSIIgnore
		}
	case b >= 0x40 && b < 0x7f:
		p.state = stGround
		s.csiDispatch(b)
	case b < 0x20:
		s.execute(b)
	}
}

func (s *interp) oscByte(b byte) {
	p := &s.p
	if p.strEsc {
		p.strEsc = false
		p.state = stGround
		if b == '\\' {
			p.strEnd = "\x1b\\"
			s.oscDispatch()
		}
		return
	}
	switch {
	case b == 0x07:
		p.state = stGround
		p.strEnd = "\a"
		s.oscDispatch()
	case b < 0x20:
		// other controls are ignored inside OSC
	case s.oscRoom():
		p.osc = append(p.osc, b)
	default:
		p.oscOver = true
	}
}

// execute performs a C0 control character.
func (s *interp) execute(b byte) {
	switch b {
	case 0x07:
		s.bells++
	case 0x08:
		s.ed().backspace()
	case 0x09:
		s.ed().tabForward(1)
	case 0x0a, 0x0b, 0x0c:
		if s.titleRow != 0 {
			s.scr().findTitle()
		}
		s.ed().index()
		if s.modes.NewlineMode {
			s.ed().carriageReturn()
		}
		s.cur.wrapNext = false
	case 0x0d:
		s.ed().carriageReturn()
	case 0x0e:
		s.cur.gl = 1
	case 0x0f:
		s.cur.gl = 0
	}
	s.changed = true
}

func (s *editor) tabForward(n int) {
	x, edge := s.cur.x, s.rightEdge(s.cur.x)
	for ; n > 0 && x < edge; n-- {
		x++
		for x < edge && !s.tabs[x] {
			x++
		}
	}
	s.cur.x = x
	s.cur.wrapNext = false
}

func (s *editor) tabBackward(n int) {
	x := s.cur.x
	for ; n > 0 && x > 0; n-- {
		x--
		for x > 0 && !s.tabs[x] {
			x--
		}
	}
	s.cur.x = x
	s.cur.wrapNext = false
}

// escDispatch performs an escape sequence ESC [inter] final.
func (s *interp) escDispatch(final byte) {
	p := &s.p
	if p.ninter > 0 {
		switch p.inter[0] {
		case '(', ')', '*', '+':
			cs := byte('B')
			if final == '0' {
				cs = '0'
			}
			s.cur.charsets[p.inter[0]-'('] = cs
		case '#':
			if final == '8' {
				s.alignmentTest()
			}
		}
		return
	}
	switch final {
	case '7':
		s.ed().saveCursor()
	case '8':
		s.ed().restoreCursor()
	case 'D':
		s.ed().index()
		s.cur.wrapNext = false
	case 'E':
		s.ed().index()
		s.ed().carriageReturn()
	case 'V':
		s.startProtectedArea(true)
	case 'W':
		s.startProtectedArea(false)
	case '6':
		s.ed().backIndex()
	case '9':
		s.ed().forwardIndex()
	case 'H':
		s.tabs[s.cur.x] = true
	case 'M':
		s.ed().reverseIndex()
		s.cur.wrapNext = false
	case 'c':
		s.scr().reset()
	case '=':
		s.modes.AppKeypad = true
	case '>':
		s.modes.AppKeypad = false
	case 'Z':
		s.replies = append(s.replies, da1Reply...)
	}
	s.changed = true
}

// alignmentTest is DECALN: the screen fills with E, margins reset, cursor home.
func (s *interp) alignmentTest() {
	s.top, s.bot = 0, s.rows-1
	s.left, s.right = 0, s.cols-1
	s.modes.Origin = false
	for y := range s.rows {
		l := s.g.row(y)
		for x := range l.cells {
			l.cells[x] = Cell{R: 'E'}
		}
		s.scr().touch(l)
		l.used = s.cols
	}
	s.ed().moveTo(0, 0)
}

// oscDispatch acts on an operating system command. Titles are kept, and
// clipboard requests for the owner (clipboard.go); no OSC is answered here,
// so a program cannot make the terminal type its data.
func (s *interp) oscDispatch() {
	p := &s.p
	defer func() {
		if cap(p.osc) > maxOSC {
			p.osc = nil // a large OSC 52's room goes with it
		}
	}()
	if p.oscOver {
		return
	}
	if p.screenTitle {
		if len(p.osc) == 0 {
			s.scr().armTitleSearch()
		} else {
			s.title = cleanTitle(p.osc)
		}
		s.changed = true
		return
	}
	cmd, arg, _ := cutByte(p.osc, ';')
	switch string(cmd) {
	case "0", "2":
		s.title = cleanTitle(arg)
		s.changed = true
	case "8":
		s.hyperlinkOSC(arg)
	case "52":
		s.clipboardOSC(arg, p.strEnd)
	default:
		if n, err := strconv.Atoi(string(cmd)); err == nil && isColorOSC(n) {
			s.oscColor(n, string(arg))
		}
	}
}

func cutByte(b []byte, sep byte) (before, after []byte, found bool) {
	for i, c := range b {
		if c == sep {
			return b[:i], b[i+1:], true
		}
	}
	return b, nil, false
}

// cleanTitle is a title as a program sent it, less what a terminal printing
// it would act on: C0 and C1 controls and DEL are dropped, bytes that are not
// UTF-8 become U+FFFD.
func cleanTitle(b []byte) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f {
			return -1
		}
		return r
	}, strings.ToValidUTF8(string(b), "\uFFFD"))
}
