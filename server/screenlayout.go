package server

import "github.com/gmux/gmux/server/render"

// layout returns c's screen layout without a message: what sizes its window.
func (c *client) layout() render.Layout {
	s := c.s
	return render.LayoutScreen(c.cols, c.rows, s.set.Hardstatus != statusOff, s.set.Hardstatus == statusFirstLine, s.set.Caption, false)
}
