package server

import "github.com/gmux/gmux/server/render"

// A reattach is what a screen user does most, and most of the server's part
// in it was making the renderer: tcell's Init allocates and invalidates a
// cell buffer of the terminal's size (about 1.9 MB at 200x50, 1.5-3.5 ms,
// more than drawing the first frame). So when the last display goes, the
// session makes the next one's renderer while nobody waits, for the
// terminal that left: a reattach from the same terminal (type, colours,
// locale, size) takes it as it is. Any other makes its own, and the spare
// goes: one renderer's memory at most, only while nobody is attached.

// rendererFor is what a renderer is made for.
type rendererFor struct {
	term, colorterm, locale string
	cols, rows              int
}

// spareRenderer is a renderer made ahead for the next attach.
type spareRenderer struct {
	key rendererFor
	r   *render.Renderer
}

// prepareSpare makes a renderer for the next attach from a terminal like
// key, unless a display is attached (it made its own) or the session ends.
func (s *session) prepareSpare(key rendererFor) {
	if s.ending || s.attachedCount() > 0 {
		return
	}
	if s.spare != nil && s.spare.key == key {
		return
	}
	s.dropSpare()
	if r, err := makeSpare(key); err == nil {
		s.spare = &spareRenderer{key: key, r: r}
	}
}

// makeSpare makes a renderer for key ahead of its first frame.
func makeSpare(key rendererFor) (*render.Renderer, error) {
	r, err := render.New(key.term, key.colorterm, key.locale, key.cols, key.rows)
	if err == nil {
		// The first frame remembers every row it draws: that memory too is
		// made now (and touched), not while the attach waits.
		r.Prepare()
	}
	return r, err
}

// takeRenderer returns a renderer for key: the spare if it was made for
// the same, else a new one.
func (s *session) takeRenderer(key rendererFor) (*render.Renderer, error) {
	if sp := s.spare; sp != nil && sp.key == key {
		s.spare = nil
		return sp.r, nil
	}
	s.dropSpare()
	return render.New(key.term, key.colorterm, key.locale, key.cols, key.rows)
}

// dropSpare lets the spare renderer go (its goroutines and cell buffer).
func (s *session) dropSpare() {
	if s.spare != nil {
		s.spare.r.Close()
		s.spare = nil
	}
}

// rendererKey is what c's renderer is made for.
func (c *client) rendererKey() rendererFor {
	return rendererFor{term: c.hello.Term, colorterm: c.hello.ColorTerm, locale: c.hello.Locale, cols: c.cols, rows: c.rows}
}

// spareAfter arranges a spare renderer like c's, once the loop is done
// with what c's going started (its last frames are sent first).
func (s *session) spareAfter(c *client) {
	if c.r == nil {
		return
	}
	key := c.rendererKey()
	s.queue(func() { s.prepareSpare(key) })
}
