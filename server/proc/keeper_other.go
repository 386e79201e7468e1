//go:build !linux

package proc

import (
	"errors"
	"log"
)

// ErrNoLiveUpgrade: a live upgrade's keeper watches the new server through
// a pidfd and runs the old binary from a memfd, which only Linux has.
var ErrNoLiveUpgrade = errors.New("live upgrade needs Linux (pidfds and memfds); restart the session to run a new gmux")

// StartKeeper cannot start a keeper here.
func StartKeeper([]int, int, int, string) (int, error) { return 0, ErrNoLiveUpgrade }

// Keep is never asked for here.
func Keep(int, string, int, int, *log.Logger) error { return ErrNoLiveUpgrade }

// ReleaseKeeper has nothing to release here.
func ReleaseKeeper(int) {}
