package server

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/vt"
)

// window is one of the session's windows: a pane (server/pane: the program,
// its PTY, its screen, its input queue) and what the session knows of it:
// its number and title, its log, monitoring, flow mode and the input held
// behind a paste.
type window struct {
	*pane.Pane
	id     int // unique in the session for its life, unlike number (renumbered, reused)
	number int
	title  string // the name shown in lists: -t, C-a A, else the program's name
	named  bool   // title was set by the user, so the program's OSC title is ignored
	// staticTitle is dynamictitle off, as it was when the window opened.
	staticTitle  bool
	argv         []string
	waiters      []*client     // clients that wait for its input queue to drain (inputqueue.go)
	stallTimer   bool          // a check that the program reads is scheduled
	stalledAt    time.Time     // when it was found Stalled
	droppedShown int           // the Dropped bytes the displays were told of
	removed      bool          // out of the window list (killed, or closed)
	held         []heldInput   // input waiting behind a paste (paste.go)
	lastOutput   time.Time     // when the program last wrote
	term         string        // the TERM its program was given
	syncSince    time.Time     // when it opened the frame it is drawing (syncoutput.go), or zero
	log          *windowLog    // C-a H, or nil
	monitor      bool          // output while hidden marks it (@) and tells the displays
	activity     bool          // it had output while hidden and monitored: @
	bell         bool          // it rang while hidden: !
	silenceWait  time.Duration // silence monitoring: tell after this long without output (0: off)
	silenceTimer bool          // a silence check is scheduled
	shownAt      int64         // when a display last switched to it (windowlist -m), in selections
	silent       bool          // its silence was told: ~
	flow         int           // flowAuto, flowOn, flowOff (flow.go)
	hstatus      string        // the window's hardstatus (%h)
	filter       *filter       // a program exec'd into the window (exec.go)
	heldOutput   []byte        // read before the gate closed, shown when it opens
	status       string        // how the program ended, once it has
	code         int           // its exit status (128+signal when killed)
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
	w := &window{Pane: p, number: number, title: title, argv: argv, id: s.nextWindowID()}
	w.Screen.History().SetByteLimit(s.set.HistoryBytes)
	w.term = s.set.Term
	w.named = title != "" && !dynamic
	if dynamic {
		w.Screen.SetTitleSearch(search)
	}
	w.staticTitle = s.set.StaticTitles
	w.monitor = s.set.DefMonitor
	w.Screen.SetDefaultColors(s.displayColors[0], s.displayColors[1])
	if s.set.DefSilence {
		w.silenceWait = s.set.SilenceWait
	}
	w.hstatus = s.set.DefHstatus
	w.flow = s.set.Flow // on its terminal already (proc.StartInPTY)
	s.applyScreenDefaults(w)
	if w.title == "" {
		w.title = baseName(prog)
	}
	w.title = proto.Printable(w.title)
	s.runWindow(w)
	return w, nil
}

// runWindow starts the pane's goroutines, which tell the loop what happens.
func (s *session) runWindow(w *window) {
	w.Run(pane.Loop{Events: s.events, Bulk: s.bulk, Freeze: &s.frz}, pane.Events{
		Output:  func(data []byte) { s.windowOutput(w, data) },
		Written: func() { s.inputWritten(w) },
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
		Pane:   pane.Dead(0, vt.New(cols, rows, s.set.Scrollback)),
		number: number, title: title, argv: argv, named: title != baseName(prog), id: s.nextWindowID(),
	}
	w.Screen.Write([]byte(err.Error() + "\r\n"))
	s.queue(func() { s.windowExited(w, err.Error(), 127) })
	return w
}

// displayTitle is the title shown in lists: the user's, else the one the
// program set (OSC 0/2) unless dynamictitle is off, else the program's name.
func (w *window) displayTitle() string {
	if t := w.Screen.Title(); t != "" && !w.named && !w.staticTitle {
		return t
	}
	return w.title
}
