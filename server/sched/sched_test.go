package sched

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
	d := &Scheduler{Clock: func() time.Time { return now }, Fire: func() { fired++ }}
	var ran []string
	at := func(sec int) time.Time { return base.Add(time.Duration(sec) * time.Second) }
	d.Set(Key{Kind: Message, ID: 1}, at(3), func() { ran = append(ran, "message 1") })
	d.Set(Key{Kind: Frame, ID: 1}, at(1), func() { ran = append(ran, "frame 1") })
	d.Set(Key{Kind: Frame, ID: 2}, at(2), func() { ran = append(ran, "frame 2") })
	d.Set(Key{Kind: Frame, ID: 2}, at(5), func() { ran = append(ran, "frame 2, moved") })
	d.Set(Key{Kind: Idle, ID: 1}, at(2), func() { ran = append(ran, "idle") })
	d.Cancel(Key{Kind: Idle, ID: 1})
	if !d.armed.Equal(at(1)) {
		t.Fatalf("the timer is set for %v, want the earliest, %v", d.armed, at(1))
	}
	now = at(3)
	d.RunDue()
	if want := []string{"frame 1", "message 1"}; !slices.Equal(ran, want) {
		t.Fatalf("ran %q, want %q", ran, want)
	}
	if !d.armed.Equal(at(5)) || !d.Pending(Key{Kind: Frame, ID: 2}) {
		t.Fatalf("after the due ones: armed for %v, frame 2 pending %v", d.armed, d.Pending(Key{Kind: Frame, ID: 2}))
	}
	// A deadline set while the due ones run (work that sets itself again)
	// waits for its own time.
	d.Set(Key{Kind: Silence, ID: 7}, at(4), func() {
		ran = append(ran, "silence")
		d.Set(Key{Kind: Silence, ID: 7}, at(9), func() { ran = append(ran, "silence again") })
	})
	now = at(6)
	d.RunDue()
	if want := []string{"frame 1", "message 1", "silence", "frame 2, moved"}; !slices.Equal(ran, want) {
		t.Fatalf("ran %q, want %q", ran, want)
	}
	if !d.armed.Equal(at(9)) {
		t.Fatalf("armed for %v, want %v", d.armed, at(9))
	}
	d.Stop()
}
