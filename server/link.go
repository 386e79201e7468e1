package server

import (
	"errors"
	"fmt"
	"net"
	"os"
	"slices"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/proto/quietfd"
	"github.com/gmux/gmux/server/park"
	"github.com/gmux/gmux/server/proc"
)

// link is a client's transport: its connection, and its terminal when it
// passed it, with the goroutines that read and write them. Everything the
// session sends goes through send and is written in order, without ever
// blocking the loop.
type link struct {
	conn net.Conn
	via  net.Conn      // the proxy's connection, when conn is the stream it handed over (stream.go)
	tty  *quietfd.File // the client's terminal when it passed it (terminal.go), else nil
	// farewell restores tty for a client that vanished while attached: the
	// writer writes it last, then closes tty (dropClient).
	farewell []byte
	rawConn  syscall.RawConn
	rawTTY   syscall.RawConn
	pid      int // the peer's process, from the kernel

	out     chan []outPart // to the writer goroutine; holds at most one batch
	pending []outPart      // what waits for the writer, in order
	queued  int            // bytes in pending
	busy    bool           // the writer is writing a batch
	now     proc.NowWriter // the loop's write before the writer (proc/nonblock.go)
	closing bool           // close the connection once pending is written

	credit chan struct{} // the loop lets the input reader read on (inputqueue.go)
	stop   chan struct{} // closed when the client is dropped
	wake   chan struct{} // the terminal reader may read again (suspend.go)

	// The frame reader of an admitted client, and its readers stopped by a
	// live upgrade's freeze (freeze.go).
	frames                *proto.Reader
	readParked, ttyParked park.Flag
}

// readClient reads frames and hands them to the loop. The first must be a
// hello, within helloTimeout.
func (s *session) readClient(c *client) {
	rr := newRightsReader(c.conn.(*net.UnixConn))
	r := proto.NewReader(rr)
	c.conn.SetReadDeadline(time.Now().Add(helloTimeout))
	f, err := r.ReadFrame()
	if err == nil && f.Type != proto.TypeHello {
		err = fmt.Errorf("first frame is %s, not hello", f.Type)
	}
	var h proto.Hello
	if err == nil {
		h, err = proto.DecodeHello(f.Payload)
	}
	if err != nil {
		// A freeze cuts a hello short: the connection is closed (only one
		// made in the moment of an upgrade sees it; the client may retry).
		var ve *proto.VersionError
		if errors.As(err, &ve) {
			// Say so in the peer's terms: the version comes first in every hello.
			proto.WriteFrame(c.conn, proto.TypeWelcome, proto.EncodeWelcome(proto.Welcome{Error: ve.Error()}))
		}
		s.log.Printf("client %d: dropped: %v", c.id, err)
		c.conn.Close()
		close(c.out)
		closeAll(rr.take())
		return
	}
	c.conn.SetReadDeadline(time.Time{})
	// The newest version both speak (the prefix was checked to be one of
	// ours): the welcome says it, and the client speaks it from then on.
	h.Version, _ = proto.Negotiate(h)
	fds := rr.take()
	tty := -1
	switch {
	case h.Stream && len(fds) == 2:
		// A proxy handed over the stream it bridges: from now on the
		// client's frames come and go there (stream.go).
		if err := s.takeStream(c, fds[0], fds[1]); err != nil {
			s.log.Printf("client %d: stream not taken, bridged instead: %v", c.id, err)
		} else {
			r = proto.NewReader(c.conn) // on copies of fds, closed below
		}
	case h.TTY && len(fds) == 1:
		tty, fds = fds[0], nil
	}
	closeAll(fds)
	c.frames = r
	s.post(func() { s.hello(c, h, tty) })
	s.readFrames(c, r, slices.Contains(h.Features, proto.FeatureHeartbeat))
}

// readFrames hands an admitted client's frames to the loop until it is
// dropped. A client with heartbeat pings when idle (see below).
func (s *session) readFrames(c *client, r *proto.Reader, heartbeat bool) {
	// A client on a link that can fail silently pings when idle: one that
	// stays silent longer is gone (its ssh black-holed), and is dropped
	// rather than held attached for ever.
	for {
		if heartbeat {
			c.conn.SetReadDeadline(time.Now().Add(proto.HeartbeatTimeout))
		}
		f, err := r.ReadFrame()
		if s.frz.Stopped(err) && s.frz.Park(&c.readParked) {
			continue // what it read of a frame is kept in r
		}
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) {
				err = fmt.Errorf("no heartbeat for %v: link lost", proto.HeartbeatTimeout)
			}
			s.post(func() { s.dropClient(c, err) })
			return
		}
		s.post(func() { s.frame(c, f) })
		if f.Type == proto.TypeInput && !c.awaitCredit() {
			return
		}
	}
}

// outPart is a run of bytes for the client's terminal (when the server holds
// it) or of frames for its connection.
type outPart struct {
	terminal bool
	b        []byte
}

// writeClient writes batches, in order. It alone blocks on a slow client, so
// the loop and the other clients never wait for it. c.tty is set before the
// first batch is sent, so the channel orders that write before these reads.
func (s *session) writeClient(c *client) {
	for parts := range c.out {
		var err error
		var rest []outPart // not written, when a freeze stopped the write
		for i, p := range parts {
			var n int
			if p.terminal {
				n, err = c.tty.Write(p.b)
			} else {
				n, err = c.conn.Write(p.b)
			}
			if err != nil {
				if s.frz.Stopped(err) {
					rest = append([]outPart{{p.terminal, p.b[n:]}}, parts[i+1:]...)
				}
				break
			}
		}
		s.post(func() { s.written(c, err, rest) })
	}
	if c.farewell != nil {
		_, _ = c.tty.Write(c.farewell) // within the deadline dropClient set; a terminal gone is no matter
		c.tty.Close()
	}
}

// written hears from the writer; rest is what a freeze kept it from writing.
func (s *session) written(c *client, err error, rest []outPart) {
	c.busy = false
	if c.gone {
		return
	}
	if s.frz.Stopped(err) {
		c.pending = append(rest, c.pending...)
		for _, p := range rest {
			c.queued += len(p.b)
		}
		return
	}
	if err != nil {
		s.dropClient(c, err)
		return
	}
	if c.closing && len(c.pending) == 0 {
		s.dropClient(c, nil)
		return
	}
	s.flush(c)
	c.schedule(s)
}

// closeWhenSent closes c's connection once what is queued for it is written.
func (s *session) closeWhenSent(c *client) {
	c.closing = true
	// Checked again after the event: a reply may be queued in it yet.
	s.afterEvent(func() {
		if !c.busy && len(c.pending) == 0 {
			s.dropClient(c, nil)
		}
	})
}

// send queues a frame for c; output goes straight to its terminal when the
// server holds it.
func (s *session) send(c *client, t proto.Type, payload []byte) {
	if c.gone {
		return
	}
	if t == proto.TypeOutput && c.tty != nil {
		c.queue(true, payload)
		s.flush(c)
		return
	}
	for len(payload) > proto.MaxPayload {
		c.queue(false, proto.AppendFrame(nil, t, payload[:proto.MaxPayload]))
		payload = payload[proto.MaxPayload:]
	}
	c.queue(false, proto.AppendFrame(nil, t, payload))
	s.flush(c)
	if c.queued > maxQueued {
		// It sends and does not read (a command connection that never
		// reads its replies): it must not grow the server without bound.
		err := fmt.Errorf("%d bytes queued and not read", c.queued)
		s.afterEvent(func() { s.dropClient(c, err) })
	}
}

// queue appends b to what waits for the writer, merging runs for the same
// destination. It takes b: every caller passes bytes made for this send.
func (c *client) queue(terminal bool, b []byte) {
	c.queued += len(b)
	if n := len(c.pending); n > 0 && c.pending[n-1].terminal == terminal {
		c.pending[n-1].b = append(c.pending[n-1].b, b...)
		return
	}
	c.pending = append(c.pending, outPart{terminal: terminal, b: b})
}

func (s *session) flush(c *client) {
	if c.busy || c.gone || len(c.pending) == 0 || s.frz.On() {
		return // frozen: it waits, for this server or the next (freeze.go)
	}
	for len(c.pending) > 0 {
		p := &c.pending[0]
		rc := c.rawConn
		if p.terminal {
			rc = c.rawTTY
		}
		n := c.now.Write(rc, p.b)
		c.queued -= n
		if p.b = p.b[n:]; len(p.b) > 0 {
			break
		}
		c.pending = c.pending[1:]
	}
	if len(c.pending) == 0 {
		c.pending = nil
		return
	}
	c.busy = true
	c.out <- c.pending // never blocks: busy means the channel is empty
	c.pending, c.queued = nil, 0
}
