package server

import (
	"slices"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/link"
)

// A client's transport is its link (server/link). These are the client's
// ends of it: starting its goroutines, and what they report to the loop.

// serve starts c's writer, and its reader: from the hello for a new
// connection, from its frames for one a live upgrade handed over.
func (c *client) serve(admitted bool) {
	go c.RunWriter(c.s.post, c.written)
	if admitted {
		go c.readFrames(c.hello.Features)
		return
	}
	go func() {
		h, tty, err := c.ReadHello(helloTimeout, func(format string, args ...any) {
			c.s.log.Printf("client %d: "+format, append([]any{c.id}, args...)...)
		})
		if err != nil {
			c.s.log.Printf("client %d: dropped: %v", c.id, err)
			return
		}
		c.s.post(func() { c.s.hello(c, h, tty) })
		c.readFrames(h.Features)
	}()
}

// readFrames reads c's frames; a client that pings when idle is dropped
// when it falls silent for proto.HeartbeatTimeout.
func (c *client) readFrames(features []string) {
	var heartbeat time.Duration
	if slices.Contains(features, proto.FeatureHeartbeat) {
		heartbeat = proto.HeartbeatTimeout
	}
	c.ReadFrames(c.s.post, heartbeat, func(f proto.Frame) { c.s.frame(c, f) }, func(err error) { c.s.dropClient(c, err) })
}

// written hears from the writer, on the loop.
func (c *client) written(err error, rest []link.Part) {
	switch c.Written(err, rest) {
	case link.Done:
		c.s.dropClient(c, err)
	case link.Wrote:
		c.schedule(c.s) // a frame held behind the writer may go now
	}
}

// closeWhenSent closes c's connection once what is queued for it is written.
func (s *session) closeWhenSent(c *client) {
	c.Closing = true
	// Checked again after the event: a reply may be queued in it yet.
	s.afterEvent(func() {
		if !c.Busy() && len(c.Unwritten()) == 0 {
			s.dropClient(c, nil)
		}
	})
}

// send queues a frame for c (output straight to its terminal when the
// server holds it); a client that lets too much pile up is dropped.
func (s *session) send(c *client, t proto.Type, payload []byte) {
	if err := c.Send(t, payload); err != nil {
		s.afterEvent(func() { s.dropClient(c, err) })
	}
}
