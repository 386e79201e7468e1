package server

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/proc"
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
			if !c.AwaitCredit() {
				return
			}
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			if s.frz.Park(&c.TTYParked) {
				continue
			}
			select {
			case <-c.Wake:
				continue
			case <-c.Stop:
				return
			case <-s.frz.Frozen():
				s.frz.Park(&c.TTYParked)
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
