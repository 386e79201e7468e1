package window

import (
	"time"

	"github.com/gmux/gmux/server/sched"
)

// Host is what a window needs of the session it is in: the loop's
// scheduler, clock and lane, the settings it works by, and ears for what
// it has to tell. Every method runs on the loop but Post.
type Host interface {
	After(key sched.Key, wait time.Duration, run func())
	Now() time.Time
	Post(f func()) // from a goroutine: run f on the loop
	Settings() Settings
	Logf(format string, args ...any)
	Tell(msg string)                // on every display, and in the log
	Output(w *Window, data []byte)  // as if the program had just written it (output held by flow control)
	Show(w *Window, data []byte)    // on the displays that show w, but nowhere else (an exec'd program's)
	Shown(w *Window) bool           // a display shows it
	MarksChanged()                  // its marks in the window lists changed
	Silent(w *Window)               // it has been silent for its wait: tell
	Attention(w *Window, bell bool) // a bell or, monitored, output while hidden: tell
	Stamp(w *Window) string         // the time stamp for its log now
	Env(w *Window) []string         // the environment of programs started for it
}

// Settings are the session's settings a window works by.
type Settings struct {
	SlowPaste     time.Duration // a paste's pause after each character; 0: at once
	LogFlush      time.Duration // how long logged output may wait in memory
	LogStamp      bool          // logs get time stamps after a quiet spell
	LogStampQuiet time.Duration // how long that spell is
	Dir           string        // where programs started for it start
}

// Waiter is a display waiting for the window's input queue to drain
// before it reads more of what its user types.
type Waiter interface{ GiveCredit() }

// AddWaiter makes c wait until the program has read its queue down.
func (w *Window) AddWaiter(c Waiter) { w.waiters = append(w.waiters, c) }

// Waiting reports whether displays wait on the window's queue.
func (w *Window) Waiting() bool { return len(w.waiters) > 0 }

// HeldInput is what waits behind a paste, pasted and typed, in order: a
// live upgrade hands it over as input not yet written.
func (w *Window) HeldInput() []byte {
	var b []byte
	for _, h := range w.held {
		b = append(b, h.b...)
		for _, p := range h.slow {
			b = append(b, p...)
		}
	}
	return b
}
