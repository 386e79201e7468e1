package server

import (
	"github.com/gmux/gmux/server/input"
)

// Clicking a window's name in the status line selects it (mousetrack on),
// as in tmux. Each entry of %w is wrapped in two markers, zero-width like
// the style markers (statusline.Mark and three control bytes, so every other
// reader of an expanded status skips them): the first holds the window's
// number, the second ends it. The renderer notes where each entry landed
// on each row it draws (truncation and fills are done by then), and a
// click is looked up there.

// statusClick selects the window whose status line entry was clicked; false
// if the report is not a left click on one.
func (s *session) statusClick(c *client, m input.MouseReport) bool {
	if !s.set.Mousetrack || m.Button != 0 || m.Release || m.Motion || c.r == nil {
		return false
	}
	if lay := c.layout(); lay.StatusY < 0 || m.Y != lay.StatusY {
		return false // only the hardstatus line's entries (what its row held before may linger)
	}
	n := c.r.WindowAt(m.X, m.Y)
	if n < 0 {
		return false
	}
	if w := s.windows.byNumber(n); w != nil && w != c.win {
		s.show(&cmdContext{s: s, c: c, w: c.win}, w)
	}
	return true
}
