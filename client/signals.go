package client

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// terminalReset puts a terminal back in the state a shell expects whatever
// the session's programs had set, for when the server could not do it (it
// died, or did not answer): CAN abandons a sequence cut off mid-way, then the
// main screen, normal cursor keys and keypad, no mouse reporting, focus
// events or bracketed paste, a visible cursor, plain attributes, and a fresh
// line for the message that follows.
const terminalReset = "\x18" +
	"\x1b[?1049l" +
	"\x1b[?1l\x1b>" +
	"\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1005l\x1b[?1006l\x1b[?1015l" +
	"\x1b[?1004l\x1b[?2004l" +
	"\x1b[?25h\x1b[0m" +
	"\r\n"

// answerWait bounds how long the client waits for the server to release its
// terminal before it does so itself.
const answerWait = time.Second

// attachment is what the signal handler of an attached client works on.
type attachment struct {
	conn    *sessionConn
	in, out *os.File
	raw     *term.State // the terminal's state before raw mode
	session string
	ended   chan Result
	acks    chan struct{} // the server released the terminal (suspend)
	signal  atomic.Value  // the os.Signal that detached the client, if one did
	// detachRequest: the server takes a detach frame as a request.
	detachRequest bool

	mu      sync.Mutex
	waiting bool // for the server's answer to a suspend
}

// handleSignals handles the client's signals while it is attached: a resize
// is passed on; a stop (SIGTSTP, C-z from a shell's job control) first has
// the server let go of the terminal, and a continue takes it back; a
// hang-up or a kill detaches, the server restoring the terminal first.
func (a *attachment) handleSignals(sigs <-chan os.Signal) {
	for sig := range sigs {
		switch sig {
		case syscall.SIGWINCH:
			if c, r, err := term.GetSize(int(a.out.Fd())); err == nil {
				proto.WriteFrame(a.conn, proto.TypeResize, proto.EncodeResize(c, r))
			}
		case syscall.SIGTSTP:
			a.suspend()
		case syscall.SIGCONT:
			a.resume()
		default:
			a.detach(sig)
			return
		}
	}
}

// suspend has the server stop reading the terminal and restore it, before
// the client stops: otherwise the server would go on taking the keys typed at
// the shell. The server's answer stops the client (released); one that does
// not answer within answerWait is not waited for. Whichever comes first, the
// answer or the deadline, stops the client, once: an answer that comes later
// (a loaded server) is read only after fg, and must not stop it again.
func (a *attachment) suspend() {
	select {
	case <-a.acks: // from a wait that ran out as its answer came
	default:
	}
	a.mu.Lock()
	a.waiting = true
	a.mu.Unlock()
	if proto.WriteFrame(a.conn, proto.TypeSuspend, nil) == nil {
		select {
		case <-a.acks:
			return
		case <-time.After(answerWait):
		}
	}
	if a.claimWait() {
		a.stop()
	}
}

// claimWait ends the wait for the server's answer and reports whether it was
// still on: the caller then stops the client.
func (a *attachment) claimWait() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	was := a.waiting
	a.waiting = false
	return was
}

// released is called when the server says it has let go of the terminal, at
// the client's request (answer) or its own (C-a z): the client stops the
// way a shell expects of a job, unless this answers a request it stopped
// for already.
func (a *attachment) released(answer bool) {
	claimed := a.claimWait()
	if answer && !claimed {
		return
	}
	a.stop()
	if claimed {
		select {
		case a.acks <- struct{}{}:
		default:
		}
	}
}

// stop hands the terminal back to the shell and stops the client until fg.
func (a *attachment) stop() {
	term.Restore(int(a.in.Fd()), a.raw)
	syscall.Kill(os.Getpid(), syscall.SIGSTOP)
}

// resume takes the terminal back after a stop, if the client is in the
// foreground (after bg it is not: it waits for the next SIGCONT, from fg).
// The server redraws everything.
func (a *attachment) resume() {
	if !retakeTerminal(a.in) {
		return
	}
	cols, rows, err := term.GetSize(int(a.out.Fd()))
	if err != nil {
		cols, rows = 80, 24
	}
	proto.WriteFrame(a.conn, proto.TypeResume, proto.EncodeResize(cols, rows))
}

// retakeTerminal puts the terminal back in raw mode after a stop, if this
// client is in the foreground (after bg it is not: it waits for the next
// SIGCONT, from fg), and reports whether it did.
func retakeTerminal(in *os.File) bool {
	pgrp, err := unix.IoctlGetInt(int(in.Fd()), unix.TIOCGPGRP)
	if err != nil || pgrp != syscall.Getpgrp() {
		return false
	}
	_, err = term.MakeRaw(int(in.Fd()))
	return err == nil
}

// detach asks the server to detach this client, so that the server, which
// may be writing to the terminal, restores it and stops before the client
// goes; the server's answer ends the attachment (see signalled). One that
// does not answer within answerWait is not waited for.
func (a *attachment) detach(sig os.Signal) {
	a.signal.Store(sig)
	if a.detachRequest && proto.WriteFrame(a.conn, proto.TypeDetach, nil) == nil {
		time.Sleep(answerWait) // the attachment normally ends meanwhile
	}
	a.ended <- Result{Status: 1, lost: true}
}

// signalled returns res as a detach by signal reports it, if a signal
// detached the client.
func (a *attachment) signalled(res Result) Result {
	if sig, ok := a.signal.Load().(os.Signal); ok {
		res.Message = fmt.Sprintf("[gmux: %s, detached from %s]", sig, a.session)
		res.Status = 1
	}
	return res
}
