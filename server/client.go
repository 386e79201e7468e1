package server

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/input"
	"golang.org/x/sys/unix"
)

// client is one connection: an attached terminal, or a one-off command (-X, -ls).
type client struct {
	s        *session
	id       int
	conn     net.Conn
	tty      *os.File // the client's terminal when it passed it (terminal.go), else nil
	rawConn  syscall.RawConn
	rawTTY   syscall.RawConn
	hello    proto.Hello
	attached bool
	gone     bool
	r        *renderer
	win      *window // the window this client shows
	other    *window // the one shown before (C-a C-a)
	active   uint64  // last activity, ordered across clients
	cols     int
	rows     int

	out     chan []outPart // to the writer goroutine; holds at most one batch
	pending []outPart      // what waits for the writer, in order
	queued  int            // bytes in pending
	busy    bool           // the writer is writing a batch
	closing bool           // close the connection once pending is written

	dirty    bool      // the window changed since the last frame
	lastDraw time.Time // when the last frame was drawn
	unseen   int       // program output bytes since the last frame
	timerSet bool      // a frame is scheduled
	bells    int

	credit    chan struct{} // the loop lets the input reader read on (inputqueue.go)
	stop      chan struct{} // closed when the client is dropped
	wake      chan struct{} // the terminal reader may read again (suspend.go)
	pid       int           // the peer's process, from the kernel
	suspended bool          // the client is stopped or in the background
	fed       *window       // the window the current input chunk went to

	tok     input.Tokenizer // what the terminal sends, as events (input.go)
	escGen  int             // the pending-escape flush that still counts
	stack   [6]layer        // the input layers, rebuilt per event (layers.go)
	prefix  bool            // the command key was typed; the next key is a command
	prompt  *prompt         // an open input line (C-a :, C-a A), or nil
	menu    *menu           // an open full-screen list (C-a "), or nil
	copy    *copyMode
	extra   []byte // bytes for the terminal with the next frame (OSC 52)
	message string // shown on the last line until messageGen changes
	msgGen  int
}

// helloTimeout bounds how long a connection may stay silent before its hello.
const helloTimeout = 10 * time.Second

// accept serves the listener until it is closed. An error that passes
// (out of file descriptors, memory or buffers; an aborted connection) is
// waited out with a growing pause, as net/http does: one failed accept must
// not leave the session unreachable for good.
func (s *session) accept() {
	id := 0
	var pause time.Duration
	for {
		conn, err := s.ln.Accept()
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
		id++
		c := &client{s: s, id: id, conn: conn, out: make(chan []outPart, 1), rawConn: rawConn(conn.(*net.UnixConn)),
			credit: make(chan struct{}, 1), stop: make(chan struct{}), wake: make(chan struct{}, 1), pid: pid}
		go s.readClient(c)
		go s.writeClient(c)
	}
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
		var ve *proto.VersionError
		if errors.As(err, &ve) {
			// Say so in the peer's terms: the version comes first in every hello.
			proto.WriteFrame(c.conn, proto.TypeWelcome, proto.EncodeWelcome(proto.Welcome{Error: ve.Error()}))
		}
		s.log.Printf("client %d: dropped: %v", c.id, err)
		c.conn.Close()
		close(c.out)
		if fd := rr.take(); fd >= 0 {
			unix.Close(fd)
		}
		return
	}
	c.conn.SetReadDeadline(time.Time{})
	fd := rr.take()
	s.post(func() { s.hello(c, h, fd) })
	for {
		f, err := r.ReadFrame()
		if err != nil {
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
		for _, p := range parts {
			if p.terminal {
				_, err = c.tty.Write(p.b)
			} else {
				_, err = c.conn.Write(p.b)
			}
			if err != nil {
				break
			}
		}
		s.post(func() { s.written(c, err) })
	}
}

func (s *session) written(c *client, err error) {
	c.busy = false
	if c.gone {
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
	s.schedule(c)
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
	if c.busy || c.gone || len(c.pending) == 0 {
		return
	}
	for len(c.pending) > 0 {
		p := &c.pending[0]
		rc := c.rawConn
		if p.terminal {
			rc = c.rawTTY
		}
		n := writeNow(rc, p.b)
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

// dropClient forgets a client whose connection ended or failed.
func (s *session) dropClient(c *client, err error) {
	if c.gone {
		return
	}
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
		s.log.Printf("client %d: dropped: %v", c.id, err)
	}
	c.gone = true
	close(c.stop)
	c.conn.Close()
	if c.tty != nil {
		c.tty.Close()
	}
	close(c.out)
	delete(s.clients, c)
	wasAttached := c.attached
	c.attached = false
	if c.r != nil {
		c.r.close()
	}
	if wasAttached && c.win != nil && !s.ending {
		s.fitWindow(c.win)
	}
	s.maybeFinish()
}

func (s *session) welcome(c *client, errText string) {
	s.send(c, proto.TypeWelcome, proto.EncodeWelcome(proto.Welcome{Session: s.name, Error: errText, Direct: c.tty != nil,
		Features: proto.Common(c.hello.Features, proto.Features)}))
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
	s.clients[c] = true
	if s.ending {
		if h.Mode == proto.ModeAttach && !s.finished {
			s.welcome(c, "")
			s.send(c, proto.TypeExit, proto.EncodeJSON(proto.Exit{Reason: s.exitReason, Status: s.exitCode}))
			s.closeWhenSent(c)
			s.everAttached = true
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
	if n := s.attachedCount(); n > 0 && !h.Shared && !h.Takeover {
		s.welcome(c, fmt.Sprintf("session %s is attached elsewhere: use -x to share it, or -d -r to take it over", s.name))
		return
	}
	if h.Takeover {
		for o := range s.clients {
			if o.attached {
				s.release(o, proto.TypeDetach, []byte(fmt.Sprintf("remote detached from %s", s.name)))
			}
		}
	}
	c.cols, c.rows = clampSize(h.Cols, h.Rows)
	r, err := newRenderer(h.Term, h.ColorTerm, h.Locale, c.cols, c.rows)
	if err != nil {
		s.welcome(c, err.Error())
		return
	}
	c.r = r
	if tty >= 0 && h.TTY {
		if c.tty, err = openTerminal(tty); err != nil {
			s.log.Printf("client %d: relaying its terminal: %v", c.id, err)
		} else {
			c.rawTTY = rawConn(c.tty)
		}
	}
	s.welcome(c, "")
	if c.tty != nil {
		go s.readTerminal(c, c.rawTTY)
		go s.watchForeground(c, c.pid)
	}
	c.attached = true
	s.everAttached = true
	s.touch(c)
	s.log.Printf("client %d: attached (pid %d, %s %dx%d)", c.id, h.PID, h.Term, c.cols, c.rows)
	w := s.lastWin
	if w == nil && len(s.windows) > 0 {
		w = s.windows[0]
	}
	s.selectWindow(c, w)
	s.startClock()
	if len(s.startupErrors) > 0 {
		s.showMessage(c, strings.Join(s.startupErrors, "; "))
		s.startupErrors = nil
	}
}

// frame handles one frame from an admitted client.
func (s *session) frame(c *client, f proto.Frame) {
	if c.gone {
		return
	}
	defer s.recoverClient(c, "handling a "+f.Type.String()+" frame")
	switch f.Type {
	case proto.TypeInput:
		if c.attached && !c.suspended && !c.hello.ReadOnly {
			s.touch(c)
			s.input(c, f.Payload)
		}
		s.creditInput(c)
	case proto.TypeDetach:
		if c.attached {
			s.detach(c, "detached")
		}
	case proto.TypeSuspend:
		s.suspend(c, true)
	case proto.TypeResume:
		cols, rows, err := proto.DecodeResize(f.Payload)
		if err != nil {
			s.log.Printf("client %d: %v", c.id, err)
			return
		}
		s.resume(c, cols, rows)
	case proto.TypeResize:
		cols, rows, err := proto.DecodeResize(f.Payload)
		if err != nil {
			s.log.Printf("client %d: %v", c.id, err)
			return
		}
		if c.attached {
			c.cols, c.rows = clampSize(cols, rows)
			cols, rows = c.cols, c.rows
			c.r.resize(cols, rows)
			s.touch(c)
			if c.win != nil {
				s.fitWindow(c.win)
			}
			c.r.invalidate()
			s.markDirty(c)
		}
	case proto.TypeCommand:
		var cmd proto.Command
		if err := proto.DecodeJSON(f.Payload, &cmd); err != nil {
			s.send(c, proto.TypeReply, proto.EncodeJSON(proto.Reply{Output: err.Error()}))
			return
		}
		out, err := s.runCommandFromShell(cmd)
		reply := proto.Reply{OK: err == nil, Output: out}
		if err != nil {
			reply.Output = err.Error()
		}
		s.send(c, proto.TypeReply, proto.EncodeJSON(reply))
	default:
		s.log.Printf("client %d: unexpected %s frame ignored", c.id, f.Type)
	}
}

// touch records activity: the most recently active client sizes the window.
func (s *session) touch(c *client) {
	s.activity++
	c.active = s.activity
}

// windowSize is the size a window shown to c should have: the terminal less
// the caption and status lines.
func (c *client) windowSize() (int, int) { return c.cols, max(1, c.layout().winRows) }

// release restores a client's terminal and sends it a last frame (detach or
// exit); the connection closes once that is written.
func (s *session) release(c *client, t proto.Type, payload []byte) {
	if !c.attached {
		return
	}
	c.attached = false
	if c.tty != nil {
		// Stop reading before the client is told: once it has gone, what is
		// typed belongs to the shell it returns to.
		c.tty.SetReadDeadline(time.Now())
	}
	s.send(c, proto.TypeOutput, c.r.fini())
	s.send(c, t, payload)
	s.closeWhenSent(c)
	if c.win != nil && !s.ending {
		s.fitWindow(c.win)
	}
	// A client that never reads does not keep its connection for ever.
	time.AfterFunc(5*time.Second, func() { s.post(func() { s.dropClient(c, nil) }) })
}

// detach detaches client c, leaving everything running.
func (s *session) detach(c *client, how string) {
	s.log.Printf("client %d: %s", c.id, how)
	s.release(c, proto.TypeDetach, []byte(fmt.Sprintf("%s from %s", how, s.name)))
}

// markDirty notes that c's view changed and schedules a frame.
func (s *session) markDirty(c *client) {
	c.dirty = true
	s.schedule(c)
}

// schedule draws c now if it is idle and the change is interactive (a little
// output: an echo, a cursor move) or the last frame is old enough; otherwise
// it arranges to draw once the frame interval has passed, merging whatever
// arrives meanwhile. A slow client's writer stays busy, so it gets fewer,
// fresher frames and never holds anything up.
func (s *session) schedule(c *client) {
	if !c.dirty || !c.attached || c.suspended || c.busy || c.timerSet {
		return
	}
	since := time.Since(c.lastDraw)
	if since >= frameInterval || c.unseen <= interactiveBytes {
		s.draw(c)
		return
	}
	c.timerSet = true
	time.AfterFunc(frameInterval-since, func() {
		s.post(func() {
			c.timerSet = false
			s.schedule(c)
		})
	})
}

// A change of at most interactiveBytes of output is drawn at once: typing
// echoes without waiting for a frame tick, while a flood of output is merged
// into one frame per interval.
const interactiveBytes = 2048

func (s *session) draw(c *client) {
	if c.win == nil {
		return
	}
	defer s.recoverClient(c, "drawing")
	c.dirty = false
	c.unseen = 0
	c.lastDraw = time.Now()
	f := frame{screen: c.win.screen, message: c.message, menu: c.menu, copy: c.copy, statusTop: s.set.hardstatus == statusFirstLine,
		ownMouse: s.wantsOwnMouse(c)}
	if c.prompt != nil {
		f.message = c.prompt.line()
	}
	f.caption, f.status = s.bars(c)
	out := c.r.draw(f)
	if c.bells > 0 {
		out = append(out, '\a')
		c.bells = 0
	}
	out = append(out, c.extra...)
	c.extra = nil
	if len(out) > 0 {
		s.send(c, proto.TypeOutput, out)
	}
}

// showMessage shows msg on c's last line for msgWait.
func (s *session) showMessage(c *client, msg string) {
	if !c.attached {
		return
	}
	c.message = msg
	c.msgGen++
	gen := c.msgGen
	time.AfterFunc(s.set.msgWait, func() {
		s.post(func() {
			if c.msgGen == gen && c.message != "" {
				c.message = ""
				s.markDirty(c)
			}
		})
	})
	s.markDirty(c)
}
