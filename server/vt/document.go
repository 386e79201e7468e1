package vt

import "slices"

// Document is a frozen copy of a window's history and screen, oldest line
// first, for copy mode: the window keeps running while a user reads it.
// Lines are kept in the compact history form, decoded only when shown.
type Document struct {
	s     *Screen // for the table of grapheme clusters (append-only)
	hist  histView
	lines []histLine // the screen's rows, after the history
	cols  int
	// links is the hyperlink table as it was: the window may give an
	// entry back and reuse it for another link while the copy is read.
	links []linkEntry
}

// Snapshot returns the history followed by the visible screen (the main
// screen's history is kept even while the alternate screen is shown). The
// history's compressed blocks are shared, not copied: they never change.
func (s *Screen) Snapshot() *Document {
	s.thaw()
	h := s.hist
	d := &Document{s: s, hist: h.histView, lines: make([]histLine, 0, s.rows), cols: s.cols, links: slices.Clone(s.links.entries)}
	d.hist.blocks = append([]*histBlock(nil), h.blocks...)
	d.hist.tail = h.tail.frozen()
	for y := range s.rows {
		d.lines = append(d.lines, h.encode(s, s.g.row(y)))
	}
	return d
}

// line is line i of the document.
func (d *Document) line(i int) histLine {
	if i < d.hist.n {
		return d.hist.at(i)
	}
	return d.lines[i-d.hist.n]
}

// Len returns the number of lines.
func (d *Document) Len() int { return d.hist.n + len(d.lines) }

// Cols returns the width of the window when the snapshot was taken.
func (d *Document) Cols() int { return d.cols }

// Text returns line i as text, trailing blanks removed.
func (d *Document) Text(i int) string {
	t := d.line(i).text
	end := len(t)
	for end > 0 && t[end-1] == ' ' {
		end--
	}
	return t[:end]
}

// Wrapped reports whether line i continues on the next (autowrap).
func (d *Document) Wrapped(i int) bool { return d.line(i).wrapped }

// Cells decodes line i into at least cols cells.
func (d *Document) Cells(i, cols int) []Cell {
	return d.line(i).cells(d.s, cols)
}

// TextOf returns a decoded cell's characters ("" for empty or a wide tail).
func (d *Document) TextOf(c Cell) string { return d.s.Text(c) }

// Hyperlink returns the link a cell names (Screen.Hyperlink).
func (d *Document) Hyperlink(link uint16) (Hyperlink, bool) {
	if link == 0 || int(link) >= len(d.links) || d.links[link].URI == "" {
		return Hyperlink{}, false
	}
	return d.links[link].Hyperlink, true
}
