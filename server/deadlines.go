package server

import "time"

// The session's pending work in time — a frame to draw, a message to clear,
// a paste to send once the program is quiet, a silence to tell — is data:
// a deadline per kind and id (a display's, a window's), owned by the loop,
// behind one timer. Setting a deadline again moves it; nothing is posted to
// the loop until one is due, and then once for all that are. The clock is
// the scheduler's own, so that a test can move time instead of waiting.

// deadlineKind is what a deadline is for.
type deadlineKind uint8

const (
	dlFrame       deadlineKind = iota // a display's next frame (display.go)
	dlSync                            // a display held for synchronized output (syncoutput.go)
	dlMessage                         // a display's message line clears (display.go)
	dlIdle                            // a display's idle check (idle.go)
	dlEscape                          // a display's lone ESC becomes a key (input.go)
	dlDropClient                      // a released client that never read goes (client.go)
	dlStall                           // a window that reads no input is looked at (inputqueue.go)
	dlPasteSettle                     // a paste waits for its window to be quiet (paste.go)
	dlSlowPaste                       // slowpaste's next piece (paste.go)
	dlSilence                         // a window's silence check (silence.go)
	dlLogFlush                        // a window's log is written (winlog.go)
	dlFilterInput                     // typed input waiting for an exec'd program (exec.go)
	dlLogStamp                        // a window's log gets its time stamp (logstamp.go)
	dlClock                           // status lines that show the time (status.go)
	dlNarrow                          // the session looks at its output rate (procs.go)
	dlMemory                          // memory goes back after output (memory.go)
	dlSettle                          // an upgrade looks whether its goroutines parked (freeze.go)
	dlFinish                          // an ending session stops waiting for its client (session.go)
	dlDone                            // an ended session's loop stops (session.go)
)

// deadlineKey names one deadline: its kind, and whose (0 for the session's).
type deadlineKey struct {
	kind deadlineKind
	id   int
}

type deadline struct {
	at  time.Time
	run func()
}

// deadlines is the loop's scheduler.
type deadlines struct {
	now   func() time.Time // time.Now, or a test's clock
	due   map[deadlineKey]deadline
	timer *time.Timer
	armed time.Time // when timer fires; zero when it is not set
	fire  func()    // from the timer's goroutine: asks the loop to run what is due
}

// set makes run due at at, replacing what key had.
func (d *deadlines) set(key deadlineKey, at time.Time, run func()) {
	if d.due == nil {
		d.due = map[deadlineKey]deadline{}
	}
	d.due[key] = deadline{at: at, run: run}
	if d.armed.IsZero() || at.Before(d.armed) {
		d.arm(at)
	}
}

// cancel forgets key's deadline.
func (d *deadlines) cancel(key deadlineKey) { delete(d.due, key) }

// pending reports whether key has a deadline.
func (d *deadlines) pending(key deadlineKey) bool {
	_, ok := d.due[key]
	return ok
}

// runDue runs, on the loop, every deadline that has come, earliest first,
// and sets the timer for the next.
func (d *deadlines) runDue() {
	d.armed = time.Time{}
	for {
		key, next, ok := d.earliest()
		if !ok {
			return
		}
		if next.at.After(d.now()) {
			d.arm(next.at)
			return
		}
		delete(d.due, key)
		next.run()
	}
}

func (d *deadlines) earliest() (deadlineKey, deadline, bool) {
	var key deadlineKey
	var first deadline
	found := false
	for k, dl := range d.due {
		if !found || dl.at.Before(first.at) {
			key, first, found = k, dl, true
		}
	}
	return key, first, found
}

// arm sets the one timer for at.
func (d *deadlines) arm(at time.Time) {
	d.armed = at
	wait := max(at.Sub(d.now()), 0)
	if d.timer == nil {
		d.timer = time.AfterFunc(wait, d.fire)
		return
	}
	d.timer.Reset(wait)
}

// after makes run due on the loop in wait, under key (see deadlines).
func (s *session) after(key deadlineKey, wait time.Duration, run func()) {
	d := &s.deadlines
	if d.fire == nil {
		d.fire = func() { s.post(d.runDue) }
	}
	d.set(key, s.now().Add(wait), run)
}

// now is the session's clock: the scheduler's, so that what deadlines
// decide (a silence long enough) is decided by the time they run on.
func (s *session) now() time.Time {
	if s.deadlines.now == nil {
		s.deadlines.now = time.Now
	}
	return s.deadlines.now()
}
