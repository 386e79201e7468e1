package server

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/vt"
)

// window is one of the session's windows: a pane (server/pane: the program,
// its PTY, its screen, its input queue) and what the session knows of it:
// its number and title, its log, monitoring, flow mode and the input held
// behind a paste.
type window struct {
	*pane.Pane
	// WindowModel is its number, title, monitoring and flow mode, and how
	// its program ended: what a live upgrade hands over as it is.
	handover.WindowModel
	waiters      []*client   // clients that wait for its input queue to drain (inputqueue.go)
	stallTimer   bool        // a check that the program reads is scheduled
	stalledAt    time.Time   // when it was found Stalled
	droppedShown int         // the Dropped bytes the displays were told of
	removed      bool        // out of the window list (killed, or closed)
	held         []heldInput // input waiting behind a paste (paste.go)
	lastOutput   time.Time   // when the program last wrote
	syncSince    time.Time   // when it opened the frame it is drawing (syncoutput.go), or zero
	log          *windowLog  // C-a H, or nil
	silenceTimer bool        // a silence check is scheduled
	shownAt      int64       // when a display last switched to it (windowlist -m), in selections
	filter       *filter     // a program exec'd into the window (exec.go)
	heldOutput   []byte      // read before the gate closed, shown when it opens
}

// startWindow starts argv in a new PTY of the given size.
func (s *session) startWindow(number int, argv []string, dir, title string, cols, rows int) (*window, error) {
	if len(argv) == 0 {
		argv = []string{s.set.Shell}
		if title == "" {
			title = s.set.ShellTitle // screen's shelltitle: for shells only
		}
	}
	// "search|name" is screen's dynamic title: name, until the shell's
	// prompt (found by search) is followed by a command (vt/titlesearch.go).
	search, name, dynamic := strings.Cut(title, "|")
	if dynamic {
		title = name
	}
	prog, login := programName(argv[0])
	path, err := exec.LookPath(prog)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", errCannotRun, prog, err)
	}
	cmd := exec.Command(path, argv[1:]...)
	cmd.Args[0] = prog
	if login || s.opts.LoginShell && len(argv) == 1 && argv[0] == s.set.Shell {
		cmd.Args[0] = "-" + baseName(prog)
	}
	cmd.Dir = dir
	cmd.Env = s.childEnv(number)
	p, err := pane.Start(cmd, cols, rows, s.set.Scrollback, s.set.Flow != flowOff)
	if err != nil {
		return nil, fmt.Errorf("start %s: %w", argv[0], err)
	}
	w := &window{Pane: p, WindowModel: handover.WindowModel{Number: number, Title: title, Argv: argv, ID: s.nextWindowID()}}
	w.Screen.History().SetByteLimit(s.set.HistoryBytes)
	w.Term = s.set.Term
	w.Named = title != "" && !dynamic
	if dynamic {
		w.Screen.SetTitleSearch(search)
	}
	w.StaticTitle = s.set.StaticTitles
	w.Monitor = s.set.DefMonitor
	w.Screen.SetDefaultColors(s.DisplayColors[0], s.DisplayColors[1])
	if s.set.DefSilence {
		w.SilenceWait = s.set.SilenceWait
	}
	w.Hstatus = s.set.DefHstatus
	w.Flow = s.set.Flow // on its terminal already (proc.StartInPTY)
	s.applyScreenDefaults(w)
	if w.Title == "" {
		w.Title = baseName(prog)
	}
	w.Title = proto.Printable(w.Title)
	s.runWindow(w)
	return w, nil
}

// runWindow starts the pane's goroutines, which tell the loop what happens.
func (s *session) runWindow(w *window) {
	w.Run(pane.Loop{Events: s.events, Bulk: s.bulk, Freeze: &s.frz}, pane.Events{
		Output:  func(data []byte) { s.windowOutput(w, data) },
		Written: func() { w.inputWritten(s) },
		Exited:  func(status string, code int) { s.windowExited(w, status, code) },
	})
}

// programName is the program argv0 names, and whether it is to run as a
// login shell: as in screen, a leading "-" (shell -bash, defshell
// -/bin/zsh, shell -$SHELL) says so; it is not part of the path, and goes
// in front of the program's argv[0] instead ("-bash"), as login(1) does.
func programName(argv0 string) (string, bool) {
	if len(argv0) > 1 && argv0[0] == '-' {
		return argv0[1:], true
	}
	return argv0, false
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}

// send writes bytes for the program, or queues a copy of what the PTY does not
// take at once; it never blocks the loop, and never drops (see inputqueue.go
// for what bounds the queue).
func (w *window) send(b []byte) {
	if w.Exited || len(b) == 0 {
		return
	}
	if len(w.held) > 0 { // behind a paste (paste.go)
		w.held = append(w.held, heldInput{b: bytes.Clone(b)})
		return
	}
	w.Deliver(b)
}

// errCannotRun is a window's program that could not be started.
var errCannotRun = errors.New("cannot run")

// stillborn is the window of a program that could not be started (err):
// as in screen, it is made, says why, and ends at once, taking its number
// until it goes, so that an rc's next window gets the number after it. Its
// end is the loop's, after what is being done now (the rc, a command).
func (s *session) stillborn(number int, argv []string, title string, cols, rows int, err error) *window {
	prog, _ := programName(argv[0])
	if title == "" {
		title = baseName(prog)
	}
	w := &window{
		Pane:        pane.Dead(0, vt.New(cols, rows, s.set.Scrollback)),
		WindowModel: handover.WindowModel{Number: number, Title: title, Argv: argv, Named: title != baseName(prog), ID: s.nextWindowID()},
	}
	w.Screen.Write([]byte(err.Error() + "\r\n"))
	s.queue(func() { s.windowExited(w, err.Error(), 127) })
	return w
}

// displayTitle is the title shown in lists: the user's, else the one the
// program set (OSC 0/2) unless dynamictitle is off, else the program's name.
func (w *window) displayTitle() string {
	if t := w.Screen.Title(); t != "" && !w.Named && !w.StaticTitle {
		return t
	}
	return w.Title
}
