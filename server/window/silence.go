package window

import (
	"time"

	"github.com/gmux/gmux/server/sched"
)

// Silence monitoring, as screen's silence: a window with it on that has
// printed nothing for its wait, while no display shows it, tells every
// display ("Window 2: silence for 30 seconds") and is marked ~ in the lists,
// once, until it prints again or is shown. One timer per such window, set
// for when its silence would be long enough; output only moves a time stamp.

// DefaultSilenceWait is screen's silencewait.
const DefaultSilenceWait = 30 * time.Second

// WatchSilence (re)starts the silence timer, if the window is monitored for
// silence.
func (w *Window) WatchSilence(h Host) {
	if w.SilenceWait <= 0 || w.silenceTimer || w.Exited {
		return
	}
	w.silenceTimer = true
	wait := w.SilenceWait - h.Now().Sub(w.LastOutput)
	h.After(sched.Key{Kind: sched.Silence, ID: w.ID}, max(wait, 0), func() { w.checkSilence(h) })
}

// RewatchSilence starts the watch again after its wait changed (silence N,
// silencewait): the check set for the old wait is replaced (same key).
func (w *Window) RewatchSilence(h Host) {
	w.silenceTimer = false
	w.WatchSilence(h)
}

// checkSilence is the silence timer: the window has been quiet for its wait
// (it tells every display, once), or it looks again when it could be.
func (w *Window) checkSilence(h Host) {
	w.silenceTimer = false
	if w.SilenceWait <= 0 || w.Exited || w.Removed {
		return
	}
	if quiet := h.Now().Sub(w.LastOutput); quiet < w.SilenceWait {
		w.WatchSilence(h)
		return
	}
	if w.Silent || h.Shown(w) {
		return // told already, or someone sees it: the next output starts a new watch
	}
	w.Silent = true
	h.Silent(w)
}

// SilenceBroken is output in the window: its silence, if told, is over, and the
// watch starts again.
func (w *Window) SilenceBroken(h Host) {
	if w.Silent {
		w.Silent = false
		h.MarksChanged()
	}
	w.WatchSilence(h)
}
