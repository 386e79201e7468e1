package render

// A reattach is what a screen user does most, and most of the server's part
// in it was making the renderer: tcell's Init allocates and invalidates a
// cell buffer of the terminal's size (about 1.9 MB at 200x50, 1.5-3.5 ms,
// more than drawing the first frame). So when the last display goes, the
// session makes the next one's renderer while nobody waits, for the
// terminal that left: a reattach from the same terminal (type, colours,
// locale, size) takes it as it is. Any other makes its own, and the spare
// goes: one renderer's memory at most, only while nobody is attached.

// Key is what a renderer is made for.
type Key struct {
	Term, ColorTerm, Locale string
	Cols, Rows              int
}

// Spare is a renderer made ahead for the next attach; its zero value has
// none.
type Spare struct {
	key Key
	r   *Renderer
}

// Make makes a renderer for key ahead of its first frame, unless the spare
// is for key already.
func (sp *Spare) Make(key Key) {
	if sp.r != nil && sp.key == key {
		return
	}
	sp.Drop()
	r, err := New(key.Term, key.ColorTerm, key.Locale, key.Cols, key.Rows)
	if err != nil {
		return // the attach makes its own, and says why
	}
	// The first frame remembers every row it draws: that memory too is
	// made now (and touched), not while the attach waits.
	r.Prepare()
	sp.key, sp.r = key, r
}

// Take returns a renderer for key: the spare if it was made for the same,
// else a new one (and the spare goes).
func (sp *Spare) Take(key Key) (*Renderer, error) {
	if sp.r != nil && sp.key == key {
		r := sp.r
		sp.r = nil
		return r, nil
	}
	sp.Drop()
	return New(key.Term, key.ColorTerm, key.Locale, key.Cols, key.Rows)
}

// Drop lets the spare go (its goroutines and cell buffer).
func (sp *Spare) Drop() {
	if sp.r != nil {
		sp.r.Close()
		sp.r = nil
	}
}
