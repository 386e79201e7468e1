package server

import (
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"strings"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/link"
	"github.com/gmux/gmux/server/proc"
	"github.com/gmux/gmux/server/sched"
	"golang.org/x/sys/unix"
)

// client is one connection: an attached display, or a one-off command (-X,
// -ls). Its link moves bytes; its display is what an attached one shows and
// how it takes keys.
type client struct {
	s        *session
	id       int
	hello    proto.Hello
	attached bool
	link.Link
	display
}

// dropClient forgets a client whose connection ended or failed.
func (s *session) dropClient(c *client, err error) {
	if c.Gone {
		return
	}
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
		s.log.Printf("client %d: dropped: %v", c.id, err)
	}
	c.Close(c.farewell())
	delete(s.clients, c)
	wasAttached := c.attached
	if wasAttached {
		s.lastRegions = c.saveRegions() // its terminal went away: the layout stays for the next
	}
	c.attached = false
	if c.r != nil {
		c.r.Close()
	}
	if wasAttached && c.win != nil && !s.ending {
		s.fitWindow(c.win)
	}
	if wasAttached {
		s.spareAfter(c)
	}
	if wasAttached && s.set.NoAutodetach && !s.ending {
		// Its terminal went away without a detach: with autodetach off,
		// as in screen, the session goes with it.
		s.end("its terminal hung up and autodetach is off", 0)
	}
	s.maybeFinish()
}

// farewell is what puts right the terminal of c, which is being dropped,
// or nil to close it at once. A client that vanished while attached (kill
// -9, a crash) left its terminal in the session's modes, the alternate
// screen among them, and cannot put it right; the server, which holds the
// terminal, does, as tmux's does: the writer writes the renderer's farewell
// after what it was writing, then closes the terminal (link.Close).
func (c *client) farewell() []byte {
	if c.TTY == nil || !c.attached || c.suspended || c.r == nil || c.r.Finished() {
		return nil
	}
	return c.r.Fini()
}

func (s *session) welcome(c *client, errText string) {
	w := proto.Welcome{Version: c.hello.Version, Session: s.Name, Error: errText, Direct: c.TTY != nil,
		Features: proto.Common(c.hello.Features, proto.ServerFeatures), Escape: string([]byte{s.set.Escape})}
	if slices.Contains(w.Features, proto.FeatureReplace) && errText == "" {
		w.Display = c.id
	}
	s.send(c, proto.TypeWelcome, proto.EncodeWelcome(w))
	if errText != "" {
		s.closeWhenSent(c)
	}
}

// hello admits a client that has introduced itself; tty is the terminal
// descriptor it passed, or -1.
func (s *session) hello(c *client, h proto.Hello, tty int) {
	defer s.recoverClient(c, "admitting it")
	if tty >= 0 {
		defer unix.Close(tty)
	}
	c.hello = h
	c.guest = h.ReadOnly // a read-only display looks, switches and detaches (actor.go)
	s.clients[c] = true
	if s.ending {
		if h.Mode == proto.ModeAttach && !s.finished {
			s.welcome(c, "")
			s.send(c, proto.TypeExit, proto.EncodeJSON(proto.Exit{Reason: s.exitReason, Status: s.exitCode}))
			s.closeWhenSent(c)
			s.EverAttached = true
			s.finish()
			return
		}
		s.welcome(c, "session is ending")
		return
	}
	if h.Mode == proto.ModeCommand {
		s.welcome(c, "")
		return
	}
	if proc.RunsInside(c.PID) {
		s.welcome(c, fmt.Sprintf("Attaching from inside of gmux? This terminal is a window of session %s: detach from it first (C-a d)", s.Name))
		return
	}
	if h.Replaces != 0 {
		// A reconnection: its old display, whose link failed, goes (the
		// server may not have noticed yet); the others stay.
		for o := range s.clients {
			if o.id == h.Replaces && o != c && o.attached {
				s.release(o, proto.TypeDetach, []byte(fmt.Sprintf("replaced by its own reconnection to %s", s.Name)))
			}
		}
	}
	if n := s.attachedCount(); n > 0 && !h.Shared && !h.Takeover {
		s.welcome(c, fmt.Sprintf("session %s is attached elsewhere: use -x to share it, or -d -r to take it over", s.Name))
		return
	}
	if h.Takeover {
		for o := range s.clients {
			switch {
			case !o.attached:
			case h.PowerDetach:
				s.powerDetach(o) // -D -r: its login is hung up, as screen's
			default:
				s.release(o, proto.TypeDetach, []byte(fmt.Sprintf("remote detached from %s", s.Name)))
			}
		}
	}
	c.cols, c.rows = clampSize(h.Cols, h.Rows)
	r, err := s.spare.Take(c.rendererKey())
	if err != nil {
		s.welcome(c, err.Error())
		return
	}
	c.r = r
	if tty >= 0 && h.TTY {
		if c.TTY, err = link.OpenTerminal(tty); err != nil {
			s.log.Printf("client %d: relaying its terminal: %v", c.id, err)
		} else {
			c.RawTTY = proc.RawConn(c.TTY)
		}
	}
	// A client that passed its terminal is sent the welcome after its
	// first frame, which goes to the terminal: the screen is up a little
	// sooner (the client went raw before its hello). A relaying one reads
	// the frame after the welcome, on the same connection.
	direct := c.TTY != nil
	if !direct {
		s.welcome(c, "")
	}
	c.attached = true
	reattach := s.EverAttached
	s.EverAttached = true
	c.touch(s)
	c.noteKey(s) // idle counts from the attach
	w := s.lastWin
	if w == nil && len(s.windows) > 0 {
		w = s.windows[0]
	}
	if s.prevWin != w {
		c.other = s.prevWin // C-a C-a goes where the session was before
	}
	if (reattach || !s.opts.AwaitAttach) && s.set.Password != "" {
		// A password guards reattaching, as in screen: the display starts
		// locked, and shows nothing of the session until it is typed —
		// locked before the window is selected, which draws it. The
		// renderer's opening (the alternate screen) goes first. A session
		// started detached (-dm) has no display of its starter's to trust:
		// its first attach is a reattach too.
		s.send(c, proto.TypeOutput, c.r.Opening())
		_ = s.lock(c, " (reattach)")
	}
	s.selectWindow(c, w)
	if direct {
		s.welcome(c, "")
		go s.readTerminal(c, c.RawTTY, openProcStat(c.PID, c.RawTTY))
	}
	if len(c.hello.Env) > 0 {
		s.followClientEnv(c.hello.Env)
	}
	s.log.Printf("client %d: attached (pid %d, %s %dx%d)", c.id, h.PID, h.Term, c.cols, c.rows)
	s.layoutOnAttach(c)
	c.askColors(s)
	c.askTruecolor(s)
	s.startClock()
	if s.LingerWarning != "" && !reattach {
		c.showMessage(s, s.LingerWarning) // the first attach hears it once
	} else if !reattach && s.opts.AwaitAttach && !s.set.NoStartupMessage && len(s.startupErrors) == 0 {
		c.showMessage(s, s.startupMessage())
	}
	if n := len(s.startupErrors); n > 0 {
		msg := strings.Join(s.startupErrors, "; ")
		if n > 1 {
			msg = fmt.Sprintf("%d config errors (gmux -X errors lists them): %s", n, msg)
		}
		c.showMessage(s, msg)
		s.startupErrors = nil
	}
}

// frame handles one frame from an admitted client.
func (s *session) frame(c *client, f proto.Frame) {
	if c.Gone {
		return
	}
	defer s.recoverFrame(c, f.Type)
	switch f.Type {
	case proto.TypeInput:
		if c.attached && !c.suspended {
			c.touch(s)
			s.input(c, f.Payload)
		}
		c.creditInput(s)
	case proto.TypeDetach:
		if c.attached {
			s.detach(c, "detached")
		}
	case proto.TypeSuspend:
		s.suspend(c, suspendAnswer)
	case proto.TypeResize, proto.TypeResume:
		cols, rows, err := proto.DecodeResize(f.Payload)
		if err != nil {
			s.log.Printf("client %d: %v", c.id, err)
			return
		}
		if !c.attached {
			return
		}
		if f.Type == proto.TypeResume {
			s.resume(c)
		}
		s.resizeDisplay(c, cols, rows)
	case proto.TypePing:
		s.send(c, proto.TypePong, nil)
	case proto.TypeCommand:
		var cmd proto.Command
		if err := proto.DecodeJSON(f.Payload, &cmd); err != nil {
			s.send(c, proto.TypeReply, proto.EncodeJSON(proto.Reply{Output: err.Error()}))
			return
		}
		out, err := s.runCommandFromShell(c, cmd)
		if errors.Is(err, errReplyLater) {
			return
		}
		reply := proto.Reply{OK: err == nil, Output: out}
		if err != nil {
			reply.Output = err.Error()
		}
		if d := s.latestClient(); cmd.Show && d != nil && reply.Output != "" && !strings.Contains(reply.Output, "\n") {
			d.showMessage(s, reply.Output)
		}
		s.send(c, proto.TypeReply, proto.EncodeJSON(reply))
	default:
		s.log.Printf("client %d: unexpected %s frame ignored", c.id, f.Type)
	}
}

// release restores a client's terminal and sends it a last frame (detach or
// exit); the connection closes once that is written.
func (s *session) release(c *client, t proto.Type, payload []byte) {
	if !c.attached {
		return
	}
	c.attached = false
	s.lastRegions = c.saveRegions()
	s.letGo(c) // before the client is told: once it has gone, what is typed belongs to its shell
	s.send(c, t, payload)
	s.closeWhenSent(c)
	if c.win != nil && !s.ending {
		s.fitWindow(c.win)
	}
	s.spareAfter(c)
	// A client that never reads does not keep its connection for ever.
	s.after(sched.Key{Kind: sched.DropClient, ID: c.id}, 5*time.Second, func() { s.dropClient(c, nil) })
}

// letGo stops reading c's terminal and sends what restores it (modes,
// screen, cursor): the terminal is the shell's again.
func (s *session) letGo(c *client) {
	if c.TTY != nil {
		c.TTY.SetReadDeadline(time.Now())
	}
	s.send(c, proto.TypeOutput, c.r.Fini())
}

// resizeDisplay takes c's terminal size (clamped), resizes the window it
// shows for it, and redraws everything.
func (s *session) resizeDisplay(c *client, cols, rows int) {
	c.cols, c.rows = clampSize(cols, rows)
	c.r.Resize(c.cols, c.rows)
	c.resizeRegions(s)
	c.touch(s)
	if c.win != nil {
		s.fitWindow(c.win)
	}
	c.r.Invalidate()
	c.markDirty(s)
}

// detach detaches client c, leaving everything running.
func (s *session) detach(c *client, how string) {
	s.log.Printf("client %d: %s", c.id, how)
	s.release(c, proto.TypeDetach, []byte(fmt.Sprintf("%s from %s", how, s.Name)))
}
