package server

import (
	"fmt"
	"time"

	"github.com/gmux/gmux/server/sched"
	"github.com/gmux/gmux/server/window"
)

// windowHost is the session as its windows see it (window.Host): the
// loop's scheduler, clock and lane, the settings windows work by, and what
// the session does with what a window has to tell.
type windowHost session

// host is s as its windows see it.
func (s *session) host() *windowHost { return (*windowHost)(s) }

func (h *windowHost) s() *session { return (*session)(h) }

func (h *windowHost) After(key sched.Key, wait time.Duration, run func()) {
	h.s().after(key, wait, run)
}
func (h *windowHost) Now() time.Time                       { return h.s().now() }
func (h *windowHost) Post(f func())                        { h.s().post(f) }
func (h *windowHost) Logf(format string, args ...any)      { h.log.Printf(format, args...) }
func (h *windowHost) Tell(msg string)                      { h.s().tellAll(msg) }
func (h *windowHost) Output(w *window.Window, data []byte) { h.s().windowOutput(w, data) }
func (h *windowHost) Show(w *window.Window, data []byte)   { h.s().showOutput(w, data) }
func (h *windowHost) Shown(w *window.Window) bool          { return h.s().shownAnywhere(w) }
func (h *windowHost) MarksChanged()                        { h.s().redrawBars() }
func (h *windowHost) Stamp(w *window.Window) string        { return h.s().logStamp(w) }
func (h *windowHost) Env(w *window.Window) []string        { return h.s().childEnv(w.Number) }

func (h *windowHost) Settings() window.Settings {
	set := &h.set
	return window.Settings{SlowPaste: set.SlowPaste, LogFlush: set.LogFlush, LogStamp: set.LogStamp,
		LogStampQuiet: set.LogStampQuiet(), Dir: set.Dir}
}

// Silent tells every display that w has been silent for its wait.
func (h *windowHost) Silent(w *window.Window) {
	s := h.s()
	msg := fmt.Sprintf("Window %d: silence for %d seconds", w.Number, int(w.SilenceWait.Seconds()))
	for c := range s.clients {
		if c.attached {
			c.showMessage(s, msg)
			c.notify(s, msg)
		}
	}
}

// Attention tells every display of a bell (bell_msg, and each display's
// own bell rings) or of activity (activity) in w, which none shows.
func (h *windowHost) Attention(w *window.Window, bell bool) {
	s := h.s()
	if !bell {
		s.tellDisplays(s.set.ActivityMsg, w)
		return
	}
	s.tellDisplays(s.set.BellMsg, w)
	for c := range s.clients {
		if c.attached {
			c.ringOuterBell(s)
		}
	}
}
