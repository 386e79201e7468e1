package server

import (
	"io"
	"syscall"
	"unsafe"
)

// Reads and writes of PTYs and client terminals on the echo path are made
// here, on non-blocking descriptors, with raw system calls. A Go system call
// tells the scheduler it may block, and when the process was idle that wakes
// the runtime's monitor thread (sysmon) first: a futex wake-up at the start
// of every keystroke's echo, measured at ~10 µs of it on a two-core machine,
// and an extra thread competing for the CPUs with the programs. A raw call on
// a non-blocking descriptor cannot block, so the scheduler need not know.

// writeNow writes what a non-blocking descriptor takes of b at once and
// returns how much that was; it never waits. The loop tries it before handing
// bytes to a writer goroutine: the descriptor nearly always has room, and
// each hand-off wakes another thread, which on a keystroke's echo costs more
// than the write itself. Errors are left for the writer to meet and report.
func writeNow(rc syscall.RawConn, b []byte) int {
	n := 0
	_ = rc.Control(func(fd uintptr) {
		for n < len(b) {
			m, _, errno := syscall.RawSyscall(syscall.SYS_WRITE, fd, uintptr(unsafe.Pointer(&b[n])), uintptr(len(b)-n))
			if errno == syscall.EINTR {
				continue
			}
			if errno != 0 || m == 0 {
				return
			}
			n += int(m)
		}
	})
	return n
}

// readRaw reads into b from a non-blocking descriptor, waiting in Go's
// poller while there is nothing to read. End of file is io.EOF; a deadline
// or a close of the file while waiting is returned as the poller reports it.
func readRaw(rc syscall.RawConn, b []byte) (int, error) {
	return readRawInto(rc, func() []byte { return b }, func() {})
}

// readRawInto is readRaw with the buffer taken by get only once there is
// something to read, and handed back with put while there is not: a reader
// that waits (an idle window's, most of the time) holds no buffer.
func readRawInto(rc syscall.RawConn, get func() []byte, put func()) (int, error) {
	var n uintptr
	var errno syscall.Errno
	err := rc.Read(func(fd uintptr) bool {
		b := get()
		for {
			n, _, errno = syscall.RawSyscall(syscall.SYS_READ, fd, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
			if errno == syscall.EAGAIN {
				put()
				return false // wait in the poller, then call again
			}
			if errno != syscall.EINTR {
				return true
			}
		}
	})
	switch {
	case err != nil:
		return 0, err
	case errno != 0:
		return 0, errno
	case n == 0:
		return 0, io.EOF
	}
	return int(n), nil
}

// rawConn returns the descriptor access of an open file or connection (it
// fails only for a closed one, which is never passed here).
func rawConn(f interface {
	SyscallConn() (syscall.RawConn, error)
}) syscall.RawConn {
	rc, _ := f.SyscallConn()
	return rc
}
