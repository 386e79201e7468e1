package server

import (
	"time"

	"github.com/gmux/gmux/server/sched"
)

// Synchronized output (DEC private mode 2026): a program brackets a redraw
// with CSI ? 2026 h … l so that the terminal shows the frame whole, never
// half drawn. gmux draws each display from the emulator, so it holds a
// display's frames while a window it shows is inside such a bracket, and
// draws as soon as the bracket closes. A program that never closes it (one
// killed mid-frame) holds its displays for syncTimeout once, as Alacritty
// does, and is drawn as usual after that. Frames drawn for other reasons (a
// resize, an attach) are not held.

// syncTimeout bounds how long one frame is held.
const syncTimeout = 150 * time.Millisecond

// syncWait is how much longer c's next frame is to be held for a frame a
// program it shows is drawing; 0 if none is.
func (c *client) syncWait(s *session) time.Duration {
	var wait time.Duration
	for _, w := range s.windows {
		if w.SyncSince.IsZero() || !c.shows(w) {
			continue
		}
		wait = max(wait, syncTimeout-time.Since(w.SyncSince))
	}
	return wait
}

// holdForSync draws c once wait has passed, unless the frame's end has
// drawn it sooner.
func (c *client) holdForSync(s *session, wait time.Duration) {
	if c.syncTimer {
		return
	}
	c.syncTimer = true
	s.after(sched.Key{Kind: sched.Sync, ID: c.id}, wait, func() {
		c.syncTimer = false
		c.schedule(s)
	})
}
