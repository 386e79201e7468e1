package vt

// Resize changes the screen to cols×rows. A new width rewraps the main
// screen and the history (reflow.go); the alternate screen is cut or padded.
// When the screen gets shorter, lines above the cursor go to the history so
// that the cursor's line stays in view, as in xterm.
func (s *Screen) Resize(cols, rows int) {
	s.thaw()
	cols, rows = max(cols, 1), max(rows, 1)
	if cols == s.cols && rows == s.rows {
		return
	}
	if cols != s.cols {
		s.resizeReflowing(cols, rows)
		return
	}
	if !s.altActive && rows > s.rows {
		s.pullFromHistory(rows - s.rows)
	}
	// Lines pushed off the top of the main screen are kept in the history.
	drop := max(0, s.cur.y+1-rows)
	if s.altActive {
		s.main = s.resizeGrid(&s.main, cols, rows, max(0, s.main.lastUsed()+1-rows), true)
		s.alt = s.resizeGrid(&s.alt, cols, rows, drop, false)
		s.g = &s.alt
	} else {
		s.main = s.resizeGrid(&s.main, cols, rows, drop, true)
		s.g = &s.main
		s.alt = grid{}
	}
	s.cur.y -= drop
	for i := range s.saved {
		s.saved[i].y = max(0, min(s.saved[i].y-drop, rows-1))
		s.saved[i].x = min(s.saved[i].x, cols-1)
	}
	oldCols := s.cols
	s.cols, s.rows = cols, rows
	s.resetTabs(oldCols)
	s.top, s.bot = 0, rows-1
	s.left, s.right = 0, cols-1
	s.cur.x = min(s.cur.x, cols-1)
	s.cur.y = max(0, min(s.cur.y, rows-1))
	s.cur.wrapNext = false
	s.changed = true
}

// pullFromHistory is a taller main screen's first step: up to n of the
// newest history lines come back above the screen's rows, which move down,
// the cursor with them, as in tmux and xterm (a window grown back after a
// split shows again what scrolled off). The grid then has more rows than
// the screen until Resize sizes it.
func (s *Screen) pullFromHistory(n int) {
	n = min(n, s.hist.Len())
	if n <= 0 || len(s.main.lines) == 0 {
		return
	}
	back := make([]line, n)
	for i := n - 1; i >= 0; i-- {
		hl := s.hist.pop()
		cells := hl.cells(s, s.cols)[:s.cols]
		used := len(cells)
		for used > 0 && cells[used-1] == (Cell{}) {
			used--
		}
		back[i] = line{cells: cells, used: used, wrapped: hl.wrapped}
	}
	s.hist.added -= int64(n) // the oldest line keeps its number
	g := s.newGrid(s.cols, s.rows+n)
	for y := range g.lines {
		src := &back[min(y, n-1)]
		if y >= n {
			src = s.main.row(y - n)
		}
		dst := &g.lines[y]
		copy(dst.cells, src.cells)
		dst.used, dst.wrapped = src.used, src.wrapped
		s.touch(dst)
	}
	s.main = g
	s.g = &s.main
	s.cur.y += n
	for i := range s.saved {
		s.saved[i].y += n
	}
	s.rows += n // the rows the grid has now; Resize sets the rest
}

// lastUsed returns the last row with content, or -1.
func (g *grid) lastUsed() int {
	for y := len(g.lines) - 1; y >= 0; y-- {
		for _, c := range g.row(y).cells {
			if c != (Cell{}) {
				return y
			}
		}
	}
	return -1
}

func (s *Screen) resizeGrid(g *grid, cols, rows, drop int, keep bool) grid {
	if len(g.lines) == 0 {
		return s.newGrid(cols, rows)
	}
	out := s.newGrid(cols, rows)
	old := len(g.lines)
	drop = min(drop, old)
	for y := range drop {
		if keep {
			s.hist.push(s, g.row(y))
		}
	}
	for y := 0; y < rows && drop+y < old; y++ {
		src := g.row(drop + y)
		dst := &out.lines[y]
		n := copy(dst.cells, src.cells)
		if n > 0 && n < len(src.cells) && s.Width(dst.cells[n-1]) == 2 {
			dst.cells[n-1] = Cell{} // the wide character's tail was cut off
		}
		s.touch(dst)
		dst.used = min(src.used, cols)
		dst.wrapped = src.wrapped && n == len(src.cells)
	}
	return out
}

// resizeReflowing is Resize to a new width: the main screen and history
// are rewrapped, carrying the cursor and the main screen's saved cursor.
func (s *Screen) resizeReflowing(cols, rows int) {
	cur := mark{x: s.cur.x, y: s.cur.y, pending: s.cur.wrapNext, set: true}
	saved := mark{x: s.saved[0].x, y: s.saved[0].y, pending: s.saved[0].wrapNext, set: s.saved[0].set}
	if s.altActive {
		// Under a full-screen program the main screen's cursor is the one
		// it will return to: the one saved on the way in (1049).
		s.reflowMain(cols, rows, []*mark{&saved})
		drop := max(0, s.cur.y+1-rows)
		s.alt = s.resizeGrid(&s.alt, cols, rows, drop, false)
		s.g = &s.alt
		s.cur.y -= drop
		s.cur.wrapNext = false
	} else {
		s.reflowMain(cols, rows, []*mark{&cur, &saved})
		s.g = &s.main
		s.alt = grid{}
		s.cur.x, s.cur.y, s.cur.wrapNext = cur.x, cur.y, cur.pending
	}
	if s.saved[0].set {
		s.saved[0].x, s.saved[0].y, s.saved[0].wrapNext = saved.x, saved.y, saved.pending
	}
	s.saved[1].y = max(0, min(s.saved[1].y, rows-1))
	s.saved[1].x = min(s.saved[1].x, cols-1)
	oldCols := s.cols
	s.cols, s.rows = cols, rows
	s.resetTabs(oldCols)
	s.top, s.bot = 0, rows-1
	s.left, s.right = 0, cols-1
	s.cur.x = max(0, min(s.cur.x, cols-1))
	s.cur.y = max(0, min(s.cur.y, rows-1))
	s.changed = true
}
