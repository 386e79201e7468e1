package vt

import (
	"slices"
	"unicode/utf8"
)

// Reflow: when the width changes, the main screen and its history are
// rewrapped, so a long line cut at 80 columns reads as one line at 120 and
// splits again at 40, as in tmux, xterm and VTE. The alternate screen is
// only cut or padded: the programs that use it redraw on SIGWINCH.
//
// What tmux gets wrong, and how gmux avoids it:
//   - A shell redraws its prompt after a resize by moving up the rows it
//     believes the prompt took (tmux#516, xterm.js#2752). Rewrapping the
//     prompt's line first breaks that arithmetic and leaves copies of the
//     prompt behind. So the logical line holding the cursor keeps its rows:
//     they are cut or padded, as without reflow, and the shell's redraw
//     finds the rows it expects. Every other line is rewrapped.
//   - Output lost around the alternate screen (tmux#2536): the main screen
//     reflows while a full-screen program runs, and the cursor it returns to
//     (saved by 1049) is carried through, so nothing under vim is lost.
//   - A cursor saved with DECSC before the resize (tmux#4366) is carried to
//     the same character as the live cursor is.
// The cursor keeps its row on the screen, as in tmux (the corpus checks
// reflow against tmux): narrowing pushes rows above it into the history,
// widening brings them back, and a prompt at the top of a cleared screen
// stays at the top.

// mark is a cursor position carried through a reflow: in screen rows
// before, in screen rows after (clamped to the screen).
type mark struct {
	x, y    int
	pending bool // the wrap is pending: the next character goes to the next row
	set     bool
}

// oldRow is one row of the history or the screen before the reflow.
type oldRow struct {
	cells   []Cell
	wrapped bool
}

// reflowMain rewraps the main screen (s.main, s.cols wide) and the history
// to cols×rows and moves the marks with the text they sit on.
func (s *Screen) reflowMain(cols, rows int, marks []*mark) {
	h := s.hist
	histLen := h.Len()
	g := &s.main
	// The screen rows that matter: up to the last with content or a mark.
	used := g.lastUsed()
	for _, m := range marks {
		if m.set {
			used = max(used, m.y)
		}
	}
	cursorRow := -1 // the first mark is the cursor: its line keeps its rows
	if len(marks) > 0 && marks[0].set {
		cursorRow = histLen + marks[0].y
	}
	total := histLen + used + 1
	row := func(u int) oldRow {
		if u < histLen {
			hl := h.at(u)
			return oldRow{hl.cells(s, 0), hl.wrapped}
		}
		l := g.row(u - histLen)
		return oldRow{l.cells[:min(l.used, len(l.cells))], l.wrapped}
	}

	r := reflower{s: s, cols: cols, hist: NewHistory(h.limit), first: histLen}
	if len(marks) > 0 {
		r.cursorRow = marks[0].y
	}
	r.marks = make([]*mark, len(marks))
	for i, m := range marks {
		if m.set {
			r.marks[i] = &mark{x: m.x, y: histLen + m.y, pending: m.pending, set: true}
		}
	}
	// The cursor's logical line: the rows joined to cursorRow by wrapping.
	stickyFrom, stickyTo := -1, -1
	if cursorRow >= 0 {
		stickyFrom, stickyTo = cursorRow, cursorRow
		for stickyFrom > 0 && r.wrappedAt(row, stickyFrom-1) {
			stickyFrom--
		}
		for stickyTo < total-1 && r.wrappedAt(row, stickyTo) {
			stickyTo++
		}
	}

	for u := 0; u < total; {
		if u == stickyFrom {
			for ; u <= stickyTo; u++ {
				r.keepRow(u, row(u))
			}
			continue
		}
		// A history line alone on its row that fits is kept as it is.
		if u < histLen && !h.at(u).wrapped && (u == 0 || !h.at(u-1).wrapped) {
			if hl := h.at(u); textWidth(hl.text) <= cols {
				r.hist.add(hl)
				r.n++
				u++
				continue
			}
		}
		end := u
		for end < total-1 && end+1 != stickyFrom && r.wrappedAt(row, end) {
			end++
		}
		if end >= histLen || !r.rewrapText(u, end) {
			r.rewrap(u, end, row)
		}
		u = end + 1
	}
	r.place(rows, marks)
}

// reflower builds the rewrapped rows: those before the old screen's top go
// straight into the new history; from there on they are kept as cells
// until the end decides which go on the screen.
type reflower struct {
	s      *Screen
	cols   int
	hist   *History
	first  int      // the old screen's first row (rows before it are history)
	n      int      // rows made so far
	top    int      // the new row where the old screen's first row begins
	kept   []oldRow // rows from keptAt on
	keptAt int
	keep   bool // rows are being kept (the old screen's top was reached)
	marks  []*mark
	// cursorRow is the cursor's screen row before the reflow.
	cursorRow int
}

func (r *reflower) wrappedAt(row func(int) oldRow, u int) bool {
	if u < r.first {
		return r.s.hist.at(u).wrapped
	}
	return row(u).wrapped
}

// startKeeping switches to keeping rows as cells once the old screen's top
// is reached.
func (r *reflower) startKeeping(u int) {
	if !r.keep && u >= r.first {
		r.keep, r.keptAt = true, r.n
	}
}

// emit adds one new row.
func (r *reflower) emit(cells []Cell, wrapped bool) {
	if r.keep {
		r.kept = append(r.kept, oldRow{cells, wrapped})
	} else {
		r.toHistory(oldRow{cells, wrapped})
	}
	r.n++
}

// toHistory stores a new row in the new history.
func (r *reflower) toHistory(o oldRow) {
	l := line{cells: o.cells, used: len(o.cells), wrapped: o.wrapped}
	r.hist.add(r.hist.encode(r.s, &l))
}

// keepRow copies old row u cut or padded to the new width: the cursor's line.
func (r *reflower) keepRow(u int, o oldRow) {
	r.startKeeping(u)
	if u == r.first {
		r.top = r.n
	}
	cells := make([]Cell, min(len(o.cells), r.cols))
	copy(cells, o.cells)
	if n := len(cells); n > 0 && n < len(o.cells) && o.cells[n].R == wideTail {
		cells[n-1] = Cell{} // the wide character's tail was cut off
	}
	for _, m := range r.marks {
		if m != nil && m.set && m.y == u {
			r.setMark(m, min(m.x, r.cols-1), r.n, m.pending && m.x < r.cols)
		}
	}
	r.emit(cells, o.wrapped)
}

// setMark records where a mark lands; y is a new row index.
func (r *reflower) setMark(m *mark, x, y int, pending bool) {
	m.x, m.y, m.pending = x, y, pending
	m.set = false // moved: not to be moved again
}

// rewrap joins old rows from..to (one logical line) and splits it at the
// new width.
func (r *reflower) rewrap(from, to int, row func(int) oldRow) {
	var text []Cell
	starts := make([]int, 0, to-from+1) // where each old row begins in text
	for u := from; u <= to; u++ {
		cells := row(u).cells
		n := len(cells)
		for n > 0 && cells[n-1] == (Cell{}) {
			n-- // blanks at a row's end: padding, or nothing written
		}
		starts = append(starts, len(text))
		text = append(text, cells[:n]...)
	}
	// Marks on these rows become offsets into the logical line.
	type pending struct {
		m   *mark
		off int
	}
	var todo []pending
	for _, m := range r.marks {
		if m == nil || !m.set || m.y < from || m.y > to {
			continue
		}
		off := starts[m.y-from] + m.x
		if m.pending {
			off++
		}
		todo = append(todo, pending{m, off})
	}

	r.startKeeping(to)
	cols := r.cols
	cur := make([]Cell, 0, cols)
	x := 0
	// placed maps a logical offset to (x, new row) as the split proceeds.
	placed := make([]struct{ x, y int }, len(text)+1)
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c.R == wideTail {
			placed[i] = struct{ x, y int }{x - 1, r.n}
			continue
		}
		w := r.s.Width(c)
		if w > cols {
			placed[i] = struct{ x, y int }{x, r.n}
			continue // a wide character in one column cannot be drawn
		}
		if x+w > cols {
			r.emit(cur, true)
			cur, x = make([]Cell, 0, cols), 0
		}
		placed[i] = struct{ x, y int }{x, r.n}
		cur = append(cur, c)
		if w == 2 {
			if i+1 < len(text) && text[i+1].R == wideTail {
				cur = append(cur, text[i+1])
			} else {
				cur = append(cur, Cell{R: wideTail, S: c.S})
			}
		}
		x += w
	}
	endX, endY := x, r.n
	r.emit(cur, false)
	if from <= r.first && r.first <= to {
		// The old screen's first row begins at the row its first cell went to.
		off := starts[r.first-from]
		if off < len(text) {
			r.top = placed[off].y
		} else {
			r.top = endY
		}
	}
	for _, p := range todo {
		switch {
		case p.off < len(text):
			r.setMark(p.m, placed[p.off].x, placed[p.off].y, false)
		default:
			// Past the text: count on from its end, into blank rows.
			x, y := endX+p.off-len(text), endY
			for x > cols {
				x -= cols
				y++
			}
			pend := x == cols
			if pend {
				x = cols - 1
			}
			for r.n <= y {
				if len(r.kept) > 0 && r.keep {
					r.kept[len(r.kept)-1].wrapped = true
				}
				r.emit(nil, false)
			}
			r.setMark(p.m, x, y, pend)
		}
	}
}

// place decides which new rows the screen shows, rebuilds the main grid
// and the history, and moves the marks into screen coordinates.
func (r *reflower) place(rows int, marks []*mark) {
	s := r.s
	if !r.keep { // the screen was empty: it starts after the history
		r.keptAt, r.top = r.n, r.n
	}
	// The cursor keeps its row on the screen, as in tmux: narrowing pushes
	// the rows above it into the history, widening brings them back (so a
	// screen cleared to a prompt at the top stays so). Without a cursor the
	// old screen's top stays the top.
	top := r.top
	if len(r.marks) > 0 && r.marks[0] != nil {
		cursorY := r.marks[0].y
		top = max(0, cursorY-min(r.cursorRow, rows-1))
	}
	// Rows above the old screen's top come back from the new history.
	var back []oldRow // newest first
	for r.keptAt > top && r.hist.Len() > 0 {
		hl := r.hist.pop()
		back = append(back, oldRow{hl.cells(s, 0), hl.wrapped})
		r.keptAt--
	}
	slices.Reverse(back)
	r.kept = append(back, r.kept...)
	top = max(top, r.keptAt)
	for i := r.keptAt; i < top && i-r.keptAt < len(r.kept); i++ {
		r.toHistory(r.kept[i-r.keptAt])
	}
	g := s.newGrid(r.cols, rows)
	for y := range rows {
		i := top + y - r.keptAt
		if i < 0 || i >= len(r.kept) {
			continue
		}
		k := r.kept[i]
		dst := &g.lines[y]
		copy(dst.cells, k.cells)
		dst.used = min(len(k.cells), r.cols)
		dst.wrapped = k.wrapped
	}
	s.main = g
	added := s.hist.added
	*s.hist = *r.hist
	s.hist.added = added + int64(s.hist.n) // counts on from the old history
	s.linksReflowed()
	for i, m := range marks {
		rm := r.marks[i]
		if rm == nil {
			continue
		}
		m.x = rm.x
		m.y = max(0, min(rm.y-top, rows-1))
		m.pending = rm.pending
	}
}

// rewrapText is rewrap for a logical line wholly in the history and
// wholly ASCII, the bulk of any scrollback: the stored texts are joined and
// cut by bytes, their style runs moved along, and no cell is made. It
// reports false, having done nothing, for a line it cannot take.
func (r *reflower) rewrapText(from, to int) bool {
	h := r.s.hist
	n := 0
	for u := from; u <= to; u++ {
		t := h.at(u).text
		if !isASCII(t) {
			return false
		}
		n += len(t)
	}
	if n > maxRunCol {
		return false // style runs count columns in 16 bits
	}
	text := make([]byte, 0, n)
	var runs []styleRun
	var last Style
	for u := from; u <= to; u++ {
		hl := h.at(u)
		base := len(text)
		if last != (Style{}) && (len(hl.runs) == 0 || hl.runs[0].col != 0) {
			runs = append(runs, styleRun{col: uint16(base)}) // the piece starts plain
			last = Style{}
		}
		for _, rn := range hl.runs {
			runs = append(runs, styleRun{col: uint16(base + int(rn.col)), style: rn.style})
			last = rn.style
		}
		text = append(text, hl.text...)
	}
	joined := string(text)
	cols := r.cols
	run := 0
	var cur Style
	for start := 0; ; start += cols {
		end := min(start+cols, len(joined))
		var pieceRuns []styleRun
		for run < len(runs) && int(runs[run].col) <= start {
			cur = runs[run].style
			run++
		}
		if cur != (Style{}) {
			pieceRuns = append(pieceRuns, styleRun{style: cur})
		}
		for k := run; k < len(runs) && int(runs[k].col) < end; k++ {
			pieceRuns = append(pieceRuns, styleRun{col: runs[k].col - uint16(start), style: runs[k].style})
		}
		r.hist.add(histLine{text: joined[start:end], runs: pieceRuns, wrapped: end < len(joined)})
		r.n++
		if end >= len(joined) {
			return true
		}
	}
}

// maxRunCol is the furthest column a style run can start at.
const maxRunCol = 1<<16 - 1

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// textWidth is the columns a history line's text takes.
func textWidth(text string) int {
	w := 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			w++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		w += RuneWidth(r)
		i += size
	}
	return w
}
