package server

import (
	"os"
	"runtime"
	"testing"
	"time"
)

// A flood widens the session to every CPU; once output is light again it
// narrows back to one, and then no timer is left running.
func TestProcessorsFollowOutput(t *testing.T) {
	all := runtime.GOMAXPROCS(0)
	if all < 2 || os.Getenv("GOMAXPROCS") != "" {
		t.Skip("needs two CPUs and GOMAXPROCS unset")
	}
	defer runtime.GOMAXPROCS(all)
	s := &session{events: make(chan func(), 16)}
	s.procs = newProcessors(s.after, s.now)
	go s.run()
	defer s.post(func() { s.done = true })
	procs := func() int {
		got := make(chan int)
		s.post(func() { got <- runtime.GOMAXPROCS(0) })
		return <-got
	}
	if n := procs(); n != 1 {
		t.Fatalf("GOMAXPROCS %d at the start, want 1", n)
	}
	s.post(func() { s.procs.noteOutput(100) })
	if n := procs(); n != 1 {
		t.Fatalf("GOMAXPROCS %d after a little output, want 1", n)
	}
	for range 8 {
		s.post(func() { s.procs.noteOutput(64 << 10) })
	}
	if n := procs(); n != all {
		t.Fatalf("GOMAXPROCS %d during a flood, want %d", n, all)
	}
	deadline := time.Now().Add(5 * time.Second)
	for procs() != 1 {
		if time.Now().After(deadline) {
			t.Fatal("still wide long after the flood")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
