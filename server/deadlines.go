package server

import (
	"time"

	"github.com/gmux/gmux/server/sched"
)

// after makes run due on the loop in wait, under key (server/sched).
func (s *session) after(key sched.Key, wait time.Duration, run func()) {
	d := &s.deadlines
	if d.Fire == nil {
		d.Fire = func() { s.post(d.RunDue) }
	}
	d.After(key, wait, run)
}

// now is the session's clock: the scheduler's, so that what deadlines
// decide (a silence long enough) is decided by the time they run on.
func (s *session) now() time.Time { return s.deadlines.Now() }
