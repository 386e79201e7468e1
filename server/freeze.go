package server

import (
	"fmt"
	"net"
	"time"

	"github.com/gmux/gmux/server/sched"
)

// A live upgrade hands the session to another binary. First every goroutine
// that moves bytes between a descriptor and the loop is stopped (server/park
// says how); here the session sets the deadlines that wake them, knows when
// all have parked, and lets them go on after a failed hand-over.

// startFreeze stops the goroutines; it runs on the loop.
func (s *session) startFreeze() {
	s.frz.Start()
	now := time.Now()
	if ul, ok := s.ln.(*net.UnixListener); ok {
		ul.SetDeadline(now)
	}
	for _, w := range s.windows {
		if w.PTY != nil {
			w.PTY.SetReadDeadline(now)
			w.PTY.SetWriteDeadline(now)
		}
		w.Input.Interrupt()
	}
	for c := range s.clients {
		c.Conn.SetReadDeadline(now)
		c.Conn.SetWriteDeadline(now)
		if c.TTY != nil {
			c.TTY.SetReadDeadline(now)
			c.TTY.SetWriteDeadline(now)
		}
		c.GiveCredit() // a reader waiting for credit reads on, into the deadline
	}
}

// settled reports whether every goroutine has parked or ended.
func (s *session) settled() bool {
	if !s.acceptParked.Load() {
		return false
	}
	for _, w := range s.windows {
		if !w.AtRest() {
			return false
		}
	}
	for c := range s.clients {
		if c.Gone {
			continue
		}
		if c.Busy() || !c.ReadParked.Load() {
			return false
		}
		if c.TTY != nil && !c.TTYParked.Load() {
			return false
		}
	}
	return true
}

// awaitSettled calls then on the loop once every goroutine has parked, or
// with an error after limit.
func (s *session) awaitSettled(limit time.Duration, then func(error)) {
	deadline := time.Now().Add(limit)
	var check func()
	check = func() {
		switch {
		case s.settled():
			then(nil)
		case time.Now().After(deadline):
			then(fmt.Errorf("the session did not come to rest within %v", limit))
		default:
			s.after(sched.Key{Kind: sched.Settle}, time.Millisecond, check)
		}
	}
	s.queue(check)
}

// liftFreeze lets every goroutine go on, as if nothing had happened; it
// runs on the loop.
func (s *session) liftFreeze() {
	if !s.frz.On() {
		return
	}
	if ul, ok := s.ln.(*net.UnixListener); ok {
		ul.SetDeadline(time.Time{})
	}
	for _, w := range s.windows {
		if w.PTY != nil {
			w.PTY.SetReadDeadline(time.Time{})
			w.PTY.SetWriteDeadline(time.Time{})
		}
	}
	for c := range s.clients {
		c.Conn.SetReadDeadline(time.Time{}) // a heartbeat client's reader sets its own again
		c.Conn.SetWriteDeadline(time.Time{})
		if c.TTY != nil {
			c.TTY.SetWriteDeadline(time.Time{})
			if c.attached && !c.suspended {
				c.TTY.SetReadDeadline(time.Time{}) // else it stays paused (suspend.go)
			}
		}
	}
	s.frz.Lift()
	for c := range s.clients {
		c.Flush()
	}
}
