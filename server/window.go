package server

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/creack/pty"
	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/vt"
)

// window is one program in a PTY and the emulation of its terminal.
type window struct {
	number int
	title  string // the name shown in lists: -t, C-a A, else the program's name
	named  bool   // title was set by the user, so the program's OSC title is ignored
	// staticTitle is dynamictitle off, as it was when the window opened.
	staticTitle bool
	argv        []string
	screen      *vt.Screen
	pty         *os.File
	rawPTY      syscall.RawConn
	queued      atomic.Int32 // input chunks handed to writeWindow and not yet written
	cmd         *exec.Cmd
	input       chan []byte   // bytes for the program, written by writeWindow
	done        chan struct{} // closed when the reader has seen the PTY close
	reaped      chan struct{} // closed when the program has been waited for
	exited      bool
	log         *windowLog // C-a H, or nil
	status      string     // how the program ended, once it has
	code        int        // its exit status (128+signal when killed)
}

// inputQueue bounds what waits to be written to a program that is not reading
// its input; beyond it, input is dropped (and the user told) rather than
// stalling the session.
const inputQueue = 1024

// readSize is the PTY read buffer: large reads keep the per-byte cost of heavy
// output low.
const readSize = 64 << 10

// readBuffers recycles PTY read buffers: a flood of output would otherwise
// allocate one per read and grow the heap the collector must keep up with.
var readBuffers = sync.Pool{New: func() any { b := make([]byte, readSize); return &b }}

// startWindow starts argv in a new PTY of the given size.
func (s *session) startWindow(number int, argv []string, dir, title string, cols, rows int) (*window, error) {
	if len(argv) == 0 {
		argv = []string{s.opts.Shell}
	}
	path, err := exec.LookPath(argv[0])
	if err != nil {
		return nil, fmt.Errorf("cannot run %s: %w", argv[0], err)
	}
	cmd := exec.Command(path, argv[1:]...)
	cmd.Args[0] = argv[0]
	if s.opts.LoginShell && len(argv) == 1 && argv[0] == s.opts.Shell {
		cmd.Args[0] = "-" + baseName(argv[0])
	}
	cmd.Dir = dir
	cmd.Env = s.childEnv(number)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		return nil, fmt.Errorf("start %s: %w", argv[0], err)
	}
	if f, err = pollable(f); err != nil {
		_ = cmd.Process.Kill() // it has no terminal to talk to
		go cmd.Wait()
		return nil, fmt.Errorf("start %s: %w", argv[0], err)
	}
	w := &window{
		number: number,
		title:  title,
		argv:   argv,
		screen: vt.New(cols, rows, s.opts.Scrollback),
		pty:    f,
		rawPTY: rawConn(f),
		cmd:    cmd,
		input:  make(chan []byte, inputQueue),
		done:   make(chan struct{}),
		reaped: make(chan struct{}),
	}
	w.named = title != ""
	w.staticTitle = s.staticTitles
	if !w.named {
		w.title = baseName(argv[0])
	}
	w.title = proto.Printable(w.title)
	go s.readWindow(w)
	go writeWindow(w)
	go s.waitWindow(w)
	return w, nil
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}

// readWindow moves the program's output to the session loop. The channel send
// blocks while the loop is busy: that is the back-pressure that slows a
// program down rather than buffering without bound.
func (s *session) readWindow(w *window) {
	defer close(w.done)
	for {
		bp := readBuffers.Get().(*[]byte)
		n, err := readRaw(w.rawPTY, *bp)
		if n > 0 {
			s.post(func() {
				s.windowOutput(w, (*bp)[:n])
				readBuffers.Put(bp)
			})
		} else {
			readBuffers.Put(bp)
		}
		if err != nil {
			return // EIO once the program and its children closed the PTY
		}
	}
}

// writeWindow writes queued input to the program; it alone may block on it.
func writeWindow(w *window) {
	for b := range w.input {
		_, err := w.pty.Write(b)
		w.queued.Add(-1)
		if err != nil {
			for range w.input {
				w.queued.Add(-1) // the program is gone: drain until the window closes
			}
			return
		}
	}
}

// waitWindow reaps the program and reports its end to the loop.
func (s *session) waitWindow(w *window) {
	err := w.cmd.Wait()
	close(w.reaped)
	// Output written just before exit may still be in the PTY: give the reader
	// a moment to pass it on. Background children holding the PTY open do not
	// keep the window alive, as in screen.
	select {
	case <-w.done:
	case <-time.After(500 * time.Millisecond):
	}
	status, code := exitStatus(err)
	s.post(func() { s.windowExited(w, status, code) })
}

func exitStatus(err error) (string, int) {
	var ee *exec.ExitError
	if err == nil {
		return "exited 0", 0
	}
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return "killed by signal " + strconv.Itoa(int(ws.Signal())) + " (" + ws.Signal().String() + ")", 128 + int(ws.Signal())
		}
		return "exited " + strconv.Itoa(ee.ExitCode()), ee.ExitCode()
	}
	return err.Error(), 1
}

// send writes bytes for the program, or queues a copy of what the PTY does not
// take at once; it never blocks the loop.
func (w *window) send(b []byte) bool {
	if w.exited || len(b) == 0 {
		return true
	}
	// Written here only when nothing queued is still to be written, so input
	// keeps its order.
	if w.queued.Load() == 0 {
		if b = b[writeNow(w.rawPTY, b):]; len(b) == 0 {
			return true
		}
	}
	w.queued.Add(1)
	select {
	case w.input <- bytes.Clone(b):
		return true
	default:
		w.queued.Add(-1)
		return false
	}
}

// resize sets the PTY and emulator size; the kernel sends SIGWINCH.
func (w *window) resize(cols, rows int) {
	if c, r := w.screen.Size(); c == cols && r == rows {
		return
	}
	w.screen.Resize(cols, rows)
	if !w.exited {
		_ = setWinsize(w.pty, cols, rows) // a failure leaves the old size, which is harmless
	}
}

// hangup ends the program the way a closed terminal does: SIGHUP to its
// process group (closing the PTY alone would not wake a blocked reader).
func (w *window) hangup() {
	if w.cmd.Process != nil && !w.exited {
		_ = syscall.Kill(-w.cmd.Process.Pid, syscall.SIGHUP) // already gone is fine
	}
}

// killGrace is how long a program has to end after SIGHUP, and then after
// SIGTERM, before it gets the next, stronger signal.
const killGrace = 2 * time.Second

// terminate ends the program: SIGHUP, as a closed terminal does; one that
// ignores it gets SIGTERM after killGrace, and SIGKILL after another. It
// returns at once.
func (w *window) terminate() {
	if w.exited {
		return
	}
	w.hangup()
	pid := w.cmd.Process.Pid
	go func() {
		for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGKILL} {
			select {
			case <-w.reaped:
				return
			case <-time.After(killGrace):
			}
			// The group, and the program itself should it have left it.
			_ = syscall.Kill(-pid, sig)
			_ = syscall.Kill(pid, sig)
		}
	}()
}

// close releases the PTY once the program has ended.
func (w *window) close() {
	w.exited = true
	close(w.input)
	w.pty.Close()
}

// displayTitle is the title shown in lists: the user's, else the one the
// program set (OSC 0/2) unless dynamictitle is off, else the program's name.
func (w *window) displayTitle() string {
	if t := w.screen.Title(); t != "" && !w.named && !w.staticTitle {
		return t
	}
	return w.title
}
