//go:build !linux || portable

package proc

import "golang.org/x/sys/unix"

// reapPolled has no pidfd to wait on here: Reap waits the blocking way,
// with an OS thread held for the program's life (the BSDs' and macOS's
// kqueue could watch a process too: not done yet).
func reapPolled(int) (ws unix.WaitStatus, err error, ok bool) { return ws, nil, false }
