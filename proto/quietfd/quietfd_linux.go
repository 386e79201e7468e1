//go:build linux && !portable

// The Linux build: two epoll instances of its own per descriptor (doc.go).

package quietfd

import (
	"errors"
	"io"
	"os"
	"sync"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// File is a non-blocking descriptor — a PTY master, a terminal, a pipe —
// read and written as an *os.File would be, with deadlines and a Close that
// ends waiting reads and writes.
type File struct {
	f *os.File // the descriptor: not in Go's poller; its Control keeps it open during a system call
	// in watches f for input (level-triggered) from its first read on; out
	// for room to write, with no events but while a write waits. Both are
	// in Go's poller.
	in, out        *os.File
	fRC, inRC, oRC syscall.RawConn
	raw            *rawConn

	rmu      sync.Mutex // one read at a time: readTry is its callback
	readTry  func(fd uintptr) bool
	readOK   bool
	readErr  error
	reading  bool               // in is watching: from the first read
	readStep func(uintptr) bool // f.stepRead, bound once: a read allocates nothing
	readCtl  func(fd uintptr)   // f.ctlRead, bound once

	wmu       sync.Mutex // one waiting write at a time
	writeTry  func(fd uintptr) bool
	writeOK   bool
	writeErr  error
	armed     bool
	writeStep func(uintptr) bool
	writeCtl  func(fd uintptr)
}

// New takes fd (it is closed with the File, or here on failure) and serves it
// quietly; name is what errors call it.
func New(fd int, name string) (*File, error) {
	// Blocking while os.NewFile looks, so that it does not hand the
	// descriptor to the poller; non-blocking after, for the system calls.
	if err := unix.SetNonblock(fd, false); err != nil {
		unix.Close(fd)
		return nil, err
	}
	unix.CloseOnExec(fd)
	q := &File{f: os.NewFile(uintptr(fd), name)}
	if err := unix.SetNonblock(fd, true); err != nil {
		q.f.Close()
		return nil, err
	}
	var err error
	if q.in, err = watcher(fd, 0, name); err == nil {
		q.out, err = watcher(fd, 0, name)
	}
	if err == nil {
		q.fRC, err = q.f.SyscallConn()
	}
	if err == nil {
		q.inRC, err = q.in.SyscallConn()
	}
	if err == nil {
		q.oRC, err = q.out.SyscallConn()
	}
	if err != nil {
		q.Close()
		return nil, err
	}
	q.raw = &rawConn{q}
	q.readStep, q.readCtl = q.stepRead, q.ctlRead
	q.writeStep, q.writeCtl = q.stepWrite, q.ctlWrite
	return q, nil
}

// watcher is an epoll instance watching fd for events, in Go's poller.
func watcher(fd int, events uint32, name string) (*os.File, error) {
	ep, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, err
	}
	if err := unix.EpollCtl(ep, unix.EPOLL_CTL_ADD, fd, &unix.EpollEvent{Events: events, Fd: int32(fd)}); err != nil {
		unix.Close(ep)
		return nil, err
	}
	if err := unix.SetNonblock(ep, true); err != nil {
		unix.Close(ep)
		return nil, err
	}
	return os.NewFile(uintptr(ep), name+" (poll)"), nil // non-blocking: NewFile puts it in the poller
}

// Close ends waiting reads and writes (they return the poller's error for a
// closed file) and closes the descriptor once no system call is using it.
func (q *File) Close() error {
	var errs []error
	for _, f := range []*os.File{q.in, q.out, q.f} {
		if f != nil {
			errs = append(errs, f.Close())
		}
	}
	return errors.Join(errs...)
}

// Fd is the descriptor's number, for ioctls and passing it on; its
// non-blocking mode is left as it is.
func (q *File) Fd() uintptr { return q.f.Fd() }

// Name is the name given to New.
func (q *File) Name() string { return q.f.Name() }

// SetReadDeadline bounds reads as os.File's does (os.ErrDeadlineExceeded).
func (q *File) SetReadDeadline(t time.Time) error { return q.in.SetReadDeadline(t) }

// SetWriteDeadline bounds a write's wait for room.
func (q *File) SetWriteDeadline(t time.Time) error { return q.out.SetReadDeadline(t) }

// SetDeadline sets both.
func (q *File) SetDeadline(t time.Time) error {
	return errors.Join(q.SetReadDeadline(t), q.SetWriteDeadline(t))
}

// SyscallConn gives the descriptor to callbacks as os.File's does: Control
// runs one with the descriptor held open, Read and Write call theirs until
// it returns true, waiting for input or room between calls.
func (q *File) SyscallConn() (syscall.RawConn, error) { return q.raw, nil }

type rawConn struct{ q *File }

func (c *rawConn) Control(f func(fd uintptr)) error    { return c.q.fRC.Control(f) }
func (c *rawConn) Read(f func(fd uintptr) bool) error  { return c.q.waitRead(f) }
func (c *rawConn) Write(f func(fd uintptr) bool) error { return c.q.waitWrite(f) }

func (q *File) ctlRead(fd uintptr)  { q.readOK = q.readTry(fd) }
func (q *File) ctlWrite(fd uintptr) { q.writeOK = q.writeTry(fd) }

// stepRead is the input watch's callback: it calls the read's own with the
// descriptor held open.
func (q *File) stepRead(uintptr) bool {
	if err := q.fRC.Control(q.readCtl); err != nil {
		q.readErr = err
		return true
	}
	return q.readOK
}

// stepWrite is the output watch's: the write's callback, then, if it must
// wait, the watch armed.
func (q *File) stepWrite(uintptr) bool {
	if err := q.fRC.Control(q.writeCtl); err != nil {
		q.writeErr = err
		return true
	}
	return q.writeOK || q.arm()
}

// waitRead calls try with the descriptor until it returns true, waiting for
// input whenever it returns false. The poller's readiness is reset before
// the first call, not between a call and its wait, so input that comes
// between the two is not missed.
func (q *File) waitRead(try func(fd uintptr) bool) error {
	q.rmu.Lock()
	defer q.rmu.Unlock()
	if !q.reading {
		// Watched for input from the first read on: a File only written
		// (one end of a socket read through another) is then woken by
		// nothing but a wait for room.
		if err := q.watch(q.inRC, unix.EPOLLIN|unix.EPOLLRDHUP); err != nil {
			return err
		}
		q.reading = true
	}
	q.readTry, q.readErr = try, nil
	err := q.inRC.Read(q.readStep)
	q.readTry = nil
	if err == nil {
		err = q.readErr
	}
	return err
}

// waitWrite calls try until it returns true, waiting for room whenever it
// returns false; the output watch is armed for the wait and disarmed after.
func (q *File) waitWrite(try func(fd uintptr) bool) error {
	q.wmu.Lock()
	defer q.wmu.Unlock()
	q.writeTry, q.writeErr = try, nil
	err := q.oRC.Read(q.writeStep)
	q.writeTry = nil
	if q.armed {
		q.armed = false
		q.watch(q.oRC, 0)
	}
	if err == nil {
		err = q.writeErr
	}
	return err
}

// arm asks out to report room to write; false means wait for it (true: the
// arming failed, and waitWrite returns that error).
func (q *File) arm() bool {
	if q.armed {
		return false
	}
	if err := q.watch(q.oRC, unix.EPOLLOUT); err != nil {
		q.writeErr = err
		return true
	}
	q.armed = true // epoll checks at once: room there already wakes the wait
	return false
}

// watch sets the events the watcher w (in's or out's) waits for.
func (q *File) watch(w syscall.RawConn, events uint32) (err error) {
	cerr := w.Control(func(ep uintptr) {
		cerr := q.fRC.Control(func(fd uintptr) {
			err = unix.EpollCtl(int(ep), unix.EPOLL_CTL_MOD, int(fd), &unix.EpollEvent{Events: events, Fd: int32(fd)})
		})
		if err == nil {
			err = cerr
		}
	})
	if err == nil {
		err = cerr
	}
	return err
}

// Read reads once, waiting for input; at end of file it returns io.EOF.
func (q *File) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	var n int
	var rerr error
	err := q.waitRead(func(fd uintptr) bool {
		var again bool
		n, again, rerr = q.call("read", syscall.SYS_READ, fd, b)
		return !again
	})
	if err == nil {
		err = rerr
	}
	if n == 0 && err == nil {
		err = io.EOF
	}
	return n, err
}

// Write writes all of b, waiting for room as needed.
func (q *File) Write(b []byte) (int, error) {
	n := 0
	var werr error
	err := q.waitWrite(func(fd uintptr) bool {
		for n < len(b) {
			m, again, err := q.call("write", syscall.SYS_WRITE, fd, b[n:])
			if again {
				return false
			}
			if err != nil {
				werr = err
				return true
			}
			n += m
		}
		return true
	})
	if err == nil {
		err = werr
	}
	return n, err
}

// call makes one read or write (trap) of b on fd, again after a signal;
// again reports that fd has nothing or no room now (wait, then call again).
func (q *File) call(op string, trap, fd uintptr, b []byte) (n int, again bool, err error) {
	for {
		m, _, errno := syscall.Syscall(trap, fd, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
		switch errno {
		case 0:
			return int(m), false, nil
		case syscall.EINTR:
			continue
		case syscall.EAGAIN:
			return 0, true, nil
		}
		return 0, false, &os.PathError{Op: op, Path: q.Name(), Err: errno}
	}
}
