package link

import (
	"errors"
	"net"
	"syscall"
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
// it) the link's connection; its socket is kept to end the proxy when the
// link closes.
func (l *Link) takeStream(in, out int) error {
	pc, err := NewPipeConn(in, out)
	if err != nil {
		return err
	}
	l.Via, l.Conn, l.RawConn = l.Conn, pc, proc.RawConn(pc.out)
	return nil
}

// PipeConn is a stream of two descriptors — pipes or a socket — as a
// net.Conn, served by Go's poller for input, and for room only while a
// write waits (proto/quietfd: a poller told of every read sshd makes of what
// the session wrote would wake the server once more per echo). They are
// made non-blocking: the proxy that shares them reads and writes them no
// more.
type PipeConn struct {
	in, out *quietfd.File
}

// NewPipeConn serves copies of in and out; the descriptors given stay the
// caller's to close.
func NewPipeConn(in, out int) (*PipeConn, error) {
	qin, err := quietCopy(in, "stream in")
	if err != nil {
		return nil, err
	}
	qout, err := quietCopy(out, "stream out")
	if err != nil {
		qin.Close()
		return nil, err
	}
	return &PipeConn{in: qin, out: qout}, nil
}

// quietCopy serves a copy of fd through quietfd.
func quietCopy(fd int, name string) (*quietfd.File, error) {
	d, err := unix.Dup(fd)
	if err != nil {
		return nil, err
	}
	return quietfd.New(d, name)
}

// Ends are the stream's two descriptors, for a live upgrade to hand over.
func (p *PipeConn) Ends() (in, out *quietfd.File) { return p.in, p.out }

// Raw is the stream's write end, for writes from the loop.
func (p *PipeConn) Raw() syscall.RawConn { return proc.RawConn(p.out) }

func (p *PipeConn) Read(b []byte) (int, error)  { return p.in.Read(b) }
func (p *PipeConn) Write(b []byte) (int, error) { return p.out.Write(b) }

func (p *PipeConn) Close() error {
	return errors.Join(p.in.Close(), p.out.Close())
}

func (p *PipeConn) SetDeadline(t time.Time) error {
	return errors.Join(p.in.SetReadDeadline(t), p.out.SetWriteDeadline(t))
}
func (p *PipeConn) SetReadDeadline(t time.Time) error  { return p.in.SetReadDeadline(t) }
func (p *PipeConn) SetWriteDeadline(t time.Time) error { return p.out.SetWriteDeadline(t) }

func (p *PipeConn) LocalAddr() net.Addr  { return streamAddr{} }
func (p *PipeConn) RemoteAddr() net.Addr { return streamAddr{} }

type streamAddr struct{}

func (streamAddr) Network() string { return "stream" }
func (streamAddr) String() string  { return "proxied stream" }
