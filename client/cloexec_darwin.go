package client

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// macOS has neither SOCK_CLOEXEC nor pipe2: the descriptors are made and
// marked close-on-exec under the fork lock, as Go's own net and os do there,
// so that no program started between the two inherits them.

func socketCloexec() (int, error) {
	syscall.ForkLock.RLock()
	defer syscall.ForkLock.RUnlock()
	fd, err := unix.Socket(unix.AF_UNIX, unix.SOCK_STREAM, 0)
	if err == nil {
		unix.CloseOnExec(fd)
	}
	return fd, err
}

func pipeCloexec(fds *[2]int) error {
	syscall.ForkLock.RLock()
	defer syscall.ForkLock.RUnlock()
	if err := unix.Pipe(fds[:]); err != nil {
		return err
	}
	unix.CloseOnExec(fds[0])
	unix.CloseOnExec(fds[1])
	return nil
}
