//go:build !linux

package server

import (
	"time"

	"github.com/gmux/gmux/server/proc"
)

// execWithState cannot exec in place here: the state's memfd, the running
// binary by /proc/self/exe and the keeper are Linux's.
func (s *session) execWithState(string, string, *client, time.Time) error {
	return proc.ErrNoLiveUpgrade
}
