package server

import "github.com/gmux/gmux/server/render"

// rendererKey is what c's renderer is made for.
func (c *client) rendererKey() render.Key {
	return render.Key{Term: c.hello.Term, ColorTerm: c.hello.ColorTerm, Locale: c.hello.Locale, Cols: c.cols, Rows: c.rows}
}

// spareAfter arranges a spare renderer like c's for the next attach
// (render.Spare), once the loop is done with what c's going started (its
// last frames are sent first); not while a display is attached (it made its
// own) or the session ends.
func (s *session) spareAfter(c *client) {
	if c.r == nil {
		return
	}
	key := c.rendererKey()
	s.queue(func() {
		if !s.ending && s.attachedCount() == 0 {
			s.spare.Make(key)
		}
	})
}
