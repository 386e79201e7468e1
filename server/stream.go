package server

import (
	"errors"
	"net"
	"time"

	"github.com/gmux/gmux/proto/quietfd"
	"github.com/gmux/gmux/server/proc"
	"golang.org/x/sys/unix"
)

// A remote client's frames reach the session through ssh and the proxy on
// this host (`gmux --proxy`, client/proxy.go). Bridging them would put the
// proxy process between sshd and the session both ways — a process wake-up
// each way on every keystroke's echo. So the proxy hands over the stream
// itself: its stdin and stdout (sshd's pipes) travel with the hello, and the
// server reads and writes them as it would the proxy's socket; the proxy only
// waits for its socket to close. What the client sends is the same either way.

// takeStream makes the stream in (frames from the client) and out (frames to
// it) c's connection; c's socket is kept to end the proxy when c goes.
func (s *session) takeStream(c *client, in, out int) error {
	pc, err := newPipeConn(in, out)
	if err != nil {
		return err
	}
	c.via, c.conn, c.rawConn = c.conn, pc, proc.RawConn(pc.out)
	return nil
}

// pipeConn is a stream of two descriptors — pipes or a socket — as a
// net.Conn, served by Go's poller for input, and for room only while a
// write waits (proto/quietfd: a poller told of every read sshd makes of what
// the session wrote would wake the server once more per echo). They are
// made non-blocking: the proxy that shares them reads and writes them no
// more.
type pipeConn struct {
	in, out *quietfd.File
}

// newPipeConn serves copies of in and out; the descriptors given stay the
// caller's to close.
func newPipeConn(in, out int) (*pipeConn, error) {
	qin, err := quietCopy(in, "stream in")
	if err != nil {
		return nil, err
	}
	qout, err := quietCopy(out, "stream out")
	if err != nil {
		qin.Close()
		return nil, err
	}
	return &pipeConn{in: qin, out: qout}, nil
}

// quietCopy serves a copy of fd through quietfd.
func quietCopy(fd int, name string) (*quietfd.File, error) {
	d, err := unix.Dup(fd)
	if err != nil {
		return nil, err
	}
	return quietfd.New(d, name)
}

func (p *pipeConn) Read(b []byte) (int, error)  { return p.in.Read(b) }
func (p *pipeConn) Write(b []byte) (int, error) { return p.out.Write(b) }

func (p *pipeConn) Close() error {
	return errors.Join(p.in.Close(), p.out.Close())
}

func (p *pipeConn) SetDeadline(t time.Time) error {
	return errors.Join(p.in.SetReadDeadline(t), p.out.SetWriteDeadline(t))
}
func (p *pipeConn) SetReadDeadline(t time.Time) error  { return p.in.SetReadDeadline(t) }
func (p *pipeConn) SetWriteDeadline(t time.Time) error { return p.out.SetWriteDeadline(t) }

func (p *pipeConn) LocalAddr() net.Addr  { return streamAddr{} }
func (p *pipeConn) RemoteAddr() net.Addr { return streamAddr{} }

type streamAddr struct{}

func (streamAddr) Network() string { return "stream" }
func (streamAddr) String() string  { return "proxied stream" }
