package server

import (
	"fmt"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/password"
)

// Locking (screen's lockscreen, C-a x): every display of the session is
// hidden behind a password prompt until the session's password is typed on
// it; nothing typed there reaches a program. Reattaching to a session with a
// password starts locked too (-r, -x, -d -r), while -X, from the same user,
// is let through: the socket already proved who asks. Without a password,
// lockscreen runs $LOCKPRG on the display (unlocked when it exits 0), or
// says how to set a password: it never claims to lock and does not.

// lockDelays are the pauses after each wrong password, the last repeating.
var lockDelays = []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 30 * time.Second}

// lockScreen is a locked display: the password being typed, the pause after
// wrong ones, or the lock program it shows.
type lockScreen struct {
	typed    []byte
	failures int
	until    time.Time       // keys are ignored until then (after a wrong password)
	checking bool            // a password typed is being checked (off the loop); keys are ignored
	why      string          // the line above the prompt
	note     string          // "Password incorrect."
	prog     *displayProgram // $LOCKPRG, when there is no password
}

// lock locks display c.
func (s *session) lock(c *client, why string) error {
	if c.lock != nil {
		return nil
	}
	l := &lockScreen{why: why}
	if s.set.Password == "" {
		prog := s.variable("LOCKPRG")
		if prog == "" {
			return fmt.Errorf("no password to lock with: set one with C-a : password (or $LOCKPRG)")
		}
		p, err := s.runOnDisplay(c, []string{prog}, func() bool { return c.lock == l },
			func(err error) { l.programEnded(s, c, err) })
		if err != nil {
			return fmt.Errorf("lockscreen: $LOCKPRG: %w", err)
		}
		l.prog = p
	}
	c.lock = l
	l.draw(s, c)
	return nil
}

// programEnded unlocks c when $LOCKPRG exited 0; otherwise it runs
// again, or the password prompt takes over.
func (l *lockScreen) programEnded(s *session, c *client, err error) {
	if c.lock != l {
		return
	}
	if err == nil {
		s.unlock(c)
		return
	}
	l.prog, l.note = nil, "$LOCKPRG failed: "+err.Error()
	if s.set.Password == "" {
		// Nothing else can open it: start the program again.
		c.lock = nil
		if lerr := s.lock(c, l.why); lerr != nil {
			c.showMessage(s, lerr.Error())
		}
		return
	}
	l.draw(s, c)
}

// draw draws the lock screen on c: nothing of the session shows.
func (l *lockScreen) draw(s *session, c *client) {
	if l.prog != nil {
		s.send(c, proto.TypeOutput, []byte("\x1b[H\x1b[2J\x1b[?25h"))
		return
	}
	text := fmt.Sprintf("\x1b[H\x1b[2J\x1b[?25hgmux: session %s is locked%s.\r\n", proto.Printable(s.opts.Name), l.why)
	if l.note != "" {
		text += l.note + "\r\n"
	}
	text += "Password: "
	s.send(c, proto.TypeOutput, []byte(text))
}

// handle is the lock as the top input layer: it takes everything.
func (l *lockScreen) handle(s *session, c *client, ev input.Event) bool {
	if ev.Kind != input.Key && ev.Kind != input.Text && ev.Kind != input.Paste {
		return true
	}
	if l.prog != nil {
		_, _ = l.prog.tty.Write(ev.Bytes)
		return true
	}
	if l.checking || s.now().Before(l.until) {
		return true // a check or the pause after a wrong password: keys count for nothing
	}
	for _, b := range ev.Bytes {
		switch {
		case b == '\r' || b == '\n':
			// One try at a time: what follows it in the same event (a
			// pasted or burst "w1⏎w2⏎…") counts for nothing, as keys
			// typed during the check and the pause after it do.
			l.tryUnlock(s, c)
			return true
		case b == 0x7f || b == 0x08:
			if len(l.typed) > 0 {
				l.typed = l.typed[:len(l.typed)-1]
			}
		case b == 0x15 || b == 0x03: // C-u, C-c: start again
			l.typed = l.typed[:0]
		case b >= 0x20 || b >= 0x80:
			if len(l.typed) < 1024 {
				l.typed = append(l.typed, b)
			}
		}
	}
	return true
}

// tryUnlock checks what was typed on the lock of c. The hash is checked off the
// loop (bcrypt takes tens of milliseconds, which every window and display
// would wait for); the answer comes back to it.
func (l *lockScreen) tryUnlock(s *session, c *client) {
	typed := string(l.typed)
	clear(l.typed)
	l.typed = l.typed[:0]
	hash := s.set.Password
	l.checking = true
	narrow := s.procs.widen()
	go func() {
		ok := hash != "" && password.Matches(hash, typed)
		s.post(func() {
			narrow()
			l.passwordChecked(s, c, ok)
		})
	}()
}

// passwordChecked unlocks c when the password typed on the lock was
// right; a wrong one costs a pause, longer each time.
func (l *lockScreen) passwordChecked(s *session, c *client, ok bool) {
	l.checking = false
	if c.lock != l || c.Gone {
		return
	}
	if ok {
		s.unlock(c)
		return
	}
	d := lockDelays[min(l.failures, len(lockDelays)-1)]
	l.failures++
	l.until = s.now().Add(d)
	l.note = "Password incorrect."
	s.log.Printf("client %d: wrong password (%d)", c.id, l.failures)
	l.draw(s, c)
}

// unlock shows the session on c again.
func (s *session) unlock(c *client) {
	l := c.lock
	if l == nil {
		return
	}
	c.lock = nil
	if l.prog != nil {
		l.prog.stop()
	}
	if c.r != nil {
		c.r.Invalidate()
	}
	c.markDirty(s)
}
