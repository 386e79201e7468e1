package vt

// Left and right margins (VT420, as xterm does them). With DECLRMM (mode 69)
// set, DECSLRM (CSI Pl ; Pr s) narrows the scrolling region to columns
// left..right, and every operation xterm bounds by it is bounded here too:
// autowrap wraps at the right margin to the left one, CR returns to the left
// margin, scrolling (LF, IND, RI, SU, SD) moves only the rectangle of the
// region, IL, DL, ICH and DCH act inside it (and not at all from outside
// it), cursor movement stops at a margin it starts inside, origin mode
// counts columns from the left margin, and DECBI, DECFI, DECIC and DECDC
// move the region's columns. Without DECLRMM, CSI s is SCOSC (save cursor)
// as before and the margins are the screen's edges.

// setLRMarginMode is DECLRMM: resetting it also resets the margins.
func (s *interp) setLRMarginMode(on bool) {
	s.modes.LRMargins = on
	if !on {
		s.left, s.right = 0, s.cols-1
	}
}

// setLRMargins is DECSLRM: CSI Pl ; Pr s. Margins that do not enclose at
// least two columns are ignored, as in xterm; set ones home the cursor.
func (s *interp) setLRMargins() {
	left, right := s.p.param(0, 1)-1, min(s.p.param(1, s.cols), s.cols)-1
	if left >= right {
		return
	}
	s.left, s.right = left, right
	s.ed().moveToOrigin(0, 0)
}

// fullWidth reports whether the margins are the screen's edges: the common
// case, in which scrolling turns the row ring and feeds the history.
func (s *editor) fullWidth() bool { return s.left == 0 && s.right == s.cols-1 }

// inMargins reports whether column x lies between the left and right margins.
func (s *editor) inMargins(x int) bool { return x >= s.left && x <= s.right }

// rightEdge is the last column the cursor at x writes or moves to: the
// right margin from inside it, the screen's edge from beyond it.
func (s *editor) rightEdge(x int) int {
	if x <= s.right {
		return s.right
	}
	return s.cols - 1
}

// leftEdge is the first column the cursor at x moves back to.
func (s *editor) leftEdge(x int) int {
	if x >= s.left {
		return s.left
	}
	return 0
}

// carriageReturn is CR: to the left margin, or to column 0 from left of it.
func (s *editor) carriageReturn() {
	s.cur.x, s.cur.wrapNext = s.leftEdge(s.cur.x), false
}

// scrollRect moves the cells of rows top..bot between the left and right
// margins up by n rows (down for a negative n), blanks entering: scrolling
// when the margins are narrower than the screen. Nothing goes to history.
func (s *editor) scrollRect(top, bot, n int) {
	h := bot - top + 1
	if n == 0 || h <= 0 {
		return
	}
	left, end := s.left, s.right+1
	for y := top; y <= bot; y++ {
		l := s.g.row(y)
		s.splitWide(l, left)
		s.splitWide(l, end)
	}
	move := func(dst, src int) {
		d := s.g.row(dst)
		copy(d.cells[left:end], s.g.row(src).cells[left:end])
		d.used = max(d.used, end)
		s.scr().touch(d)
	}
	if n > 0 {
		n = min(n, h)
		for y := top; y+n <= bot; y++ {
			move(y, y+n)
		}
		for y := bot - n + 1; y <= bot; y++ {
			s.clearCells(s.g.row(y), left, end, s.cur.style)
		}
	} else {
		n = min(-n, h)
		for y := bot; y-n >= top; y-- {
			move(y, y-n)
		}
		for y := top; y < top+n; y++ {
			s.clearCells(s.g.row(y), left, end, s.cur.style)
		}
	}
	s.changed = true
}

// shiftColumns moves the cells of the scroll region from column x to the
// right margin right by n columns (left for a negative n), blanks entering:
// DECIC, DECDC and the scrolling of DECBI and DECFI.
func (s *editor) shiftColumns(x, n int) {
	for y := s.top; y <= s.bot; y++ {
		l := s.g.row(y)
		if n > 0 {
			s.insertCellsTo(l, x, n, s.right+1)
		} else {
			s.deleteCellsTo(l, x, -n, s.right+1)
		}
	}
}

// insertColumns is DECIC (CSI Pn ' }): only from inside the region.
func (s *editor) insertColumns(n int) {
	if s.inMargins(s.cur.x) && s.cur.y >= s.top && s.cur.y <= s.bot {
		s.shiftColumns(s.cur.x, n)
	}
}

// deleteColumns is DECDC (CSI Pn ' ~): only from inside the region.
func (s *editor) deleteColumns(n int) {
	if s.inMargins(s.cur.x) && s.cur.y >= s.top && s.cur.y <= s.bot {
		s.shiftColumns(s.cur.x, -n)
	}
}

// backIndex is DECBI (ESC 6): left one column; at the left margin the
// region's columns move right instead.
func (s *editor) backIndex() {
	s.cur.wrapNext = false
	switch {
	case s.cur.x == s.left && s.cur.y >= s.top && s.cur.y <= s.bot:
		s.shiftColumns(s.left, 1)
	case s.cur.x > 0:
		s.cur.x--
	}
}

// forwardIndex is DECFI (ESC 9): right one column; at the right margin the
// region's columns move left instead.
func (s *editor) forwardIndex() {
	s.cur.wrapNext = false
	switch {
	case s.cur.x == s.right && s.cur.y >= s.top && s.cur.y <= s.bot:
		s.shiftColumns(s.left, -1)
	case s.cur.x < s.cols-1:
		s.cur.x++
	}
}

// backspace is BS. It stops at the left margin it starts inside (or the
// screen's edge); with reverse wraparound (45 or 1045) and autowrap it goes
// on to the right margin of the line above instead, from the region's top
// to its bottom, as xterm did before patch 383 split the two modes. From
// the pending-wrap position xterm moves left off the last column; with
// reverse wraparound only the pending wrap is cancelled.
func (s *editor) backspace() {
	wasPending := s.cur.wrapNext
	s.cur.wrapNext = false
	reverse := s.modes.ReverseWrap && s.modes.Autowrap
	if wasPending && reverse {
		return
	}
	if s.cur.x > s.leftEdge(s.cur.x) {
		s.cur.x--
		return
	}
	if !reverse {
		return
	}
	switch {
	case s.cur.y == s.top:
		s.cur.y = s.bot
	case s.cur.y == 0:
		s.cur.y = s.rows - 1
	default:
		s.cur.y--
	}
	s.cur.x = s.right
}

// cursorBack is CUB: left n columns, stopping at the left margin it starts
// inside. With reverse wraparound and autowrap it goes on through the lines
// above as n backspaces would, xterm's behaviour.
func (s *editor) cursorBack(n int) {
	if !(s.modes.ReverseWrap && s.modes.Autowrap) {
		s.moveTo(max(s.cur.x-n, s.leftEdge(s.cur.x)), s.cur.y)
		return
	}
	// Beyond one trip round the region every step repeats; bound the work.
	n = min(n, (s.rows+1)*s.cols)
	for range n {
		s.backspace()
	}
	s.changed = true
}
