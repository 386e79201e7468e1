package vt

// This file holds the editing operations the escape sequences map onto.

// blank returns an erased cell: empty, with the current background (BCE, as
// xterm and tmux do).
func blank(st Style) Cell { return Cell{S: Style{Bg: st.Bg}} }

// clearCells erases cells [from, to) of l, also erasing the other half of any
// wide character the range cuts through.
func (s *editor) clearCells(l *line, from, to int, st Style) {
	from, to = max(from, 0), min(to, len(l.cells))
	if from >= to {
		return
	}
	s.splitWide(l, from)
	s.splitWide(l, to)
	if s.noBCE {
		st = Style{}
	}
	b := blank(st)
	if b == (Cell{}) {
		// Cells past used are already empty: scrolling a short line clears
		// only what was written on it.
		if to >= l.used {
			to, l.used = l.used, min(l.used, from)
		}
	} else {
		l.used = max(l.used, to)
	}
	if from < to {
		cells := l.cells[from:to]
		for i := range cells {
			cells[i] = b
		}
		s.scr().touch(l)
	}
	s.changed = true
}

// splitWide makes column x a clean boundary: if a wide character straddles it
// (its tail is at x), the head at x-1 is erased so no half character remains.
func (s *editor) splitWide(l *line, x int) {
	if x <= 0 || x >= len(l.cells) || l.cells[x].R != wideTail {
		return
	}
	l.cells[x-1] = Cell{S: Style{Bg: l.cells[x-1].S.Bg}}
	l.cells[x] = Cell{S: Style{Bg: l.cells[x].S.Bg}}
	s.scr().touch(l)
}

// printASCII writes a run of printable ASCII at the cursor: the fast path for
// the bulk of all terminal output.
func (s *editor) printASCII(b []byte) {
	if s.cur.charsets[s.cur.gl] == '0' || s.modes.Insert {
		for _, c := range b {
			s.printRune(rune(c), 1)
		}
		return
	}
	st := s.cur.style
	for len(b) > 0 {
		if s.cur.wrapNext {
			s.wrap()
		}
		l := s.g.row(s.cur.y)
		x := s.cur.x
		edge := s.rightEdge(x)
		n := min(len(b), edge+1-x)
		if !s.modes.Autowrap && n < len(b) {
			// Without autowrap the overflow overwrites the last column; only
			// the final character of the run survives there.
			s.splitWide(l, x)
			s.splitWide(l, edge+1)
			copyASCII(l.cells[x:x+n], b[:n], st)
			l.cells[edge] = Cell{R: rune(b[len(b)-1]), S: st}
			s.scr().touch(l)
			l.used = max(l.used, edge+1)
			s.lastRune = rune(b[len(b)-1])
			s.cur.x = edge
			s.changed = true
			return
		}
		s.splitWide(l, x)
		s.splitWide(l, x+n)
		copyASCII(l.cells[x:x+n], b[:n], st)
		s.scr().touch(l)
		l.used = max(l.used, x+n)
		s.lastRune = rune(b[n-1])
		b = b[n:]
		if x+n > edge {
			s.cur.x = edge
			s.cur.wrapNext = s.modes.Autowrap
		} else {
			s.cur.x = x + n
		}
	}
	s.changed = true
}

func copyASCII(dst []Cell, src []byte, st Style) {
	for i, c := range src {
		dst[i] = Cell{R: rune(c), S: st}
	}
}

// wrap moves to the start of the next line for autowrap, marking the line as
// continued.
// Only a full-width line is marked: copy mode and reflow join rows, not
// pieces of a region.
func (s *editor) wrap() {
	if s.fullWidth() {
		s.g.row(s.cur.y).wrapped = true
	}
	s.cur.wrapNext = false
	s.cur.x = s.leftEdge(s.cur.x)
	s.index()
}

// printRune writes one character of the given width at the cursor.
func (s *editor) printRune(r rune, w int) {
	if r < 0x80 && s.cur.charsets[s.cur.gl] == '0' {
		r = decGraphics(r)
	}
	if w == 0 {
		s.combine(r)
		return
	}
	if r >= 0x80 && s.joinPrevious(r) {
		return // a skin tone, a flag's second half, after a joiner
	}
	if s.cur.wrapNext {
		s.wrap()
	}
	if edge := s.rightEdge(s.cur.x); w == 2 && s.cur.x == edge {
		if !s.modes.Autowrap || edge == s.leftEdge(edge) {
			return // a wide character cannot fit; xterm drops it
		}
		s.clearCells(s.g.row(s.cur.y), s.cur.x, edge+1, s.cur.style)
		s.wrap()
	}
	l := s.g.row(s.cur.y)
	x := s.cur.x
	edge := s.rightEdge(x)
	if s.modes.Insert {
		s.insertCellsTo(l, x, w, edge+1)
	}
	s.splitWide(l, x)
	s.splitWide(l, x+w)
	l.cells[x] = Cell{R: r, S: s.cur.style}
	l.used = max(l.used, x+w)
	if w == 2 {
		l.cells[x+1] = Cell{R: wideTail, S: s.cur.style}
	}
	s.scr().touch(l)
	s.lastRune = r
	s.changed = true
	if x+w > edge {
		s.cur.x = edge
		s.cur.wrapNext = s.modes.Autowrap
	} else {
		s.cur.x = x + w
	}
}

// combine attaches a rune to the character before the cursor: a zero-width
// one (combining mark, joiner, variation selector) or one that joins its
// cluster (graphemes.go). A cluster that grows wider widens its cell when
// the line allows; a rune that would change the cell's width otherwise is
// dropped, so that a cell's columns are always its cluster's width.
func (s *editor) combine(r rune) {
	x, l, ok := s.lastCell()
	if !ok {
		return
	}
	c := &l.cells[x]
	text := s.scr().Text(*c) + string(r)
	was := 1
	if x+1 < s.cols && l.cells[x+1].R == wideTail {
		was = 2
	}
	if w := clusterWidth(text); w != was && (w < was || !s.widen(l, x)) {
		return
	}
	if cr, ok := s.scr().cluster(text); ok {
		c.R = cr
		s.scr().touch(l)
		s.changed = true
	}
}

// index moves the cursor down one line, scrolling the region at its bottom (IND, LF).
func (s *editor) index() {
	switch {
	case s.cur.y == s.bot:
		if s.inMargins(s.cur.x) {
			s.scrollUp(1)
		}
	case s.cur.y < s.rows-1:
		s.cur.y++
	}
}

// reverseIndex moves the cursor up one line, scrolling the region at its top (RI).
func (s *editor) reverseIndex() {
	switch {
	case s.cur.y == s.top:
		if s.inMargins(s.cur.x) {
			s.scrollDown(1)
		}
	case s.cur.y > 0:
		s.cur.y--
	}
}

// scrollUp scrolls the region up n lines. When the region is the whole main
// screen, the lines leaving the top go to the history and the ring turns.
func (s *editor) scrollUp(n int) {
	if !s.fullWidth() {
		s.scrollRect(s.top, s.bot, n)
		return
	}
	n = min(n, s.bot-s.top+1)
	st := s.cur.style
	if s.top == 0 && s.bot == s.rows-1 {
		for range n {
			l := s.g.row(0)
			if !s.altActive {
				s.hist.push(s.scr(), l)
			}
			s.g.top++
			if s.g.top == len(s.g.lines) {
				s.g.top = 0
			}
			s.clearCells(l, 0, s.cols, st) // l is now the bottom row
			l.wrapped = false
		}
		s.changed = true
		return
	}
	// Rows move in one pass, whatever n: a row at a time would cost n times
	// the region per CSI n S, which a flood of them turns into a stall.
	s.rotateRows(s.top, s.bot, n)
	for y := s.bot - n + 1; y <= s.bot; y++ {
		l := s.g.row(y)
		l.wrapped = false
		s.clearCells(l, 0, s.cols, st)
	}
	s.changed = true
}

// rotateRows moves rows top..bot up by n (down for a negative n), the rows
// that leave at one end coming back at the other: three reversals.
func (s *editor) rotateRows(top, bot, n int) {
	h := bot - top + 1
	n = ((n % h) + h) % h
	if n == 0 {
		return
	}
	s.reverseRows(top, top+n-1)
	s.reverseRows(top+n, bot)
	s.reverseRows(top, bot)
}

func (s *editor) reverseRows(a, b int) {
	for ; a < b; a, b = a+1, b-1 {
		ra, rb := s.g.row(a), s.g.row(b)
		*ra, *rb = *rb, *ra
	}
}

// scrollDown scrolls the region down n lines, blank lines entering at the top.
func (s *editor) scrollDown(n int) {
	if !s.fullWidth() {
		s.scrollRect(s.top, s.bot, -n)
		return
	}
	n = min(n, s.bot-s.top+1)
	s.rotateRows(s.top, s.bot, -n)
	for y := s.top; y < s.top+n; y++ {
		l := s.g.row(y)
		l.wrapped = false
		s.clearCells(l, 0, s.cols, s.cur.style)
	}
	s.changed = true
}

// insertCells shifts the cells from x right by n, blanks entering (ICH):
// up to the right margin from inside the margins, to the edge from beyond.
func (s *editor) insertCells(l *line, x, n int) {
	if x < s.left {
		return // ICH outside the margins does nothing, as in xterm
	}
	s.insertCellsTo(l, x, n, s.rightEdge(x)+1)
}

// insertCellsTo shifts the cells [x, end) right by n, blanks entering.
func (s *editor) insertCellsTo(l *line, x, n, end int) {
	n = min(n, end-x)
	if n <= 0 {
		return
	}
	s.splitWide(l, x)
	s.splitWide(l, end)
	copy(l.cells[x+n:end], l.cells[x:end-n])
	s.scr().touch(l)
	l.used = min(len(l.cells), max(l.used+n, end))
	s.clearCells(l, x, x+n, s.cur.style)
	if s.scr().Width(l.cells[end-1]) == 2 { // its tail was pushed off the edge
		l.cells[end-1] = blank(s.scr().eraseStyle())
		s.scr().touch(l)
	}
	s.changed = true
}

// deleteCells removes n cells at x, shifting the rest left (DCH), up to the
// right margin from inside the margins.
func (s *editor) deleteCells(l *line, x, n int) {
	if x < s.left {
		return
	}
	s.deleteCellsTo(l, x, n, s.rightEdge(x)+1)
}

// deleteCellsTo removes n cells at x from [x, end), blanks entering at end.
func (s *editor) deleteCellsTo(l *line, x, n, end int) {
	n = min(n, end-x)
	if n <= 0 {
		return
	}
	s.splitWide(l, x)
	s.splitWide(l, x+n)
	s.splitWide(l, end)
	copy(l.cells[x:end-n], l.cells[x+n:end])
	s.scr().touch(l)
	l.used = max(l.used, end)
	s.clearCells(l, end-n, end, s.cur.style)
}

// insertLines inserts n blank lines at the cursor row inside the region (IL).
func (s *editor) insertLines(n int) {
	if s.cur.y < s.top || s.cur.y > s.bot || !s.inMargins(s.cur.x) {
		return
	}
	top := s.top
	s.top = s.cur.y
	s.scrollDown(n)
	s.top = top
	s.cur.x, s.cur.wrapNext = s.left, false
}

// deleteLines deletes n lines at the cursor row inside the region (DL).
func (s *editor) deleteLines(n int) {
	if s.cur.y < s.top || s.cur.y > s.bot || !s.inMargins(s.cur.x) {
		return
	}
	top := s.top
	s.top = s.cur.y
	// Deleting never feeds the history, even at the top of a full-screen region.
	alt := s.altActive
	s.altActive = true
	s.scrollUp(n)
	s.altActive = alt
	s.top = top
	s.cur.x, s.cur.wrapNext = s.left, false
}

// eraseDisplay implements ED.
func (s *editor) eraseDisplay(mode int) {
	switch mode {
	case 0:
		s.scr().in().eraseCells(s.g.row(s.cur.y), s.cur.x, s.cols, s.isoProtect)
		for y := s.cur.y + 1; y < s.rows; y++ {
			s.scr().in().eraseCells(s.g.row(y), 0, s.cols, s.isoProtect)
		}
	case 1:
		for y := 0; y < s.cur.y; y++ {
			s.scr().in().eraseCells(s.g.row(y), 0, s.cols, s.isoProtect)
		}
		s.scr().in().eraseCells(s.g.row(s.cur.y), 0, s.cur.x+1, s.isoProtect)
	case 2:
		for y := range s.rows {
			s.scr().in().eraseCells(s.g.row(y), 0, s.cols, s.isoProtect)
			s.g.row(y).wrapped = false
		}
	case 3:
		s.hist.Clear()
	}
	s.cur.wrapNext = false
}

// eraseLine implements EL.
func (s *editor) eraseLine(mode int) {
	l := s.g.row(s.cur.y)
	switch mode {
	case 0:
		s.scr().in().eraseCells(l, s.cur.x, s.cols, s.isoProtect)
		l.wrapped = false
	case 1:
		s.scr().in().eraseCells(l, 0, s.cur.x+1, s.isoProtect)
	case 2:
		s.scr().in().eraseCells(l, 0, s.cols, s.isoProtect)
		l.wrapped = false
	}
	s.cur.wrapNext = false
}

// moveTo puts the cursor at (x, y), clamped to the screen, clearing a pending wrap.
func (s *editor) moveTo(x, y int) {
	s.cur.x = max(0, min(x, s.cols-1))
	s.cur.y = max(0, min(y, s.rows-1))
	s.cur.wrapNext = false
	s.changed = true
}

// moveToOrigin is CUP: in origin mode rows count from the region's top and
// stay inside it.
func (s *editor) moveToOrigin(x, y int) {
	if s.modes.Origin {
		y = max(s.top, min(y+s.top, s.bot))
		x = max(s.left, min(x+s.left, s.right))
	}
	s.moveTo(x, y)
}

// moveToColumn is CHA and HPA: in origin mode columns count from the left
// margin and stay inside the margins.
func (s *editor) moveToColumn(x int) {
	if s.modes.Origin {
		x = max(s.left, min(x+s.left, s.right))
	}
	s.moveTo(x, s.cur.y)
}

// moveToRow is VPA: in origin mode rows count from the region's top.
func (s *editor) moveToRow(y int) {
	if s.modes.Origin {
		y = max(s.top, min(y+s.top, s.bot))
	}
	s.moveTo(s.cur.x, y)
}

// setAltScreen switches between the main and the alternate screen.
func (s *editor) setAltScreen(on, clearAlt bool) {
	if on == s.altActive {
		if on && clearAlt {
			s.eraseAll()
		}
		return
	}
	if on {
		if len(s.alt.lines) != s.rows || len(s.alt.lines[0].cells) != s.cols {
			s.alt = s.scr().newGrid(s.cols, s.rows)
		}
		s.g, s.altActive = &s.alt, true
		if clearAlt {
			s.eraseAll()
		}
	} else {
		s.g, s.altActive = &s.main, false
	}
	s.changed = true
}

func (s *editor) eraseAll() {
	for y := range s.rows {
		s.clearCells(s.g.row(y), 0, s.cols, s.cur.style)
		s.g.row(y).wrapped = false
	}
}

func (s *editor) saveCursor() {
	i := 0
	if s.altActive {
		i = 1
	}
	s.saved[i] = savedCursor{cursor: s.cur, origin: s.modes.Origin, set: true}
}

func (s *editor) restoreCursor() {
	i := 0
	if s.altActive {
		i = 1
	}
	sv := s.saved[i]
	if !sv.set {
		s.cur.style = Style{}
		s.cur.charsets = [4]byte{'B', 'B', 'B', 'B'}
		s.cur.gl = 0
		s.modes.Origin = false
		s.moveTo(0, 0)
		return
	}
	s.cur = sv.cursor
	s.modes.Origin = sv.origin
	s.cur.x = min(s.cur.x, s.cols-1)
	s.cur.y = min(s.cur.y, s.rows-1)
	s.changed = true
}

// decGraphics maps ASCII to the DEC Special Graphics (line drawing) set.
func decGraphics(r rune) rune {
	if r >= 0x5f && r <= 0x7e {
		return decGraphicsTable[r-0x5f]
	}
	return r
}

var decGraphicsTable = [...]rune{
	' ', '◆', '▒', '␉', '␌', '␍', '␊', '°', '±', '␤', '␋', '┘', '┐', '┌', '└', '┼',
	'⎺', '⎻', '─', '⎼', '⎽', '├', '┤', '┴', '┬', '│', '≤', '≥', 'π', '≠', '£', '·',
}
