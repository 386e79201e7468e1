package server

import (
	"errors"
	"fmt"
	"net"
	"os"
	"sync/atomic"
	"time"
)

// A live upgrade hands the session to another binary. First every goroutine
// that moves bytes between a descriptor and the loop is stopped at a point
// where nothing is half done: readers of programs, clients and terminals, the
// writers to programs and clients, and the listener. Each is woken by a
// deadline (or by the freeze channel where it waits for something else) and
// parks; what it had read and not handed on, or had to write and not
// written, stays where the loop can take it for the state (a client's
// frame reader keeps a cut frame; a writer puts back what it did not
// write). Only a failed hand-over lifts the freeze: a successful one
// replaces the process.

// freeze is a hand-over in progress.
type freeze struct {
	resume chan struct{} // closed when the freeze is lifted
}

// parked marks a goroutine stopped by a freeze.
type parked = atomic.Bool

// frozen returns a channel that is closed when a freeze starts: for
// goroutines that wait on something other than a descriptor.
func (s *session) frozen() <-chan struct{} { return *s.freezeCh.Load() }

// parkIfFrozen stops the calling goroutine while a freeze is on, with flag
// set, and returns true once the freeze is lifted; without a freeze it
// returns false at once (the deadline or wake-up was not the freeze's).
func (s *session) parkIfFrozen(flag *parked) bool {
	f := s.frz.Load()
	if f == nil {
		return false
	}
	flag.Store(true)
	<-f.resume
	flag.Store(false)
	return true
}

// startFreeze stops the goroutines; it runs on the loop.
func (s *session) startFreeze() {
	s.frz.Store(&freeze{resume: make(chan struct{})})
	close(*s.freezeCh.Load())
	now := time.Now()
	if ul, ok := s.ln.(*net.UnixListener); ok {
		ul.SetDeadline(now)
	}
	for _, w := range s.windows {
		if w.pty != nil {
			w.pty.SetReadDeadline(now)
			w.pty.SetWriteDeadline(now)
		}
		w.in.interrupt()
	}
	for c := range s.clients {
		c.conn.SetReadDeadline(now)
		c.conn.SetWriteDeadline(now)
		if c.tty != nil {
			c.tty.SetReadDeadline(now)
			c.tty.SetWriteDeadline(now)
		}
		c.giveCredit() // a reader waiting for credit reads on, into the deadline
	}
}

// settled reports whether every goroutine has parked or ended.
func (s *session) settled() bool {
	if !s.acceptParked.Load() {
		return false
	}
	for _, w := range s.windows {
		if !w.readParked.Load() && !isClosed(w.done) {
			return false
		}
		if !w.writeParked.Load() && !isClosed(w.writerDone) {
			return false
		}
	}
	for c := range s.clients {
		if c.gone {
			continue
		}
		if c.busy || !c.readParked.Load() {
			return false
		}
		if c.tty != nil && !c.ttyParked.Load() {
			return false
		}
	}
	return true
}

func isClosed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
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
			s.after(deadlineKey{kind: dlSettle}, time.Millisecond, check)
		}
	}
	s.queue(check)
}

// liftFreeze lets every goroutine go on, as if nothing had happened; it
// runs on the loop.
func (s *session) liftFreeze() {
	f := s.frz.Load()
	if f == nil {
		return
	}
	ch := make(chan struct{})
	s.freezeCh.Store(&ch)
	if ul, ok := s.ln.(*net.UnixListener); ok {
		ul.SetDeadline(time.Time{})
	}
	for _, w := range s.windows {
		if w.pty != nil {
			w.pty.SetReadDeadline(time.Time{})
			w.pty.SetWriteDeadline(time.Time{})
		}
	}
	for c := range s.clients {
		c.conn.SetReadDeadline(time.Time{}) // a heartbeat client's reader sets its own again
		c.conn.SetWriteDeadline(time.Time{})
		if c.tty != nil {
			c.tty.SetWriteDeadline(time.Time{})
			if c.attached && !c.suspended {
				c.tty.SetReadDeadline(time.Time{}) // else it stays paused (suspend.go)
			}
		}
	}
	s.frz.Store(nil)
	close(f.resume)
	for c := range s.clients {
		s.flush(c)
	}
}

// stoppedByFreeze reports whether err is a freeze's deadline.
func (s *session) stoppedByFreeze(err error) bool {
	return s.frz.Load() != nil && errors.Is(err, os.ErrDeadlineExceeded)
}
