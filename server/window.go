package server

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/proto/quietfd"
	"github.com/gmux/gmux/server/park"
	"github.com/gmux/gmux/server/proc"
	"github.com/gmux/gmux/server/vt"
	"golang.org/x/sys/unix"
)

// window is one program in a PTY and the emulation of its terminal.
type window struct {
	id     int // unique in the session for its life, unlike number (renumbered, reused)
	pid    int // the program's; its process group's too
	number int
	title  string // the name shown in lists: -t, C-a A, else the program's name
	named  bool   // title was set by the user, so the program's OSC title is ignored
	// staticTitle is dynamictitle off, as it was when the window opened.
	staticTitle  bool
	argv         []string
	screen       *vt.Screen
	pty          *quietfd.File
	rawPTY       syscall.RawConn
	now          proc.NowWriter // the loop's write before the writer (proc/nonblock.go)
	in           *inputQueue    // input the program has not read yet
	waiters      []*client      // clients that wait for in to drain (inputqueue.go)
	hasWaiters   atomic.Bool    // len(waiters) > 0, for the writer goroutine
	stallTimer   bool           // a check that the program reads is scheduled
	stalled      bool           // it read nothing for inputStall: input beyond inputHigh is dropped
	stalledAt    time.Time
	dropped      int // input bytes dropped since it stalled
	droppedShown int
	cmd          *exec.Cmd
	done         chan struct{} // closed when the reader has seen the PTY close
	reaped       chan struct{} // closed when the program has been waited for
	exited       bool
	removed      bool          // out of the window list (killed, or closed)
	held         []heldInput   // input waiting behind a paste (paste.go)
	lastOutput   time.Time     // when the program last wrote
	term         string        // the TERM its program was given
	syncSince    time.Time     // when it opened the frame it is drawing (syncoutput.go), or zero
	lastInput    time.Time     // when input was last sent to it
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
	gate         outputGate    // closed by C-s with flow on
	heldOutput   []byte        // read before the gate closed, shown when it opens
	status       string        // how the program ended, once it has
	code         int           // its exit status (128+signal when killed)
	// Its reader and writer stopped by a live upgrade's freeze (freeze.go);
	// writerDone is closed when the writer has ended.
	readParked, writeParked park.Flag
	writerDone              chan struct{}
}

// readSize is the PTY read buffer: large reads keep the per-byte cost of heavy
// output low.
const readSize = 64 << 10

// readBuffers recycles PTY read buffers: a flood of output would otherwise
// allocate one per read and grow the heap the collector must keep up with.
var readBuffers = sync.Pool{New: func() any { b := make([]byte, readSize); return &b }}

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
	master, err := proc.StartInPTY(cmd, cols, rows, s.set.Flow != flowOff)
	if err != nil {
		return nil, fmt.Errorf("start %s: %w", argv[0], err)
	}
	f, err := proc.Pollable(master)
	if err != nil {
		_ = cmd.Process.Kill() // it has no terminal to talk to
		go proc.WaitProgram(cmd)
		return nil, fmt.Errorf("start %s: %w", argv[0], err)
	}
	w := &window{
		number: number,
		title:  title,
		argv:   argv,
		screen: vt.New(cols, rows, s.set.Scrollback),
		pty:    f,
		rawPTY: proc.RawConn(f),
		cmd:    cmd,
		id:     s.nextWindowID(),
		pid:    cmd.Process.Pid,
		in:     newInputQueue(),
		done:   make(chan struct{}),
		reaped: make(chan struct{}),

		writerDone: make(chan struct{}),
	}
	w.screen.History().SetByteLimit(s.set.HistoryBytes)
	w.term = s.set.Term
	w.named = title != "" && !dynamic
	if dynamic {
		w.screen.SetTitleSearch(search)
	}
	w.staticTitle = s.set.StaticTitles
	w.monitor = s.set.DefMonitor
	w.screen.SetDefaultColors(s.displayColors[0], s.displayColors[1])
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
	go s.readWindow(w)
	go s.writeWindow(w)
	go s.waitWindow(w)
	return w, nil
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

// readWindow moves the program's output to the session loop. At most
// outputInFlight chunks wait for the loop: that is the back-pressure that
// slows a program down rather than buffering without bound. The lane they
// wait in is chosen by outputLane (fairness.go).
func (s *session) readWindow(w *window) {
	defer close(w.done)
	lanes := newOutputLane(s)
	// The buffer is taken when there is output to read, not while waiting
	// for it: ten idle windows would otherwise hold ten of them.
	var bp *[]byte
	get := func() []byte {
		bp = readBuffers.Get().(*[]byte)
		return *bp
	}
	put := func() {
		readBuffers.Put(bp)
		bp = nil
	}
	pty := proc.NewRawReader(w.rawPTY, get, put)
	for {
		if !w.gate.wait(s.frz.Frozen()) {
			s.frz.Park(&w.readParked)
			continue
		}
		n, err := pty.Read()
		if n > 0 {
			buf := bp // the loop's until its last piece is shown
			bp = nil
			// In slices: the loop turns to other windows' echo between them.
			for off := 0; off < n; off += outputSlice {
				piece, last := (*buf)[off:min(off+outputSlice, n)], off+outputSlice >= n
				lanes.send(func() {
					defer lanes.taken() // deferred: a panic in the emulator must not freeze the window
					s.windowOutput(w, piece)
					if last {
						readBuffers.Put(buf)
					}
				})
			}
		} else if bp != nil {
			put()
		}
		if err != nil {
			if s.frz.Stopped(err) && s.frz.Park(&w.readParked) {
				continue
			}
			return // EIO once the program and its children closed the PTY
		}
	}
}

// writeWindow writes queued input to the program; it alone may block on it.
// It writes a piece at a time so that the loop hears of the progress of a
// large paste and lets the clients that wait for it go on.
func (s *session) writeWindow(w *window) {
	defer close(w.writerDone)
	var failed error
	for {
		b, open := w.in.take()
		if !open {
			return
		}
		if b == nil { // a freeze interrupted the wait
			s.frz.Park(&w.writeParked)
			continue
		}
		for len(b) > 0 {
			n := len(b)
			if failed == nil {
				n, failed = w.pty.Write(b[:min(len(b), writePiece)])
			}
			if s.frz.Stopped(failed) {
				w.in.wrote(n)
				w.in.unshift(b[n:]) // written after the freeze, by this server or the next
				failed = nil
				s.frz.Park(&w.writeParked)
				break
			}
			if failed != nil {
				n = len(b) // the program is gone: discard until the window closes
			}
			b = b[n:]
			w.in.wrote(n)
			if w.hasWaiters.Load() {
				s.post(func() { s.inputWritten(w) })
			}
		}
	}
}

// writePiece is the most written to a program at once.
const writePiece = 16 << 10

// waitWindow reaps the program (proc/reap.go) and reports its end to the loop.
func (s *session) waitWindow(w *window) {
	ws, err := proc.Reap(w.pid)
	close(w.reaped)
	w.gate.release() // what it wrote before it ended is shown, held or not
	if w.cmd != nil {
		_ = w.cmd.Process.Release() // frees its pidfd; the PID is reaped already
	}
	// Output written just before exit may still be in the PTY: give the reader
	// a moment to pass it on. Background children holding the PTY open do not
	// keep the window alive, as in screen.
	select {
	case <-w.done:
	case <-time.After(500 * time.Millisecond):
	}
	status, code := exitStatus(ws, err)
	s.post(func() { s.windowExited(w, status, code) })
}

// exitStatus describes how a program ended, and the status it stands for
// (128+signal when killed, as shells count).
func exitStatus(ws unix.WaitStatus, err error) (string, int) {
	switch {
	case errors.Is(err, proc.ErrNotChild):
		return err.Error(), 0
	case err != nil:
		return "lost: " + err.Error(), 1
	case ws.Signaled():
		return "killed by signal " + strconv.Itoa(int(ws.Signal())) + " (" + ws.Signal().String() + ")", 128 + int(ws.Signal())
	}
	return "exited " + strconv.Itoa(ws.ExitStatus()), ws.ExitStatus()
}

// send writes bytes for the program, or queues a copy of what the PTY does not
// take at once; it never blocks the loop, and never drops (see inputqueue.go
// for what bounds the queue).
func (w *window) send(b []byte) {
	if w.exited || len(b) == 0 {
		return
	}
	if len(w.held) > 0 { // behind a paste (paste.go)
		w.held = append(w.held, heldInput{b: bytes.Clone(b)})
		return
	}
	w.deliver(b)
}

// deliver queues input for the program, past anything held behind a paste.
func (w *window) deliver(b []byte) {
	w.lastInput = time.Now()
	// Written here only when nothing queued is still to be written, so input
	// keeps its order.
	if w.in.len() == 0 {
		n := w.now.Write(w.rawPTY, b)
		if n > 0 {
			w.in.touch()
		}
		if b = b[n:]; len(b) == 0 {
			return
		}
	}
	if w.stalled {
		if room := inputHigh - w.in.len(); len(b) > room {
			w.dropped += len(b) - max(room, 0)
			b = b[:max(room, 0)]
		}
		if len(b) == 0 {
			return
		}
	}
	w.in.push(bytes.Clone(b))
}

// resize sets the PTY and emulator size; the kernel sends SIGWINCH.
func (w *window) resize(cols, rows int) {
	if c, r := w.screen.Size(); c == cols && r == rows {
		return
	}
	w.screen.Resize(cols, rows)
	if !w.exited {
		_ = proc.SetWinsize(w.pty, cols, rows) // a failure leaves the old size, which is harmless
	}
}

// hangup ends the program the way a closed terminal does: SIGHUP to its
// process group (closing the PTY alone would not wake a blocked reader).
func (w *window) hangup() {
	if !w.exited {
		_ = syscall.Kill(-w.pid, syscall.SIGHUP) // already gone is fine
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
	pid := w.pid
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
	w.gate.release()
	w.in.close()
	if w.pty != nil { // a window whose program never started has none
		w.pty.Close()
	}
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
		number: number, title: title, argv: argv, named: title != baseName(prog),
		screen: vt.New(cols, rows, s.set.Scrollback), id: s.nextWindowID(), in: newInputQueue(),
		done: make(chan struct{}), reaped: make(chan struct{}), writerDone: make(chan struct{}),
	}
	close(w.done)
	close(w.reaped)
	close(w.writerDone)
	w.screen.Write([]byte(err.Error() + "\r\n"))
	s.queue(func() { s.windowExited(w, err.Error(), 127) })
	return w
}

// displayTitle is the title shown in lists: the user's, else the one the
// program set (OSC 0/2) unless dynamictitle is off, else the program's name.
func (w *window) displayTitle() string {
	if t := w.screen.Title(); t != "" && !w.named && !w.staticTitle {
		return t
	}
	return w.title
}
