package client

import (
	"os"

	"golang.org/x/sys/unix"
)

// sessionConn is a connection to a session's socket: a connected Unix socket
// as an *os.File, which reads, writes and keeps deadlines through Go's
// poller as a net.UnixConn does. Not package net: the client is a fresh
// process at every attach, -X and -ls, and net's initialisation (net/netip's
// with it) is ~0.5 ms of its start on a two-core VM (a hello world that
// imports net against one that does not, perf stat -r 200).
type sessionConn struct {
	*os.File
}

// dial connects to a session's socket.
func dial(path string) (*sessionConn, error) {
	fd, err := socketCloexec()
	if err != nil {
		return nil, os.NewSyscallError("socket", err)
	}
	for {
		// Blocking, as net's dial without a deadline: it waits while the
		// server's backlog is full.
		err = unix.Connect(fd, &unix.SockaddrUnix{Name: path})
		if err != unix.EINTR {
			break
		}
	}
	if err == nil {
		err = unix.SetNonblock(fd, true)
	}
	if err != nil {
		unix.Close(fd)
		return nil, &os.PathError{Op: "connect", Path: path, Err: err}
	}
	// Non-blocking: NewFile hands it to the poller.
	return &sessionConn{os.NewFile(uintptr(fd), path)}, nil
}

// writeWithRights writes b with the descriptors in rights (unix.UnixRights)
// passed alongside, waiting for room within the write deadline.
func (c *sessionConn) writeWithRights(b, rights []byte) error {
	rc, err := c.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	werr := rc.Write(func(fd uintptr) bool {
		for len(b) > 0 {
			n, err := unix.SendmsgN(int(fd), b, rights, nil, unix.MSG_NOSIGNAL)
			switch err {
			case unix.EINTR:
				continue
			case unix.EAGAIN:
				return false
			case nil:
				b, rights = b[n:], nil // the descriptors went with the first byte
			default:
				serr = os.NewSyscallError("sendmsg", err)
				return true
			}
		}
		return true
	})
	if werr != nil {
		return werr
	}
	return serr
}

// CloseWrite shuts the sending side: the server reads end of file.
func (c *sessionConn) CloseWrite() error {
	rc, err := c.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := rc.Control(func(fd uintptr) { serr = unix.Shutdown(int(fd), unix.SHUT_WR) }); err != nil {
		return err
	}
	return os.NewSyscallError("shutdown", serr)
}
