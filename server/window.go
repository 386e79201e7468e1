package server

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
)

// startWindow starts argv in a new PTY of the given size.
func (s *session) startWindow(number int, argv []string, dir, title string, cols, rows int) (*window.Window, error) {
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
	prog, login := window.ProgramName(argv[0])
	path, err := exec.LookPath(prog)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", errCannotRun, prog, err)
	}
	cmd := exec.Command(path, argv[1:]...)
	cmd.Args[0] = prog
	if login || s.opts.LoginShell && len(argv) == 1 && argv[0] == s.set.Shell {
		cmd.Args[0] = "-" + window.BaseName(prog)
	}
	cmd.Dir = dir
	cmd.Env = s.childEnv(number)
	p, err := pane.Start(cmd, cols, rows, s.set.Scrollback, s.set.Flow != window.FlowOff)
	if err != nil {
		return nil, fmt.Errorf("start %s: %w", argv[0], err)
	}
	w := &window.Window{Pane: p, WindowModel: handover.WindowModel{Number: number, Title: title, Argv: argv, ID: s.nextWindowID()}}
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
		w.Title = window.BaseName(prog)
	}
	w.Title = proto.Printable(w.Title)
	s.runWindow(w)
	return w, nil
}

// runWindow starts the pane's goroutines, which tell the loop what happens.
func (s *session) runWindow(w *window.Window) {
	w.Run(pane.Loop{Events: s.events, Bulk: s.bulk, Freeze: &s.frz}, pane.Events{
		Output:  func(data []byte) { s.windowOutput(w, data) },
		Written: func() { w.InputWritten(s.host()) },
		Exited:  func(status string, code int) { s.windowExited(w, status, code) },
	})
}

// errCannotRun is a window's program that could not be started.
var errCannotRun = errors.New("cannot run")

// stillborn is the window of a program that could not be started (err):
// as in screen, it is made, says why, and ends at once, taking its number
// until it goes, so that an rc's next window gets the number after it. Its
// end is the loop's, after what is being done now (the rc, a command).
func (s *session) stillborn(number int, argv []string, title string, cols, rows int, err error) *window.Window {
	prog, _ := window.ProgramName(argv[0])
	if title == "" {
		title = window.BaseName(prog)
	}
	w := &window.Window{
		Pane:        pane.Dead(0, vt.New(cols, rows, s.set.Scrollback)),
		WindowModel: handover.WindowModel{Number: number, Title: title, Argv: argv, Named: title != window.BaseName(prog), ID: s.nextWindowID()},
	}
	w.Screen.Write([]byte(err.Error() + "\r\n"))
	s.queue(func() { s.windowExited(w, err.Error(), 127) })
	return w
}
