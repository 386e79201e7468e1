package sched

import "time"

// Kind is what a deadline is for.
type Kind uint8

const (
	Frame       Kind = iota // a display's next frame (display.go)
	Sync                    // a display held for synchronized output (syncoutput.go)
	Message                 // a display's message line clears (display.go)
	Idle                    // a display's idle check (idle.go)
	Escape                  // a display's lone ESC becomes a key (input.go)
	DropClient              // a released client that never read goes (client.go)
	Stall                   // a window that reads no input is looked at (inputqueue.go)
	PasteSettle             // a paste waits for its window to be quiet (paste.go)
	SlowPaste               // slowpaste's next piece (paste.go)
	Silence                 // a window's silence check (silence.go)
	LogFlush                // a window's log is written (winlog.go)
	FilterInput             // typed input waiting for an exec'd program (exec.go)
	LogStamp                // a window's log gets its time stamp (logstamp.go)
	StatusClock             // status lines that show the time (status.go)
	Narrow                  // the session looks at its output rate (procs.go)
	Memory                  // memory goes back after output (memory.go)
	Settle                  // an upgrade looks whether its goroutines parked (freeze.go)
	Finish                  // an ending session stops waiting for its client (session.go)
	Done                    // an ended session's loop stops (session.go)
)

// Key names one deadline: its kind, and whose (0 for the session's).
type Key struct {
	Kind Kind
	ID   int
}

type deadline struct {
	at  time.Time
	run func()
}

// Scheduler is the loop's. Its methods are the loop's to call, but for
// the timer's, which only calls Fire.
type Scheduler struct {
	// Clock is time.Now, or a test's clock; nil is time.Now.
	Clock func() time.Time
	// Fire, from the timer's goroutine, asks the loop to run RunDue.
	Fire  func()
	due   map[Key]deadline
	timer *time.Timer
	armed time.Time // when timer fires; zero when it is not set
}

// Stop stops the timer: nothing is posted any more (a test's end).
func (d *Scheduler) Stop() {
	if d.timer != nil {
		d.timer.Stop()
	}
}

// Now is the scheduler's clock: what deadlines are decided by.
func (d *Scheduler) Now() time.Time {
	if d.Clock == nil {
		return time.Now()
	}
	return d.Clock()
}

// After makes run due in wait, under key.
func (d *Scheduler) After(key Key, wait time.Duration, run func()) {
	d.Set(key, d.Now().Add(wait), run)
}

// Set makes run due at at, replacing what key had.
func (d *Scheduler) Set(key Key, at time.Time, run func()) {
	if d.due == nil {
		d.due = map[Key]deadline{}
	}
	d.due[key] = deadline{at: at, run: run}
	if d.armed.IsZero() || at.Before(d.armed) {
		d.arm(at)
	}
}

// Cancel forgets key's deadline.
func (d *Scheduler) Cancel(key Key) { delete(d.due, key) }

// Pending reports whether key has a deadline.
func (d *Scheduler) Pending(key Key) bool {
	_, ok := d.due[key]
	return ok
}

// RunDue runs, on the loop, every deadline that has come, earliest first,
// and sets the timer for the next.
func (d *Scheduler) RunDue() {
	d.armed = time.Time{}
	for {
		key, next, ok := d.earliest()
		if !ok {
			return
		}
		if next.at.After(d.Now()) {
			d.arm(next.at)
			return
		}
		delete(d.due, key)
		next.run()
	}
}

func (d *Scheduler) earliest() (Key, deadline, bool) {
	var key Key
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
func (d *Scheduler) arm(at time.Time) {
	d.armed = at
	wait := max(at.Sub(d.Now()), 0)
	if d.timer == nil {
		d.timer = time.AfterFunc(wait, d.Fire)
		return
	}
	d.timer.Reset(wait)
}
