package server

import (
	"github.com/gmux/gmux/server/render"
	"github.com/gmux/gmux/server/settings"
)

// layout returns c's screen layout without a message: what sizes its window.
func (c *client) layout() render.Layout {
	s := c.s
	return render.LayoutScreen(c.cols, c.rows, render.Lines{Status: s.set.Hardstatus != settings.StatusOff,
		StatusTop: s.set.Hardstatus == settings.StatusFirstLine, Caption: s.set.Caption, CaptionTop: s.set.CaptionTop})
}
