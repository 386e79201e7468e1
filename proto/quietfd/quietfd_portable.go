//go:build !linux || portable

package quietfd

import (
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// File is a non-blocking descriptor — a PTY master, a terminal, a pipe —
// read and written as an *os.File would be, with deadlines and a Close that
// ends waiting reads and writes. Here it is in Go's own poller.
type File struct {
	f  *os.File
	fd uintptr // kept: os.File's Fd would make the descriptor blocking again
}

// New takes fd (it is closed with the File, or here on failure) and serves
// it; name is what errors call it.
func New(fd int, name string) (*File, error) {
	unix.CloseOnExec(fd)
	// Non-blocking before os.NewFile looks, so that it hands the
	// descriptor to Go's poller.
	if err := unix.SetNonblock(fd, true); err != nil {
		unix.Close(fd)
		return nil, err
	}
	return &File{f: os.NewFile(uintptr(fd), name), fd: uintptr(fd)}, nil
}

func (q *File) Close() error                       { return q.f.Close() }
func (q *File) Fd() uintptr                        { return q.fd }
func (q *File) Name() string                       { return q.f.Name() }
func (q *File) SetReadDeadline(t time.Time) error  { return q.f.SetReadDeadline(t) }
func (q *File) SetWriteDeadline(t time.Time) error { return q.f.SetWriteDeadline(t) }
func (q *File) SetDeadline(t time.Time) error      { return q.f.SetDeadline(t) }
func (q *File) Read(b []byte) (int, error)         { return q.f.Read(b) }
func (q *File) Write(b []byte) (int, error)        { return q.f.Write(b) }

// SyscallConn is the descriptor for system calls of one's own, waiting in
// Go's poller.
func (q *File) SyscallConn() (syscall.RawConn, error) { return q.f.SyscallConn() }
