package server

import "github.com/gmux/gmux/server/render"

// Draw draws copy mode in the cols x rows cells from (left, top): the frozen
// document, the marked region in reverse video, search matches highlighted,
// the position top right, and the cursor.
func (m *copyMode) Draw(cv render.Canvas, left, top, cols, rows int) {
	for y := range max(rows, 0) {
		line := m.top + y
		if line >= m.doc.Len() {
			cv.Line(left, top+y, cols, "", render.Style{})
			continue
		}
		cells := m.doc.Cells(line, cols)
		hits := m.matchSpans(line)
		for x := 0; x < cols; x++ {
			c := cells[x]
			if c.IsWideTail() {
				continue
			}
			cv.DocCell(left+x, top+y, m.doc, c, render.Style{Match: inSpans(hits, x), Reverse: m.selected(x, line)})
		}
	}
	ind := m.indicator()
	if x := cols - len(ind); x >= 0 {
		for i, ch := range ind {
			cv.Put(left+x+i, top, string(ch), render.Style{Reverse: true})
		}
	}
	cv.ShowCursor(left+min(m.cx, cols-1), top+m.cy-m.top)
}

// inSpans reports whether column x is in one of spans.
func inSpans(spans [][2]int, x int) bool {
	for _, sp := range spans {
		if x >= sp[0] && x < sp[1] {
			return true
		}
	}
	return false
}
