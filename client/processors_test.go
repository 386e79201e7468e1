package client

import (
	"runtime"
	"testing"
)

// keepProcessors puts GOMAXPROCS and allProcessors back after the test, and
// returns GOMAXPROCS as it was.
func keepProcessors(t *testing.T) int {
	before, saved := runtime.GOMAXPROCS(0), allProcessors
	t.Cleanup(func() { runtime.GOMAXPROCS(before); allProcessors = saved })
	return before
}

func TestOneProcessorAndBack(t *testing.T) {
	before := keepProcessors(t)
	t.Setenv("GOMAXPROCS", "")
	OneProcessor()
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Fatalf("after OneProcessor: GOMAXPROCS %d, want 1", got)
	}
	useAllProcessors()
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Fatalf("after useAllProcessors: GOMAXPROCS %d, want %d as before", got, before)
	}
}

func TestOneProcessorLeavesTheUsersSetting(t *testing.T) {
	before := keepProcessors(t)
	t.Setenv("GOMAXPROCS", "2")
	OneProcessor()
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Fatalf("with GOMAXPROCS set by the user: GOMAXPROCS %d, want it left at %d", got, before)
	}
}
