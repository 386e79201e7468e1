package server

import (
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/sched"
)

// screen's idle and blanker: after idle seconds without a key on a display,
// a command runs for it, blanker by default: the display goes blank (or
// shows blankerprg's output) until a key, which is not passed on.

// noteKey records a key from c, for idle.
func (c *client) noteKey(s *session) {
	c.lastKey = s.now()
	c.idleRan = false
	if s.set.IdleTimeout > 0 && !c.idleTimer {
		c.armIdle(s, s.set.IdleTimeout)
	}
}

// armIdle checks c in d: idle long enough, it runs the idle command; else
// it looks again when it could be.
func (c *client) armIdle(s *session, d time.Duration) {
	c.idleTimer = true
	s.after(sched.Key{Kind: sched.Idle, ID: c.id}, d, func() {
		c.idleTimer = false
		timeout := s.set.IdleTimeout
		if c.Gone || !c.attached || timeout <= 0 || c.idleRan {
			return
		}
		if left := timeout - s.now().Sub(c.lastKey); left > 0 {
			c.armIdle(s, left)
			return
		}
		c.idleRan = true
		out, err := s.runCommand(&cmdContext{s: s, c: c, w: c.win}, s.set.IdleCommand)
		switch {
		case err != nil:
			c.showMessage(s, err.Error())
		case out != "":
			c.showMessage(s, out)
		}
	})
}

// blank starts the blanker on c.
func (c *client) blank(s *session) {
	if c.blanker != nil {
		return
	}
	b := &blanker{}
	c.blanker = b
	s.send(c, proto.TypeOutput, []byte("\x1b[?25l\x1b[H\x1b[2J"))
	if len(s.set.BlankerPrg) == 0 {
		return
	}
	prog, err := s.runOnDisplay(c, s.set.BlankerPrg, func() bool { return c.blanker == b }, nil)
	if err != nil {
		s.log.Printf("blankerprg: %v", err)
		return
	}
	b.prog = prog
}

// blanker is a blanked display: the program drawing on it, if any.
type blanker struct{ prog *displayProgram }

// handle is the blanker as the top input layer: the first key ends it and
// is dropped.
func (b *blanker) handle(s *session, c *client, ev input.Event) bool {
	if ev.Kind == input.Key || ev.Kind == input.Text || ev.Kind == input.Paste {
		b.end(s, c)
	}
	return true
}

// end ends the blanker on c and redraws the display.
func (b *blanker) end(s *session, c *client) {
	if c.blanker != b {
		return
	}
	c.blanker = nil
	if b.prog != nil {
		b.prog.stop()
	}
	if c.r != nil {
		c.r.Invalidate()
	}
	c.markDirty(s)
}
