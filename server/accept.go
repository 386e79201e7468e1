package server

import (
	"errors"
	"fmt"
	"net"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/proc"
	"golang.org/x/sys/unix"
)

// passing reports whether an accept error may clear by itself.
func passing(err error) bool {
	for _, e := range []syscall.Errno{syscall.EMFILE, syscall.ENFILE, syscall.ENOBUFS, syscall.ENOMEM,
		syscall.ECONNABORTED, syscall.EINTR, syscall.EAGAIN, syscall.EPROTO, syscall.EPERM} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// A session at its file descriptor limit cannot accept a connection to say
// why it cannot serve it: the connection would wait in the backlog until the
// client's timeout, and the user would see a hang. So the server keeps one
// descriptor in reserve (/dev/null): at the limit it gives that up, accepts
// one waiting connection, tells it what is wrong, closes it and takes the
// reserve back.

// reserveFiles takes the reserve descriptor; it stays -1 if there is none.
func (s *session) reserveFiles() {
	fd, err := unix.Open("/dev/null", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		fd = -1
	}
	s.reserve.Store(int32(fd))
}

// refuseForLackOfFiles answers one waiting connection with the reason the
// session cannot serve it. It runs on the accept goroutine.
func (s *session) refuseForLackOfFiles() {
	fd := s.reserve.Swap(-1)
	if fd < 0 {
		return
	}
	unix.Close(int(fd))
	defer s.reserveFiles()
	conn, err := s.ln.Accept()
	if err != nil {
		return
	}
	defer conn.Close()
	var lim unix.Rlimit
	_ = unix.Getrlimit(unix.RLIMIT_NOFILE, &lim) // zero says "unknown" well enough
	msg := fmt.Sprintf("session %s has run out of file descriptors (limit %d): close some windows, or start sessions with a higher ulimit -n", s.Name, lim.Cur)
	if uc, ok := conn.(*net.UnixConn); ok {
		if _, err := checkPeer(uc); err != nil {
			return
		}
	}
	proto.WriteFrame(conn, proto.TypeWelcome, proto.EncodeWelcome(proto.Welcome{Session: s.Name, Error: msg}))
}

// helloTimeout bounds how long a connection may stay silent before its hello.
const helloTimeout = 10 * time.Second

// accept serves the listener until it is closed. An error that passes
// (out of file descriptors, memory or buffers; an aborted connection) is
// waited out with a growing pause, as net/http does: one failed accept must
// not leave the session unreachable for good.
func (s *session) accept() {
	var pause time.Duration
	for {
		conn, err := s.ln.Accept()
		if s.frz.Stopped(err) && s.frz.Park(&s.acceptParked) {
			continue // waiting connections are the next server's, or ours again
		}
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			if !passing(err) {
				s.log.Printf("accept: %v: no more connections", err)
				return
			}
			if pause == 0 {
				s.log.Printf("accept: %v: retrying", err)
			}
			if errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE) {
				s.refuseForLackOfFiles()
			}
			pause = min(max(2*pause, 5*time.Millisecond), time.Second)
			time.Sleep(pause)
			continue
		}
		pause = 0
		pid, err := checkPeer(conn)
		if err != nil {
			s.log.Printf("refused connection: %v", err)
			conn.Close()
			continue
		}
		c := s.newClient(int(s.clientIDs.Add(1)), conn, proc.RawConn(conn.(*net.UnixConn)), pid)
		c.serve(false)
	}
}

// newClient is a connection's client, not yet admitted (its hello comes
// first), or taken over by a live upgrade (resume.go).
func (s *session) newClient(id int, conn net.Conn, raw syscall.RawConn, pid int) *client {
	c := &client{s: s, id: id}
	c.Open(conn, raw, pid, &s.frz)
	return c
}
