package proc

import (
	"errors"
	"fmt"
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
