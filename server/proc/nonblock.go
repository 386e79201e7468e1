package proc

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

// NowWriter writes what a non-blocking descriptor takes of b at once and
// returns how much that was; it never waits. The loop tries it before handing
// bytes to a writer goroutine: the descriptor nearly always has room, and
// each hand-off wakes another thread, which on a keystroke's echo costs more
// than the write itself. Errors are left for the writer to meet and report.
// Each client and window has one, used by the loop alone, with its callback
// bound once: a closure per write was an allocation per keystroke and echo.
type NowWriter struct {
	b    []byte
	n    int
	step func(fd uintptr)
}

func (w *NowWriter) Write(rc syscall.RawConn, b []byte) int {
	if w.step == nil {
		w.step = w.try
	}
	w.b, w.n = b, 0
	_ = rc.Control(w.step)
	w.b = nil // not kept: the caller's buffer
	return w.n
}

func (w *NowWriter) try(fd uintptr) {
	for w.n < len(w.b) {
		m, _, errno := syscall.RawSyscall(syscall.SYS_WRITE, fd, uintptr(unsafe.Pointer(&w.b[w.n])), uintptr(len(w.b)-w.n))
		if errno == syscall.EINTR {
			continue
		}
		if errno != 0 || m == 0 {
			return
		}
		w.n += int(m)
	}
}

// RawReader reads a non-blocking descriptor, waiting in Go's poller while
// there is nothing to read. One is made per reading goroutine, with its
// callback bound once: a read allocates nothing (a closure per read would,
// on every keystroke and every chunk of output).
type RawReader struct {
	rc syscall.RawConn
	// get gives the buffer once there is something to read; put, if not
	// nil, takes it back while there is not: a reader that waits (an idle
	// window's, most of the time) then holds no buffer.
	get   func() []byte
	put   func()
	n     uintptr
	errno syscall.Errno
	step  func(fd uintptr) bool // r.tryRead
}

func NewRawReader(rc syscall.RawConn, get func() []byte, put func()) *RawReader {
	r := &RawReader{rc: rc, get: get, put: put}
	r.step = r.tryRead
	return r
}

// read reads once. End of file is io.EOF; a deadline or a close of the
// file while waiting is returned as the poller reports it.
func (r *RawReader) Read() (int, error) {
	r.n, r.errno = 0, 0
	err := r.rc.Read(r.step)
	switch {
	case err != nil:
		return 0, err
	case r.errno != 0:
		return 0, r.errno
	case r.n == 0:
		return 0, io.EOF
	}
	return int(r.n), nil
}

// tryRead is the poller's callback: false means nothing to read yet.
func (r *RawReader) tryRead(fd uintptr) bool {
	b := r.get()
	for {
		r.n, _, r.errno = syscall.RawSyscall(syscall.SYS_READ, fd, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
		if r.errno == syscall.EAGAIN {
			if r.put != nil {
				r.put()
			}
			return false // wait in the poller, then call again
		}
		if r.errno != syscall.EINTR {
			return true
		}
	}
}

// RawConn returns the descriptor access of an open file or connection (it
// fails only for a closed one, which is never passed here).
func RawConn(f interface {
	SyscallConn() (syscall.RawConn, error)
}) syscall.RawConn {
	rc, _ := f.SyscallConn()
	return rc
}
