package server

import (
	"fmt"
	"time"

	"github.com/gmux/gmux/server/sched"
)

// Silence monitoring, as screen's silence: a window with it on that has
// printed nothing for its wait, while no display shows it, tells every
// display ("Window 2: silence for 30 seconds") and is marked ~ in the lists,
// once, until it prints again or is shown. One timer per such window, set
// for when its silence would be long enough; output only moves a time stamp.

// defaultSilenceWait is screen's silencewait.
const defaultSilenceWait = 30 * time.Second

// watchSilence (re)starts the silence timer, if the window is monitored for
// silence.
func (w *window) watchSilence(s *session) {
	if w.SilenceWait <= 0 || w.silenceTimer || w.Exited {
		return
	}
	w.silenceTimer = true
	wait := w.SilenceWait - s.now().Sub(w.lastOutput)
	s.after(sched.Key{Kind: sched.Silence, ID: w.ID}, max(wait, 0), func() { w.checkSilence(s) })
}

// rewatchSilence starts the watch again after its wait changed (silence N,
// silencewait): the check set for the old wait is replaced (same key).
func (w *window) rewatchSilence(s *session) {
	w.silenceTimer = false
	w.watchSilence(s)
}

// checkSilence is the silence timer: the window has been quiet for its wait
// (it tells every display, once), or it looks again when it could be.
func (w *window) checkSilence(s *session) {
	w.silenceTimer = false
	if w.SilenceWait <= 0 || w.Exited || w.removed {
		return
	}
	if quiet := s.now().Sub(w.lastOutput); quiet < w.SilenceWait {
		w.watchSilence(s)
		return
	}
	if w.Silent || s.shownAnywhere(w) {
		return // told already, or someone sees it: the next output starts a new watch
	}
	w.Silent = true
	msg := fmt.Sprintf("Window %d: silence for %d seconds", w.Number, int(w.SilenceWait.Seconds()))
	for c := range s.clients {
		if c.attached {
			c.showMessage(s, msg)
			c.notify(s, msg)
		}
	}
}

// silenceBroken is output in the window: its silence, if told, is over, and the
// watch starts again.
func (w *window) silenceBroken(s *session) {
	if w.Silent {
		w.Silent = false
		s.redrawBars()
	}
	w.watchSilence(s)
}
