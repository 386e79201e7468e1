package server

import (
	"testing"
	"time"
)

// testClock is a session's clock moved by a test: time passes when the test
// says, and the deadlines due by then run, as the loop would run them.
type testClock struct {
	s   *session
	now time.Time
}

// fakeClock puts s on a test's clock.
func fakeClock(t *testing.T, s *session) *testClock {
	c := &testClock{s: s, now: time.Unix(1700000000, 0)}
	s.deadlines.Clock = func() time.Time { return c.now }
	t.Cleanup(s.deadlines.Stop)
	return c
}

// pass moves the clock by d and runs what is due.
func (c *testClock) pass(d time.Duration) {
	c.now = c.now.Add(d)
	c.s.deadlines.RunDue()
}

// read is the clock's time, as a func for what takes one.
func (c *testClock) read() time.Time { return c.now }
