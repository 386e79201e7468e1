package statusline

import "strings"

// piece is a run of text and its width in cells; a style marker and a
// pending fill have width 0 and survive every cut.
type piece struct {
	text  string
	width int
	style bool
	fill  bool // a %= not yet given its room
}

// Line is one line being laid out.
type Line struct {
	cols   int // the width of the line on the terminal
	width  func(string) int
	pieces []piece
	// lastPad is the column where the last pad or truncation ended: what
	// comes after it is the area the next truncation works on.
	lastPad int
	// The %> mark: the piece index it stands before, where truncation tries
	// to put it (percent of the area), and whether cuts show "...".
	mark, markPct int
	markLong      bool
}

// New starts a line for a terminal cols wide; width measures text in cells.
func New(cols int, width func(string) int) *Line {
	return &Line{cols: cols, width: width, mark: -1}
}

// Text adds text.
func (l *Line) Text(s string) {
	if s != "" {
		l.pieces = append(l.pieces, piece{text: s, width: l.width(s)})
	}
}

// Style adds a marker that takes no room.
func (l *Line) Style(s string) { l.pieces = append(l.pieces, piece{text: s, style: true}) }

// Len is a position for CutTo: the conditional %?...%? takes back what it
// wrote when nothing in it expanded.
func (l *Line) Len() int { return len(l.pieces) }

// CutTo drops everything added since Len returned n.
func (l *Line) CutTo(n int) {
	if n >= len(l.pieces) {
		return
	}
	l.pieces = l.pieces[:n]
	if l.mark > n {
		l.mark = -1
	}
}

// Fill is %=: the room left on the line (or before the next pad) is shared
// among the fills.
func (l *Line) Fill() { l.pieces = append(l.pieces, piece{fill: true}) }

// Column turns a %= or %< qualifier into a column: n percent of the line
// (absolute, the 0 qualifier: column n; fromRight, the - qualifier: n
// columns before the right edge; relative, the + qualifier: n percent of
// the room after the last pad).
func (l *Line) Column(n int, absolute, fromRight, relative bool) int {
	switch {
	case fromRight:
		n = l.cols - n
	case absolute:
	case relative:
		n = l.lastPad + min(n, 100)*(l.cols-l.lastPad)/100
	default:
		n = min(n, 100) * l.cols / 100
	}
	return max(0, min(n, l.cols))
}

// PadTo is %N=: the fills so far (or, without any, this point) take the
// room up to column col; text already past it is cut back to it unless keep
// (the L qualifier).
func (l *Line) PadTo(col int, keep bool) {
	if l.hasFills() {
		l.resolveFills(col)
	}
	if !keep {
		l.truncate(col)
	}
	if pad := col - l.total(); pad > 0 {
		l.Text(strings.Repeat(" ", pad))
	}
	l.lastPad = max(l.lastPad, l.total()) // where the pad ended: at col, or past it when kept (L)
}

// Mark is %N>: when the line must be cut, cut it so that this point lands
// pct percent into the area; long (L) shows the cuts as "...".
func (l *Line) Mark(pct int, long bool) {
	l.mark, l.markPct, l.markLong = len(l.pieces), min(pct, 100), long
}

// TruncateAt is %N<: the text since the last pad is cut to end at column col,
// around the mark when there is one. Nothing is filled.
func (l *Line) TruncateAt(col int) {
	l.truncate(col)
	l.lastPad = max(l.lastPad, min(col, l.total()))
	l.mark = -1
}

// String finishes the line: the fills take what room is left, and what does
// not fit is cut at the right edge.
func (l *Line) String() string {
	l.resolveFills(l.cols)
	l.truncate(l.cols)
	if l.total() > l.cols {
		l.mark = -1 // the dots took more than they saved: cut plainly
		l.truncate(l.cols)
	}
	var b strings.Builder
	for _, p := range l.pieces {
		b.WriteString(p.text)
	}
	return b.String()
}

func (l *Line) total() int {
	n := 0
	for _, p := range l.pieces {
		n += p.width
	}
	return n
}

// hasFills reports whether a fill waits for its room.
func (l *Line) hasFills() bool {
	for _, p := range l.pieces {
		if p.fill {
			return true
		}
	}
	return false
}

// resolveFills shares the room up to col among the pending fills, the last
// ones getting the odd cells, and turns them into spaces. As in screen, a
// fill is never narrower than one cell, even where there is no room: it
// holds its place in the line as a character does (A%=B%L=C is "A BC").
func (l *Line) resolveFills(col int) {
	var fills []int
	for i, p := range l.pieces {
		if p.fill {
			fills = append(fills, i)
		}
	}
	room := max(col-l.total()-len(fills), 0)
	for k, i := range fills {
		n := 1
		if room > 0 {
			n += room / len(fills)
			if k >= len(fills)-room%len(fills) {
				n++ // the odd cells go to the last fills, as in screen
			}
		}
		l.pieces[i] = piece{text: strings.Repeat(" ", n), width: n}
	}
}

// truncate cuts the text after lastPad so that the line ends at col.
func (l *Line) truncate(col int) {
	excess := l.total() - col
	if excess <= 0 {
		return
	}
	left, right := 0, excess
	if l.mark >= 0 {
		markAt := 0
		for _, p := range l.pieces[:min(l.mark, len(l.pieces))] {
			markAt += p.width
		}
		want := l.lastPad + (col-l.lastPad)*l.markPct/100
		left = max(0, min(markAt-want, excess, markAt-l.lastPad))
		right = excess - left
		if after := l.total() - markAt; right > after {
			left, right = left+right-after, after
		}
	}
	// The dots only where they fit beside some text.
	ellipsis := l.mark >= 0 && l.markLong && col-l.lastPad > 3
	if right > 0 {
		l.cutEnd(right, ellipsis)
	}
	if left > 0 {
		l.cutAfter(l.lastPad, left, ellipsis)
	}
}

// cutEnd removes n cells of text from the end, keeping styles; ellipsis
// puts "..." where the text was cut.
func (l *Line) cutEnd(n int, ellipsis bool) {
	if ellipsis {
		n += 3
	}
	var kept []piece
	removed := 0
	for i := len(l.pieces) - 1; i >= 0; i-- {
		p := l.pieces[i]
		if p.style || p.fill || removed >= n {
			kept = append(kept, p)
			continue
		}
		r := []rune(p.text)
		for len(r) > 0 && removed < n {
			removed += l.width(string(r[len(r)-1]))
			r = r[:len(r)-1]
		}
		if len(r) > 0 {
			kept = append(kept, piece{text: string(r), width: l.width(string(r))})
		}
	}
	for i, j := 0, len(kept)-1; i < j; i, j = i+1, j-1 {
		kept[i], kept[j] = kept[j], kept[i]
	}
	l.pieces = kept
	l.mark = min(l.mark, len(l.pieces))
	tail := ""
	if ellipsis {
		tail = "..."
	}
	// A wide character cut in two leaves a cell: a space keeps the width.
	tail += strings.Repeat(" ", max(0, removed-n))
	if tail != "" {
		l.pieces = append(l.pieces, piece{text: tail, width: len(tail)})
	}
}

// cutAfter removes n cells of text starting at column from.
func (l *Line) cutAfter(from, n int, ellipsis bool) {
	if ellipsis {
		n += 3
	}
	var out []piece
	at, removed := 0, 0
	inserted := false
	for _, p := range l.pieces {
		if p.style || p.fill || removed >= n || at+p.width <= from {
			out = append(out, p)
			at += p.width
			continue
		}
		var keepHead, keepTail []rune
		for _, r := range p.text {
			w := l.width(string(r))
			switch {
			case at < from:
				keepHead = append(keepHead, r)
			case removed < n:
				removed += w
			default:
				keepTail = append(keepTail, r)
			}
			at += w
		}
		if len(keepHead) > 0 {
			out = append(out, piece{text: string(keepHead), width: l.width(string(keepHead))})
		}
		if !inserted {
			fill := ""
			if ellipsis {
				fill = "..."
			}
			fill += strings.Repeat(" ", max(0, removed-n))
			if fill != "" && removed >= n {
				out = append(out, piece{text: fill, width: len(fill)})
				inserted = true
			}
		}
		if len(keepTail) > 0 {
			out = append(out, piece{text: string(keepTail), width: l.width(string(keepTail))})
		}
	}
	l.pieces = out
	l.mark = -1 // used: the cut is done
}
