package server

import (
	"testing"
	"time"

	"github.com/gmux/gmux/server/sched"
)

// A deadline's run is the loop's: the timer only posts.
func TestDeadlineRunsOnTheLoop(t *testing.T) {
	s := &session{events: make(chan func(), 4)}
	s.after(sched.Key{Kind: sched.Frame, ID: 1}, time.Millisecond, func() { s.done = true })
	select {
	case f := <-s.events:
		f() // the loop's turn
	case <-time.After(5 * time.Second):
		t.Fatal("the deadline never reached the loop")
	}
	if !s.done {
		t.Fatal("the loop's turn did not run the deadline")
	}
}
