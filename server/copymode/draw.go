package copymode

import "github.com/gmux/gmux/server/render"

// Draw draws copy mode (an overlay: render.Overlay) in the cols x rows cells from (left, top): the frozen
// document, the marked region in reverse video, search matches highlighted,
// the position top right, and the cursor.
func (m *Mode) Draw(cv render.Canvas, left, top, cols, rows int) {
	for y := range max(rows, 0) {
		line := m.Top + y
		if line >= m.Doc.Len() {
			cv.Line(left, top+y, cols, "", render.Style{})
			continue
		}
		cells := m.Doc.Cells(line, cols)
		hits := m.MatchSpans(line)
		for x := 0; x < cols; x++ {
			c := cells[x]
			if c.IsWideTail() {
				continue
			}
			cv.DocCell(left+x, top+y, m.Doc, c, render.Style{Match: inSpans(hits, x), Reverse: m.Selected(x, line)})
		}
	}
	ind := m.Indicator()
	if x := cols - len(ind); x >= 0 {
		for i, ch := range ind {
			cv.Put(left+x+i, top, string(ch), render.Style{Reverse: true})
		}
	}
	cv.ShowCursor(left+min(m.CX, cols-1), top+m.CY-m.Top)
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
