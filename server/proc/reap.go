package proc

import (
	"errors"
	"fmt"
	"os"
	"os/exec"

	"golang.org/x/sys/unix"
)

// A window's program is reaped by PID (wait4), not with exec.Cmd.Wait,
// which only the process that started it can use: a server re-executed for
// a live upgrade must Reap the children it inherits. A blocking wait4 holds
// an OS thread for the program's whole life, with its stacks: ten windows,
// ten idle threads. So the wait goes through Go's poller instead: a pidfd
// becomes readable when its process ends, and only then is it reaped. A
// kernel without pidfds (before 5.3) or a sandbox that refuses them gets the
// blocking wait.

// ErrNotChild is the end of a program that is not the server's child: how
// it ended went to its parent.
var ErrNotChild = errors.New("ended (how, only its former parent knew: the session was taken back after a failed upgrade)")

// Reap waits for process pid, a child of this one, to end and reaps it.
func Reap(pid int) (unix.WaitStatus, error) {
	if ws, err, ok := reapPolled(pid); ok {
		return ws, err
	}
	var ws unix.WaitStatus
	for {
		_, err := unix.Wait4(pid, &ws, 0, nil)
		if err != unix.EINTR {
			return ws, err
		}
	}
}

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
// caller's to close. The error is as cmd.Wait's: nil for exit status 0.
func WaitProgram(cmd *exec.Cmd) error {
	ws, err := Reap(cmd.Process.Pid)
	_ = cmd.Process.Release() // its pidfd; the process is reaped
	switch {
	case err != nil:
		return err
	case ws.Signaled():
		return fmt.Errorf("signal: %v", ws.Signal())
	case ws.ExitStatus() != 0:
		return fmt.Errorf("exit status %d", ws.ExitStatus())
	}
	return nil
}
