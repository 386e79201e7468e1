package server

import (
	"slices"
	"testing"
	"time"
)

// The scheduler runs what is due, earliest first, on the loop; setting a
// key again moves its deadline; a cancelled one never runs; what is not due
// waits, behind one timer set for the earliest.
func TestDeadlines(t *testing.T) {
	base := time.Unix(1000, 0)
	now := base
	fired := 0
	d := &deadlines{now: func() time.Time { return now }, fire: func() { fired++ }}
	var ran []string
	at := func(sec int) time.Time { return base.Add(time.Duration(sec) * time.Second) }
	d.set(deadlineKey{dlMessage, 1}, at(3), func() { ran = append(ran, "message 1") })
	d.set(deadlineKey{dlFrame, 1}, at(1), func() { ran = append(ran, "frame 1") })
	d.set(deadlineKey{dlFrame, 2}, at(2), func() { ran = append(ran, "frame 2") })
	d.set(deadlineKey{dlFrame, 2}, at(5), func() { ran = append(ran, "frame 2, moved") })
	d.set(deadlineKey{dlIdle, 1}, at(2), func() { ran = append(ran, "idle") })
	d.cancel(deadlineKey{dlIdle, 1})
	if !d.armed.Equal(at(1)) {
		t.Fatalf("the timer is set for %v, want the earliest, %v", d.armed, at(1))
	}
	now = at(3)
	d.runDue()
	if want := []string{"frame 1", "message 1"}; !slices.Equal(ran, want) {
		t.Fatalf("ran %q, want %q", ran, want)
	}
	if !d.armed.Equal(at(5)) || !d.pending(deadlineKey{dlFrame, 2}) {
		t.Fatalf("after the due ones: armed for %v, frame 2 pending %v", d.armed, d.pending(deadlineKey{dlFrame, 2}))
	}
	// A deadline set while the due ones run (work that sets itself again)
	// waits for its own time.
	d.set(deadlineKey{dlSilence, 7}, at(4), func() {
		ran = append(ran, "silence")
		d.set(deadlineKey{dlSilence, 7}, at(9), func() { ran = append(ran, "silence again") })
	})
	now = at(6)
	d.runDue()
	if want := []string{"frame 1", "message 1", "silence", "frame 2, moved"}; !slices.Equal(ran, want) {
		t.Fatalf("ran %q, want %q", ran, want)
	}
	if !d.armed.Equal(at(9)) {
		t.Fatalf("armed for %v, want %v", d.armed, at(9))
	}
	d.timer.Stop()
}

// A deadline's run is the loop's: the timer only posts.
func TestDeadlineRunsOnTheLoop(t *testing.T) {
	s := &session{events: make(chan func(), 4)}
	s.after(deadlineKey{dlFrame, 1}, time.Millisecond, func() { s.done = true })
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
