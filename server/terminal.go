package server

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"syscall"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/proto/quietfd"
	"github.com/gmux/gmux/server/proc"
	"golang.org/x/sys/unix"
)

// The client's terminal, held by the server. An attaching client passes its
// terminal with the hello (SCM_RIGHTS), and the server then reads the keys and
// writes the frames itself, as screen's and tmux's servers do; the client only
// keeps the terminal in raw mode, forwards SIGWINCH and waits to be told it is
// detached. Relaying every byte through the client process cost an extra
// process wake-up each way: ~45 µs of every keystroke's echo here, and the
// difference between being slower and faster than tmux. A client that cannot
// pass its terminal (or is told not to: GMUX_RELAY=1) still relays through
// input and output frames.

// rightsReader reads a Unix connection with recvmsg so that descriptors
// passed with the hello are received rather than silently closed by the
// kernel: the client's terminal, or a proxy's stream (stream.go). At most
// maxPassed are kept, and only until the hello has been read; any other is
// closed at once. It belongs to the connection's reader goroutine.
type rightsReader struct {
	conn *net.UnixConn
	oob  []byte
	fds  []int // the descriptors passed with the hello
	open bool  // descriptors are still taken
}

// maxPassed: a terminal, or a stream's two ends.
const maxPassed = 2

func newRightsReader(conn *net.UnixConn) *rightsReader {
	return &rightsReader{conn: conn, oob: make([]byte, unix.CmsgSpace(4*4)), open: true}
}

func (r *rightsReader) Read(p []byte) (int, error) {
	n, oobn, _, _, err := r.conn.ReadMsgUnix(p, r.oob)
	if oobn > 0 {
		r.keep(r.oob[:oobn])
	}
	return max(n, 0), err // ReadMsgUnix says -1 with some errors; io.Reader must not
}

func (r *rightsReader) keep(oob []byte) {
	msgs, err := unix.ParseSocketControlMessage(oob)
	if err != nil {
		return
	}
	for _, m := range msgs {
		fds, err := unix.ParseUnixRights(&m)
		if err != nil {
			continue
		}
		for _, fd := range fds {
			if r.open && len(r.fds) < maxPassed {
				r.fds = append(r.fds, fd)
				continue
			}
			unix.Close(fd)
		}
	}
}

// take returns the descriptors passed with the hello and closes the door to
// any later one.
func (r *rightsReader) take() []int {
	fds := r.fds
	r.fds, r.open = nil, false
	return fds
}

// closeAll closes descriptors that are not used.
func closeAll(fds []int) {
	for _, fd := range fds {
		unix.Close(fd)
	}
}

// openTerminal opens the terminal behind a passed descriptor afresh. The new open file description is the server's own:
// making it non-blocking (so Go's poller serves it, with no thread parked in
// read) does not make the login shell's descriptor non-blocking too.
func openTerminal(fd int) (*quietfd.File, error) {
	if _, err := unix.IoctlGetTermios(fd, unix.TCGETS); err != nil {
		return nil, fmt.Errorf("passed descriptor is not a terminal: %w", err)
	}
	nfd, err := unix.Open("/proc/self/fd/"+strconv.Itoa(fd), unix.O_RDWR|unix.O_NOCTTY|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("open the client's terminal: %w", err)
	}
	t, err := quietfd.New(nfd, "client terminal")
	if err != nil {
		return nil, fmt.Errorf("open the client's terminal: %w", err)
	}
	return t, nil
}

// readTerminal passes what the user types to the loop, as if it had come in
// input frames, until the client is dropped (closed) or the terminal hangs
// up. A read deadline pauses it (the client is suspended or released) until
// it is woken (resumed) or the client is dropped.
func (s *session) readTerminal(c *client, rc syscall.RawConn, stat *procStat) {
	defer stat.close()
	buf := make([]byte, 4096)
	tty := proc.NewRawReader(rc, func() []byte { return buf }, nil)
	for {
		n, err := tty.Read()
		if n > 0 && !stat.inForeground() {
			// Typed at the shell that got the terminal back (suspend.go):
			// dropped, and the terminal is let go until a resume.
			s.post(func() { s.suspend(c, suspendQuiet) })
			n, err = 0, os.ErrDeadlineExceeded
		}
		if n > 0 {
			keys := bytes.Clone(buf[:n])
			s.post(func() { s.frame(c, proto.Frame{Type: proto.TypeInput, Payload: keys}) })
			if !c.awaitCredit() {
				return
			}
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			if s.frz.Park(&c.ttyParked) {
				continue
			}
			select {
			case <-c.wake:
				continue
			case <-c.stop:
				return
			case <-s.frz.Frozen():
				s.frz.Park(&c.ttyParked)
				continue // to the deadline it was paused by, if it still is
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = errors.New("terminal hung up")
			}
			if !errors.Is(err, net.ErrClosed) && !errors.Is(err, os.ErrClosed) { // a close comes with the client's drop
				s.post(func() { s.dropClient(c, fmt.Errorf("terminal: %w", err)) })
			}
			return
		}
	}
}
