package park

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestParkWaitsForTheFreezeToLift(t *testing.T) {
	var f Freeze
	var flag Flag
	if f.Park(&flag) {
		t.Fatal("Park without a freeze must return false at once")
	}
	if f.Stopped(os.ErrDeadlineExceeded) {
		t.Fatal("a deadline without a freeze is not the freeze's")
	}
	frozen := f.Frozen()
	f.Start()
	select {
	case <-frozen:
	default:
		t.Fatal("Start must close the channel Frozen gave")
	}
	if !f.Stopped(fmt.Errorf("read: %w", os.ErrDeadlineExceeded)) || f.Stopped(os.ErrClosed) {
		t.Fatal("during a freeze, its deadline (and only it) is Stopped")
	}
	back := make(chan bool)
	go func() { back <- f.Park(&flag) }()
	deadline := time.Now().Add(5 * time.Second)
	for !flag.Load() {
		if time.Now().After(deadline) {
			t.Fatal("the goroutine never parked")
		}
		time.Sleep(time.Millisecond)
	}
	select {
	case <-back:
		t.Fatal("Park returned during the freeze")
	default:
	}
	f.Lift()
	if !<-back {
		t.Fatal("Park must return true once the freeze is lifted")
	}
	if flag.Load() {
		t.Fatal("the flag must be cleared when the goroutine goes on")
	}
	select {
	case <-f.Frozen():
		t.Fatal("after Lift, Frozen must give a new, open channel")
	default:
	}
	f.Lift() // no freeze: nothing happens
}
