//go:build linux && !portable

package link

import (
	"fmt"
	"strconv"

	"github.com/gmux/gmux/proto/quietfd"
	"golang.org/x/sys/unix"
)

// OpenTerminal opens the terminal behind a passed descriptor afresh. The
// new open file description is the server's own: making it non-blocking (so
// Go's poller serves it, with no thread parked in read) does not make the
// login shell's descriptor non-blocking too.
func OpenTerminal(fd int) (*quietfd.File, error) {
	if _, err := unix.IoctlGetTermios(fd, unix.TCGETS); err != nil {
		return nil, fmt.Errorf("passed descriptor is not a terminal: %w", err)
	}
	nfd, err := unix.Open("/proc/self/fd/"+strconv.Itoa(fd), unix.O_RDWR|unix.O_NOCTTY|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("open the client's terminal: %w", err)
	}
	t, err := quietfd.New(nfd, "client terminal")
	if err != nil {
		return nil, fmt.Errorf("open the client's terminal: %w", err)
	}
	return t, nil
}
