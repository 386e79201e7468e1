package server

import (
	"runtime/debug"
	"testing"
)

// The server paces its collector for a heap that is mostly history, unless
// the user set GOGC.
func TestCollectorPacing(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)

	t.Setenv("GOGC", "")
	tuneCollector()
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Fatalf("GC percent %d, want %d", got, gcPercent)
	}
	t.Setenv("GOGC", "200")
	tuneCollector()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("GOGC set by the user, yet the percent became %d", got)
	}
}
