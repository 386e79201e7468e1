package regions

import (
	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/layout"
	"github.com/gmux/gmux/server/window"
)

// Regions is a split display's layout and the window each region shows; a
// region absent from shown is empty (it shows no window until one is
// selected or created in it).
type Regions struct {
	*layout.Layout
	shown map[int]*window.Window
}

// New is one region of cols x rows showing w (nil: none), ready to split.
func New(cols, rows int, w *window.Window) *Regions {
	r := &Regions{Layout: layout.New(cols, rows), shown: map[int]*window.Window{}}
	r.Show(r.Focus(), w)
	return r
}

// Window is what region id shows, or nil.
func (r *Regions) Window(id int) *window.Window { return r.shown[id] }

// Focused is what the focused region shows, or nil.
func (r *Regions) Focused() *window.Window { return r.shown[r.Focus()] }

// Show makes region id show w (nil: nothing).
func (r *Regions) Show(id int, w *window.Window) {
	if w == nil {
		delete(r.shown, id)
		return
	}
	r.shown[id] = w
}

// Shows reports whether a region shows w.
func (r *Regions) Shows(w *window.Window) bool {
	for _, rw := range r.shown {
		if rw == w {
			return true
		}
	}
	return false
}

// Unshow empties every region but the focused one that shows w (a window
// killed or shown in the focused region), as screen does.
func (r *Regions) Unshow(w *window.Window) {
	for id, rw := range r.shown {
		if rw == w && id != r.Focus() {
			delete(r.shown, id)
		}
	}
}

// RemoveFocused takes the focused region away; its window is no longer
// shown there.
func (r *Regions) RemoveFocused() error {
	id := r.Focus()
	if err := r.Remove(id); err != nil {
		return err
	}
	delete(r.shown, id)
	return nil
}

// Resize fits the regions to cols x rows; a region the smaller space could
// not hold goes with what it showed.
func (r *Regions) Resize(cols, rows int) {
	r.Layout.Resize(cols, rows)
	for id := range r.shown {
		if _, ok := r.Rect(id); !ok {
			delete(r.shown, id)
		}
	}
}

// Save describes the regions in words: the layout's text, the window (id)
// each region shows in the layout's order (0: none), and which one has the
// focus.
func (r *Regions) Save(windowID func(*window.Window) int) *handover.Regions {
	sr := &handover.Regions{Layout: r.String()}
	for i, rg := range r.Layout.Regions() {
		sr.Windows = append(sr.Windows, windowID(r.shown[rg.ID]))
		if rg.ID == r.Focus() {
			sr.Focus = i
		}
	}
	return sr
}

// Restore is the regions sr describes, fitted to cols x rows, or nil when
// there are fewer than two; windows gone since (byID nil) show nothing, and
// a focused region that had none shows fallback.
func Restore(sr *handover.Regions, cols, rows int, byID func(int) *window.Window, fallback *window.Window) *Regions {
	if sr == nil {
		return nil
	}
	lay, err := layout.Parse(sr.Layout, cols, rows)
	if err != nil || lay.Len() < 2 {
		return nil
	}
	r := &Regions{Layout: lay, shown: map[int]*window.Window{}}
	for i, rg := range lay.Regions() {
		if i < len(sr.Windows) {
			r.Show(rg.ID, byID(sr.Windows[i]))
		}
		if i == sr.Focus {
			lay.SetFocus(rg.ID)
		}
	}
	if r.Focused() == nil {
		// The focused region had nothing (a config that split before any
		// window): it shows the window the display would have shown.
		r.Show(r.Focus(), fallback)
	}
	return r
}
