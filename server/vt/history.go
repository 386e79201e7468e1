package vt

import "unicode/utf8"

// History is a window's scrollback: the lines that scrolled off the top of the
// main screen, oldest first, up to a limit. Each line is stored as its text plus
// the points where the style changes, so a line costs memory in proportion to
// what is written on it, not to the window width.
type History struct {
	lines      []histLine // ring
	start, n   int
	limit      int
	scratch    []byte
	scratchRun []styleRun
}

type histLine struct {
	text    string
	runs    []styleRun // style from column col onward; nil when all default
	wrapped bool
}

type styleRun struct {
	col   uint16
	style Style
}

// NewHistory returns a history holding up to limit lines.
func NewHistory(limit int) *History { return &History{limit: max(limit, 0)} }

// Len returns the number of lines held.
func (h *History) Len() int { return h.n }

// Limit returns the most lines held.
func (h *History) Limit() int { return h.limit }

// SetLimit changes the most lines held, dropping the oldest beyond it.
func (h *History) SetLimit(limit int) {
	limit = max(limit, 0)
	kept := make([]histLine, 0, min(h.n, limit))
	for i := max(0, h.n-limit); i < h.n; i++ {
		kept = append(kept, h.at(i))
	}
	h.lines, h.start, h.n, h.limit = kept, 0, len(kept), limit
}

// Clear forgets every line (ED 3).
func (h *History) Clear() { h.lines, h.start, h.n = nil, 0, 0 }

func (h *History) at(i int) histLine { return h.lines[(h.start+i)%len(h.lines)] }

func (h *History) add(hl histLine) {
	if h.limit == 0 {
		return
	}
	if h.n < h.limit {
		if h.n == len(h.lines) {
			// Grow by doubling up to the limit; the ring is linear until full.
			grown := make([]histLine, h.n, min(max(2*h.n, 64), h.limit))
			for i := range h.n {
				grown[i] = h.at(i)
			}
			h.lines, h.start = grown[:cap(grown)], 0
		}
		h.lines[(h.start+h.n)%len(h.lines)] = hl
		h.n++
		return
	}
	h.lines[h.start] = hl
	h.start = (h.start + 1) % len(h.lines)
}

// pop removes and returns the newest line.
func (h *History) pop() histLine {
	h.n--
	i := (h.start + h.n) % len(h.lines)
	hl := h.lines[i]
	h.lines[i] = histLine{}
	return hl
}

// push stores screen line l.
func (h *History) push(s *Screen, l *line) {
	if h.limit > 0 {
		h.add(h.encode(s, l))
	}
}

// encode turns screen line l into its compact form, building it in the
// history's scratch buffers.
func (h *History) encode(s *Screen, l *line) histLine {
	cells := l.cells
	end := min(l.used, len(cells))
	for end > 0 && cells[end-1].R == 0 && cells[end-1].S == (Style{}) {
		end--
	}
	b := h.scratch[:0]
	runs := h.scratchRun[:0]
	var prev Style
	for i := range cells[:end] {
		c := &cells[i]
		if c.S != prev {
			runs = append(runs, styleRun{col: uint16(i), style: c.S})
			prev = c.S
		}
		r := c.R
		switch {
		case r > 0 && r < utf8.RuneSelf:
			b = append(b, byte(r))
		case r == 0:
			b = append(b, ' ')
		case r == wideTail:
		case r > 0:
			b = utf8.AppendRune(b, r)
		default:
			b = append(b, s.Text(*c)...)
		}
	}
	hl := histLine{text: string(b), wrapped: l.wrapped}
	if len(runs) > 0 {
		hl.runs = append([]styleRun(nil), runs...)
	}
	h.scratch, h.scratchRun = b, runs
	return hl
}

// Text returns history line i (0 is the oldest) as text.
func (h *History) Text(i int) string { return h.at(i).text }

// Wrapped reports whether history line i continues on the next line.
func (h *History) Wrapped(i int) bool { return h.at(i).wrapped }

// Cells decodes history line i into cells for screen s (which owns the table
// of grapheme clusters), cols wide at least.
func (h *History) Cells(s *Screen, i int, cols int) []Cell { return h.at(i).cells(s, cols) }

// cells decodes a stored line for screen s, cols wide at least.
func (hl histLine) cells(s *Screen, cols int) []Cell {
	out := make([]Cell, 0, max(cols, len(hl.text)))
	run := 0
	var st Style
	text := hl.text
	for len(text) > 0 {
		r, size := utf8.DecodeRuneInString(text)
		text = text[size:]
		w := RuneWidth(r)
		if w == 0 && len(out) > 0 {
			last := len(out) - 1
			if out[last].R == wideTail {
				last--
			}
			if cr, ok := s.cluster(s.Text(out[last]) + string(r)); ok {
				out[last].R = cr
			}
			continue
		}
		for run < len(hl.runs) && int(hl.runs[run].col) <= len(out) {
			st = hl.runs[run].style
			run++
		}
		c := Cell{R: r, S: st}
		if r == ' ' && st == (Style{}) {
			c.R = 0
		}
		out = append(out, c)
		if w == 2 {
			out = append(out, Cell{R: wideTail, S: st})
		}
	}
	for len(out) < cols {
		out = append(out, Cell{})
	}
	return out
}
