//go:build !linux || portable

package link

import (
	"errors"

	"github.com/gmux/gmux/proto/quietfd"
)

// OpenTerminal would open the passed terminal afresh, as a private open
// file description the server may make non-blocking; Linux does that
// through /proc/self/fd, and other systems have no such path. The client's
// terminal is then relayed in its frames instead (the server says so in its
// log), as for a client that cannot pass it: correct, a process wake-up
// more per echo.
func OpenTerminal(int) (*quietfd.File, error) {
	return nil, errors.New("a passed terminal is opened afresh only on Linux: relayed instead")
}
