package proc

import (
	"os"
	"syscall"

	"github.com/gmux/gmux/proto/quietfd"
	"golang.org/x/sys/unix"
)

// Pollable returns the PTY master as a non-blocking file served by Go's
// network poller, for input and for room only while a write waits
// (proto/quietfd), and closes the one it was given.
//
// creack/pty opens the master through os.OpenFile but then calls Fd() for its
// ioctls, which switches the file to blocking mode for good. A blocking read
// parks a whole thread in the kernel; when the program's output wakes it, the
// goroutine must win a processor back before it can hand the bytes to the
// session loop, and on a busy two-core machine that hand-off cost ~50 µs of
// every keystroke's echo. Through the poller the reader runs on the thread
// that noticed the output, and the loop runs right after it on the same one.
func Pollable(f *os.File) (*quietfd.File, error) {
	fd, err := unix.Dup(int(f.Fd()))
	if err != nil {
		return nil, err
	}
	f.Close()
	return quietfd.New(fd, "/dev/ptmx")
}

// SetWinsize sets the terminal size of a PTY without Fd(), which would put it
// back into blocking mode (see Pollable).
func SetWinsize(f interface {
	SyscallConn() (syscall.RawConn, error)
}, cols, rows int) error {
	raw, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var ioctlErr error
	err = raw.Control(func(fd uintptr) {
		ioctlErr = unix.IoctlSetWinsize(int(fd), unix.TIOCSWINSZ, &unix.Winsize{Col: uint16(cols), Row: uint16(rows)})
	})
	if err != nil {
		return err
	}
	return ioctlErr
}
