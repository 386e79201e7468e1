package client

import (
	"runtime"
	"testing"
)

func TestOneProcessorAndBack(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	saved := allProcessors
	t.Cleanup(func() { runtime.GOMAXPROCS(before); allProcessors = saved })

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
	before := runtime.GOMAXPROCS(0)
	saved := allProcessors
	t.Cleanup(func() { runtime.GOMAXPROCS(before); allProcessors = saved })

	t.Setenv("GOMAXPROCS", "2")
	OneProcessor()
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Fatalf("with GOMAXPROCS set by the user: GOMAXPROCS %d, want it left at %d", got, before)
	}
}
