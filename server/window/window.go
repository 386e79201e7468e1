package window

import (
	"bytes"
	"time"

	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/pane"
)

// Window is one of the session's windows: a pane (server/pane: the program,
// its PTY, its screen, its input queue) and what the session knows of it:
// its number and title, its log, monitoring, flow mode and the input held
// behind a paste.
type Window struct {
	*pane.Pane
	// WindowModel is its number, title, monitoring and flow mode, and how
	// its program ended: what a live upgrade hands over as it is.
	handover.WindowModel
	waiters      []Waiter    // displays that wait for its input queue to drain (input.go)
	stallTimer   bool        // a check that the program reads is scheduled
	stalledAt    time.Time   // when it was found Stalled
	droppedShown int         // the Dropped bytes the displays were told of
	Removed      bool        // out of the window list (killed, or closed)
	held         []heldInput // input waiting behind a paste (paste.go)
	LastOutput   time.Time   // when the program last wrote
	SyncSince    time.Time   // when it opened the frame it is drawing (syncoutput.go), or zero
	Log          *Log        // C-a H, or nil
	silenceTimer bool        // a silence check is scheduled
	ShownAt      int64       // when a display last switched to it (windowlist -m), in selections
	Filter       *Filter     // a program exec'd into the window (exec.go)
	HeldOutput   []byte      // read before the gate closed, shown when it opens
}

// ProgramName is the program argv0 names, and whether it is to run as a
// login shell: as in screen, a leading "-" (shell -bash, defshell
// -/bin/zsh, shell -$SHELL) says so; it is not part of the path, and goes
// in front of the program's argv[0] instead ("-bash"), as login(1) does.
func ProgramName(argv0 string) (string, bool) {
	if len(argv0) > 1 && argv0[0] == '-' {
		return argv0[1:], true
	}
	return argv0, false
}

func BaseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}

// Send writes bytes for the program, or queues a copy of what the PTY does not
// take at once; it never blocks the loop, and never drops (see input.go
// for what bounds the queue).
func (w *Window) Send(b []byte) {
	if w.Exited || len(b) == 0 {
		return
	}
	if len(w.held) > 0 { // behind a paste (paste.go)
		w.held = append(w.held, heldInput{b: bytes.Clone(b)})
		return
	}
	w.Deliver(b)
}

// DisplayTitle is the title shown in lists: the user's, else the one the
// program set (OSC 0/2) unless dynamictitle is off, else the program's name.
func (w *Window) DisplayTitle() string {
	if t := w.Screen.Title(); t != "" && !w.Named && !w.StaticTitle {
		return t
	}
	return w.Title
}
