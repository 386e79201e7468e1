package vt

import "fmt"

// The VT420 rectangle operations and selective erase, as xterm does them:
// DECFRA fills a rectangle with a character, DECERA erases it, DECSERA
// erases what is not protected, DECCRA copies one (within the page),
// DECCARA and DECRARA set or reverse attributes in it (a rectangle, or the
// character stream between its corners, as DECSACE chose). DECSCA marks
// characters written from then on as protected from DECSED, DECSEL and
// DECSERA (never from ED and EL, as in xterm). Coordinates are 1-based and
// relative to the scroll region's top under origin mode; a rectangle is
// clipped to the screen, and one whose corners cross does nothing.

// rect is an inclusive, 0-based rectangle.
type rect struct{ top, left, bot, right int }

// corners reads a rectangle's corners from parameters i..i+3 (Pt; Pl; Pb;
// Pr), clipped to the screen.
func (s *interp) corners(i int) rect {
	p := &s.p
	r := rect{p.param(i, 1) - 1, p.param(i+1, 1) - 1, p.param(i+2, s.rows) - 1, p.param(i+3, s.cols) - 1}
	if s.modes.Origin {
		r.top += s.top
		r.bot = min(r.bot+s.top, s.bot)
		r.left += s.left
		r.right = min(r.right+s.left, s.right)
	}
	r.bot, r.right = min(r.bot, s.rows-1), min(r.right, s.cols-1)
	return r
}

// rectParams reads a rectangle; ok is false when its corners cross.
func (s *interp) rectParams(i int) (rect, bool) {
	r := s.corners(i)
	return r, r.top <= r.bot && r.left <= r.right && r.top < s.rows && r.left < s.cols
}

// streamParams reads the corners of a character stream (DECCARA and DECRARA
// without DECSACE 2): the columns may cross when the rows differ.
func (s *interp) streamParams(i int) (rect, bool) {
	r := s.corners(i)
	return r, r.top < s.rows && r.left < s.cols && (r.top < r.bot || r.top == r.bot && r.left <= r.right)
}

// eachRow calls f for the cells of r on each row, wide characters cut by
// its edges split first.
func (s *interp) eachRow(r rect, f func(l *line)) {
	for y := r.top; y <= r.bot; y++ {
		l := s.g.row(y)
		s.ed().splitWide(l, r.left)
		s.ed().splitWide(l, r.right+1)
		f(l)
		l.used = max(l.used, r.right+1)
		s.scr().touch(l)
	}
	s.changed = true
}

// fillRect is DECFRA: CSI Pch ; Pt ; Pl ; Pb ; Pr $ x.
func (s *interp) fillRect() {
	ch := rune(s.p.raw(0))
	if !(ch >= 0x20 && ch < 0x7f || ch >= 0xa0 && ch <= 0xff) {
		return
	}
	r, ok := s.rectParams(1)
	if !ok {
		return
	}
	if s.cur.charsets[s.cur.gl] == '0' && ch < 0x80 {
		ch = decGraphics(ch)
	}
	st := s.cur.style
	s.eachRow(r, func(l *line) {
		for x := r.left; x <= r.right; x++ {
			l.cells[x] = Cell{R: ch, S: st}
		}
	})
}

// eraseRect is DECERA (selective false) and DECSERA (true).
func (s *interp) eraseRect(selective bool) {
	r, ok := s.rectParams(0)
	if !ok {
		return
	}
	s.eachRow(r, func(l *line) { s.eraseCells(l, r.left, r.right+1, selective && !s.isoProtect) })
}

// eraseCells erases cells [from, to) of l; selective spares protected ones.
func (s *interp) eraseCells(l *line, from, to int, selective bool) {
	if !selective {
		s.ed().clearCells(l, from, to, s.cur.style)
		return
	}
	for x := from; x < to; x++ {
		if l.cells[x].S.Attr&Protected == 0 && l.cells[x].R != wideTail {
			s.ed().clearCells(l, x, x+1, Style{})
		}
	}
}

// copyRect is DECCRA: CSI Pts ; Pls ; Pbs ; Prs ; Pps ; Ptd ; Pld ; Ppd $ v
// (one page, so the page numbers are ignored).
func (s *interp) copyRect() {
	src, ok := s.rectParams(0)
	if !ok {
		return
	}
	p := &s.p
	top, left := p.param(5, 1)-1, p.param(6, 1)-1
	if s.modes.Origin {
		top += s.top
		left += s.left
	}
	if top >= s.rows || left >= s.cols {
		return
	}
	h := min(src.bot-src.top, s.rows-1-top) + 1
	w := min(src.right-src.left, s.cols-1-left) + 1
	buf := make([][]Cell, h) // first, so that overlapping areas copy right
	for y := range h {
		buf[y] = append([]Cell(nil), s.g.row(src.top + y).cells[src.left:src.left+w]...)
	}
	for y := range h {
		l := s.g.row(top + y)
		s.ed().splitWide(l, left)
		s.ed().splitWide(l, left+w)
		copy(l.cells[left:left+w], buf[y])
		// A wide character cut by the edges of the copy loses both halves.
		if l.cells[left].R == wideTail {
			l.cells[left] = Cell{S: Style{Bg: l.cells[left].S.Bg}}
		}
		if c := l.cells[left+w-1]; c.R != wideTail && s.scr().Width(c) == 2 {
			l.cells[left+w-1] = Cell{S: Style{Bg: c.S.Bg}}
		}
		l.used = max(l.used, left+w)
		s.scr().touch(l)
	}
	s.changed = true
}

// changeAttrs is DECCARA (reverse false) and DECRARA (reverse true): the
// SGR parameters from index 4 on set (or, reversing, toggle) bold,
// underline, blink and reverse in the area; 0 clears (or toggles) them all.
func (s *interp) changeAttrs(reverse bool) {
	r, ok := s.streamParams(0)
	if s.sace == 2 {
		r, ok = s.rectParams(0)
	}
	if !ok {
		return
	}
	p := &s.p
	var set, clr Attr
	const all = Bold | Blink | Reverse | Attr(UnderlineSingle)<<ulShift
	for i := 4; i < max(p.nparams, 5); i++ {
		switch p.raw(i) {
		case 0:
			set, clr = 0, all
			if reverse {
				set, clr = all, 0
			}
		case 1:
			set |= Bold
		case 4:
			set |= Attr(UnderlineSingle) << ulShift
		case 5:
			set |= Blink
		case 7:
			set |= Reverse
		case 22:
			clr |= Bold
		case 24:
			clr |= ulMask
		case 25:
			clr |= Blink
		case 27:
			clr |= Reverse
		}
	}
	apply := func(c *Cell) {
		if reverse {
			c.S.Attr ^= set
			return
		}
		c.S.Attr = c.S.Attr&^clr | set
	}
	if s.sace != 2 {
		// The stream from the first corner to the second, as text runs.
		for y := r.top; y <= r.bot; y++ {
			from, to := 0, s.cols-1
			if y == r.top {
				from = r.left
			}
			if y == r.bot {
				to = r.right
			}
			l := s.g.row(y)
			for x := from; x <= to; x++ {
				apply(&l.cells[x])
			}
			s.scr().touch(l)
		}
		s.changed = true
		return
	}
	s.eachRow(r, func(l *line) {
		for x := r.left; x <= r.right; x++ {
			apply(&l.cells[x])
		}
	})
}

// selectiveErase is DECSED (display true) and DECSEL: as ED and EL, sparing
// protected characters.
func (s *interp) selectiveErase(display bool, mode int) {
	y, x := s.cur.y, s.cur.x
	line := func(row, from, to int) {
		s.eraseCells(s.g.row(row), from, to, !s.isoProtect)
		s.scr().touch(s.g.row(row))
	}
	switch {
	case mode == 0:
		line(y, x, s.cols)
		if display {
			for r := y + 1; r < s.rows; r++ {
				line(r, 0, s.cols)
			}
		}
	case mode == 1:
		line(y, 0, x+1)
		if display {
			for r := 0; r < y; r++ {
				line(r, 0, s.cols)
			}
		}
	case mode == 2:
		if display {
			for r := range s.rows {
				line(r, 0, s.cols)
			}
		} else {
			line(y, 0, s.cols)
		}
	}
	s.cur.wrapNext = false
	s.changed = true
}

// checksumRect is DECRQCRA: CSI Pid ; Pp ; Pt ; Pl ; Pb ; Pr * y, answered
// DCS Pid ! ~ XXXX ST with the 16-bit checksum of the rectangle's
// characters as DEC terminals and xterm before patch 279 compute it: the
// negated sum of their codes, an empty cell counting as a space.
// (xterm's conformance suite reads the screen back with it, one cell at a
// time.) Only numbers go back.
func (s *interp) checksumRect() {
	p := &s.p
	pid := p.raw(0)
	var sum uint16
	if r, ok := s.rectParams(2); ok {
		for y := r.top; y <= r.bot; y++ {
			l := s.g.row(y)
			for x := r.left; x <= r.right; x++ {
				c := l.cells[x]
				switch {
				case c.R == wideTail:
				case c.R == 0:
					sum += ' '
				default:
					sum += uint16(firstRune(s.scr().Text(c)))
				}
			}
		}
	}
	if len(s.replies) < maxReplies {
		s.replies = append(s.replies, fmt.Sprintf("\x1bP%d!~%04X\x1b\\", pid, uint16(-sum))...)
	}
}

// setCharProtection is DECSCA: characters written from now on are (or are
// not) protected from the selective erases.
func (s *interp) setCharProtection(on bool) {
	if on {
		s.cur.style.Attr |= Protected
	} else {
		s.cur.style.Attr &^= Protected
	}
	s.isoProtect = false
}

// startProtectedArea is SPA (ESC V) and EPA (ESC W), ISO 6429's protection:
// the characters written between them are spared by ED, EL and ECH (and,
// unlike DECSCA's, not by the selective erases).
func (s *interp) startProtectedArea(on bool) {
	if on {
		s.cur.style.Attr |= Protected
		s.isoProtect = true
	} else {
		s.cur.style.Attr &^= Protected
	}
}
