//go:build linux && !portable

package proc

import (
	"os"

	"golang.org/x/sys/unix"
)

// reapPolled waits for pid through a pidfd in Go's poller; ok is false when
// no pidfd could be had.
func reapPolled(pid int) (ws unix.WaitStatus, err error, ok bool) {
	fd, err := unix.PidfdOpen(pid, unix.PIDFD_NONBLOCK)
	if err != nil {
		return ws, nil, false
	}
	f := os.NewFile(uintptr(fd), "pidfd")
	defer f.Close()
	rc, err := f.SyscallConn()
	if err != nil {
		return ws, nil, false
	}
	var waitErr error
	err = rc.Read(func(pidfd uintptr) bool {
		for {
			var got int
			got, waitErr = unix.Wait4(pid, &ws, unix.WNOHANG, nil)
			switch {
			case waitErr == unix.EINTR:
				continue
			case waitErr == unix.ECHILD && !ended(int(pidfd), 0):
				// Not our child (a keeper took the session over: its
				// programs are init's now): it ends when its pidfd says so,
				// with a status only its parent sees.
				return false
			case waitErr == unix.ECHILD:
				waitErr = ErrNotChild
				return true
			case waitErr != nil, got == pid:
				return true
			}
			return false // still running: wait until the pidfd says it ended
		}
	})
	if err != nil {
		// The poller refused the pidfd: wait the old way.
		return ws, nil, false
	}
	return ws, waitErr, true
}

// WaitProgram is cmd.Wait for a program the server started with os/exec
// (a backtick, an exec filter, a display program), through the poller as
// Reap is: cmd.Wait's waitid blocks, and holds an OS thread for as long as
// the program runs (a persistent backtick: the session's life), which the
// server must never need (threads.go). Pipes cmd.Wait would close are the
