package window

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"

	"github.com/creack/pty"
	"github.com/gmux/gmux/server/proc"
	"github.com/gmux/gmux/server/sched"
)

// screen's exec (and its short forms !cmd and |cmd): a second program in a
// window, wired to the window's program and to the display by a file
// descriptor pattern of three characters, for the new program's stdin,
// stdout and stderr: "." connects it to the display (its own terminal),
// "!" to the window's program, ":" to both. So "exec .!. cmd" types what
// cmd prints into the program (screen's !!stty), "exec !.. cmd" shows the
// program's output through cmd, a filter, and "exec ... /bin/sh" runs a
// second shell the user types to. A fourth character "|" sends what the
// user types to the window's program even so.

// Filter is a window's exec'd program.
type Filter struct {
	argv      []string
	pat       string // three of . ! :
	userInput bool   // what the user types goes to it
	cmd       *exec.Cmd
	in        chan []byte // to its stdin, written by a goroutine
	tty       *os.File    // the master of its own terminal, for "." descriptors
	// typedBacklog is what the user typed that the queue had no room for:
	// it goes in as room comes (filter.feed), in order, never dropped below
	// maxFilterBacklog.
	typedBacklog []byte
}

// maxFilterQueue bounds what waits for a slow filter's stdin.
const maxFilterQueue = 256

// maxFilterBacklog bounds what the user types that waits beyond the queue
// for a filter that does not read: far more than anyone types, or pastes
// into a program that reads at all.
const maxFilterBacklog = 4 << 20

// filterRetry is how often typed input waiting for a filter's queue tries.
const filterRetry = 10 * time.Millisecond

// ParseFdpat splits exec's arguments into the pattern and the command:
// "!..|" "less", "!stty" ("!" "stty"), "|" alone is "!..|"; a pattern of
// dots may be left out.
func ParseFdpat(args []string) (pat string, pipeUser bool, argv []string, err error) {
	first := args[0]
	n := 0
	for n < len(first) && n < 4 && strings.IndexByte(".!:|", first[n]) >= 0 {
		n++
	}
	pat, argv = first[:n], args[1:]
	if rest := first[n:]; rest != "" {
		argv = append([]string{rest}, args[1:]...)
	}
	if pat == "|" {
		pat = "!..|"
	}
	if i := strings.IndexByte(pat, '|'); i >= 0 {
		pat, pipeUser = pat[:i], true
	}
	for len(pat) < 3 {
		pat += "."
	}
	if strings.ContainsRune(pat, '|') || len(pat) > 3 {
		return "", false, nil, fmt.Errorf("exec: bad pattern %q (three of . ! : and an optional |)", first[:n])
	}
	if len(argv) == 0 {
		return "", false, nil, fmt.Errorf("exec: no command")
	}
	return pat, pipeUser, argv, nil
}

// StartFilter runs argv as w's filter.
func (w *Window) StartFilter(h Host, pat string, pipeUser bool, argv []string) error {
	if w.Filter != nil {
		return fmt.Errorf("exec: %s is still running in this window", strings.Join(w.Filter.argv, " "))
	}
	path, err := exec.LookPath(argv[0])
	if err != nil {
		return fmt.Errorf("exec: %w", err)
	}
	f := &Filter{argv: argv, pat: pat, in: make(chan []byte, maxFilterQueue)}
	f.userInput = pat[0] == '.' && !pipeUser
	cmd := exec.Command(path, argv[1:]...)
	cmd.Args[0] = argv[0]
	cmd.Env, cmd.Dir = h.Env(w), h.Settings().Dir
	var tty *os.File
	if strings.Contains(pat, ".") {
		master, slave, err := pty.Open()
		if err != nil {
			return fmt.Errorf("exec: %w", err)
		}
		cols, rows := w.Screen.Size()
		_ = pty.Setsize(master, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
		defer slave.Close()
		f.tty, tty = master, slave
	}
	var closers []io.Closer
	var stdin io.WriteCloser
	if pat[0] == '.' {
		cmd.Stdin = tty
		stdin = f.tty
	} else {
		r, wr, err := os.Pipe()
		if err != nil {
			return fmt.Errorf("exec: %w", err)
		}
		cmd.Stdin, stdin = r, wr
		closers = append(closers, r)
	}
	for i, dst := range []*io.Writer{&cmd.Stdout, &cmd.Stderr} {
		if pat[i+1] == '.' {
			*dst = tty
			continue
		}
		r, wr, err := os.Pipe()
		if err != nil {
			return fmt.Errorf("exec: %w", err)
		}
		*dst = wr
		closers = append(closers, wr)
		go f.read(h, w, r, pat[i+1])
	}
	if tty != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: pat[0] == '.'}
	} else {
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	}
	err = cmd.Start()
	for _, c := range closers {
		c.Close() // the child has its own copies
	}
	if err != nil {
		if f.tty != nil {
			f.tty.Close()
		}
		stdin.Close()
		return fmt.Errorf("exec: %w", err)
	}
	f.cmd = cmd
	w.Filter = f
	if f.tty != nil {
		go f.read(h, w, f.tty, '.')
	}
	go func() {
		for b := range f.in {
			if _, err := stdin.Write(b); err != nil {
				break
			}
		}
		if stdin != f.tty {
			stdin.Close()
		}
		for range f.in { // drain: the loop never blocks on a dead filter
		}
	}()
	go func() {
		_ = proc.WaitProgram(cmd)
		h.Post(func() { f.ended(h, w) })
	}()
	h.Logf("window %d: exec %s %q", w.Number, pat, argv)
	return nil
}

// read passes what the filter writes on r to where the pattern says:
// the display ("."), the window's program ("!"), or both (":").
func (f *Filter) read(h Host, w *Window, r *os.File, to byte) {
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			b := append([]byte(nil), buf[:n]...)
			h.Post(func() {
				if to == '!' || to == ':' {
					w.Send(b)
				}
				if to == '.' || to == ':' {
					h.Show(w, b)
				}
			})
		}
		if err != nil {
			if r != f.tty {
				r.Close()
			}
			return
		}
	}
}

// AppOutput gives the window program's output to its filter when the
// pattern says so; shown reports whether the display gets it too.
func (f *Filter) AppOutput(data []byte) (shown bool) {
	if f.pat[0] == '.' {
		return true
	}
	select {
	case f.in <- append([]byte(nil), data...):
	default: // a filter that does not read loses output, not the session
	}
	return f.pat[0] == ':'
}

// Typed gives what the user typed in w to its filter f, when f takes
// it; what the queue has no room for waits, in order.
func (f *Filter) Typed(h Host, w *Window, b []byte) bool {
	if !f.userInput {
		return false
	}
	if len(f.typedBacklog) == 0 {
		select {
		case f.in <- append([]byte(nil), b...):
			return true
		default:
		}
	}
	if len(f.typedBacklog)+len(b) > maxFilterBacklog {
		h.Tell(fmt.Sprintf("Window %d: the exec'd program reads nothing: %d typed bytes not given to it", w.Number, len(b)))
		return true
	}
	f.typedBacklog = append(f.typedBacklog, b...)
	f.feed(h, w)
	return true
}

// feed moves typed input waiting for f's queue into it, and looks
// again soon while some waits.
func (f *Filter) feed(h Host, w *Window) {
	if w.Filter != f || len(f.typedBacklog) == 0 {
		f.typedBacklog = nil
		return
	}
	for len(f.typedBacklog) > 0 {
		piece := f.typedBacklog[:min(len(f.typedBacklog), 4096)]
		select {
		case f.in <- append([]byte(nil), piece...):
			f.typedBacklog = f.typedBacklog[len(piece):]
			continue
		default:
		}
		h.After(sched.Key{Kind: sched.FilterInput, ID: w.ID}, filterRetry, func() { f.feed(h, w) })
		return
	}
	f.typedBacklog = nil
}

// Stop ends the filter (kill acts on it while it runs, as in screen).
func (f *Filter) Stop() {
	if f.cmd != nil && f.cmd.Process != nil {
		_ = syscall.Kill(-f.cmd.Process.Pid, syscall.SIGHUP)
		_ = f.cmd.Process.Signal(syscall.SIGHUP)
	}
}

// ended puts the window back as it was once its filter is gone.
func (f *Filter) ended(h Host, w *Window) {
	if w.Filter != f {
		return
	}
	w.Filter = nil
	close(f.in)
	if f.tty != nil {
		f.tty.Close()
	}
	h.Logf("window %d: exec %q ended", w.Number, f.argv)
}

// Argv is the filter's command, and Pattern its descriptor pattern.
func (f *Filter) Argv() []string  { return f.argv }
func (f *Filter) Pattern() string { return f.pat }
