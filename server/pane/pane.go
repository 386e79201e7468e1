package pane

import (
	"bytes"
	"os/exec"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto/quietfd"
	"github.com/gmux/gmux/server/park"
	"github.com/gmux/gmux/server/proc"
	"github.com/gmux/gmux/server/vt"
	"golang.org/x/sys/unix"
)

// Pane is one program in a PTY and its terminal's emulation. Its fields and
// methods are the loop's, but for the atomics and the queue, which its
// goroutines share.
type Pane struct {
	PID    int        // the program's; its process group's too
	Screen *vt.Screen // the emulation of its terminal
	PTY    *quietfd.File
	Input  *Queue // input the program has not read yet
	// Exited: the program ended and the PTY is closed (Close), or it never
	// started.
	Exited bool
	// Stalled: the program read nothing for InputStall, so input beyond
	// InputHigh is dropped (Deliver), and Dropped counts it.
	Stalled   bool
	Dropped   int
	LastInput time.Time // when input was last sent to it
	// Gate holds the reader while flow control has stopped the output.
	Gate Gate
	// HasWaiters is set by the loop while clients wait for the input queue
	// to drain: the writer then reports its progress (Events.Written).
	HasWaiters atomic.Bool

	rawPTY syscall.RawConn
	now    proc.NowWriter // the loop's write before the writer's
	cmd    *exec.Cmd      // nil for a program a live upgrade handed over
	// Closed when the reader has seen the PTY close, when the program has
	// been waited for, and when the writer has ended.
	readDone, reaped, writerDone chan struct{}
	// Its reader and writer stopped by a live upgrade's freeze.
	readParked, writeParked park.Flag
}

// Loop is the session loop as a pane's goroutines reach it: the two lanes
// of events (the server's fairness.go) and the freeze of a live upgrade.
type Loop struct {
	Events, Bulk chan func()
	Freeze       *park.Freeze
}

// Events are what a pane tells the loop; each runs on the loop.
type Events struct {
	Output  func(data []byte)             // the program wrote data
	Written func()                        // input was written while HasWaiters
	Exited  func(status string, code int) // the program ended: how
}

func newPane(screen *vt.Screen) *Pane {
	return &Pane{
		Screen: screen, Input: newQueue(), LastInput: time.Now(),
		readDone: make(chan struct{}), reaped: make(chan struct{}), writerDone: make(chan struct{}),
	}
}

// Start starts cmd in a new PTY of the given size, with a screen of that
// size keeping scrollback lines. Without ixon (flow off) C-s and C-q reach
// the program. Its goroutines start with Run.
func Start(cmd *exec.Cmd, cols, rows, scrollback int, ixon bool) (*Pane, error) {
	master, err := proc.StartInPTY(cmd, cols, rows, ixon)
	if err != nil {
		return nil, err
	}
	f, err := proc.Pollable(master)
	if err != nil {
		_ = cmd.Process.Kill() // it has no terminal to talk to
		go proc.WaitProgram(cmd)
		return nil, err
	}
	p := newPane(vt.New(cols, rows, scrollback))
	p.PID, p.PTY, p.rawPTY, p.cmd = cmd.Process.Pid, f, proc.RawConn(f), cmd
	return p, nil
}

// Adopt takes over a program a live upgrade handed over: its PID, the PTY
// master's descriptor and its screen.
func Adopt(pid, ptyFD int, screen *vt.Screen) (*Pane, error) {
	f, err := quietfd.New(ptyFD, "/dev/ptmx") // as proc.Pollable makes it
	if err != nil {
		return nil, err
	}
	p := newPane(screen)
	p.PID, p.PTY, p.rawPTY = pid, f, proc.RawConn(f)
	return p, nil
}

// Dead is a pane with no program running (it never started, or it ended
// before a live upgrade): a screen to show, and no goroutines to Run. It is
// Exited once Closed, when the session has handled its end.
func Dead(pid int, screen *vt.Screen) *Pane {
	p := newPane(screen)
	p.PID = pid
	close(p.readDone)
	close(p.reaped)
	close(p.writerDone)
	return p
}

// Deliver queues input for the program. Written at once when nothing queued
// is still to be written (so input keeps its order), else a copy is queued;
// it never blocks the loop, and drops only while the program is stalled.
func (p *Pane) Deliver(b []byte) {
	p.LastInput = time.Now()
	if p.rawPTY == nil { // Dead: nothing reads it
		return
	}
	if p.Input.Len() == 0 {
		n := p.now.Write(p.rawPTY, b)
		if n > 0 {
			p.Input.touch()
		}
		if b = b[n:]; len(b) == 0 {
			return
		}
	}
	if p.Stalled {
		if room := InputHigh - p.Input.Len(); len(b) > room {
			p.Dropped += len(b) - max(room, 0)
			b = b[:max(room, 0)]
		}
		if len(b) == 0 {
			return
		}
	}
	p.Input.Push(bytes.Clone(b))
}

// Resize sets the PTY and emulator size; the kernel sends SIGWINCH.
func (p *Pane) Resize(cols, rows int) {
	if c, r := p.Screen.Size(); c == cols && r == rows {
		return
	}
	p.Screen.Resize(cols, rows)
	if !p.Exited && p.PTY != nil { // Dead: no terminal to size
		_ = proc.SetWinsize(p.PTY, cols, rows) // a failure leaves the old size, which is harmless
	}
}

// Termios returns the PTY's terminal settings.
func (p *Pane) Termios() (*unix.Termios, error) {
	var t *unix.Termios
	var gerr error
	// Through the raw descriptor: os.File.Fd would make the PTY blocking.
	if err := p.rawPTY.Control(func(fd uintptr) { t, gerr = proc.GetTermios(int(fd)) }); err != nil {
		return nil, err
	}
	return t, gerr
}

// SetTermios sets the PTY's terminal settings.
func (p *Pane) SetTermios(t *unix.Termios) error {
	var serr error
	if err := p.rawPTY.Control(func(fd uintptr) { serr = proc.SetTermios(int(fd), t) }); err != nil {
		return err
	}
	return serr
}

// Hangup ends the program the way a closed terminal does: SIGHUP to its
// process group (closing the PTY alone would not wake a blocked reader).
func (p *Pane) Hangup() {
	// A pane whose program never started has no PID: kill(-0) would signal
	// the server's own process group.
	if !p.Exited && p.PID > 0 {
		_ = syscall.Kill(-p.PID, syscall.SIGHUP) // already gone is fine
	}
}

// KillGrace is how long a program has to end after SIGHUP, and then after
// SIGTERM, before it gets the next, stronger signal.
const KillGrace = 2 * time.Second

// Terminate ends the program: SIGHUP, as a closed terminal does; one that
// ignores it gets SIGTERM after KillGrace, and SIGKILL after another. It
// returns at once.
func (p *Pane) Terminate() {
	if p.Exited || p.PID <= 0 {
		return
	}
	p.Hangup()
	pid := p.PID
	go func() {
		for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGKILL} {
			if within(p.reaped, KillGrace) {
				return
			}
			// The group, and the program itself should it have left it.
			_ = syscall.Kill(-pid, sig)
			_ = syscall.Kill(pid, sig)
		}
	}()
}

// Close releases the PTY once the program has ended.
func (p *Pane) Close() {
	p.Exited = true
	p.Gate.Release()
	p.Input.close()
	if p.PTY != nil {
		p.PTY.Close()
	}
}

// SetClock makes the input queue count time by now (a test's clock, the
// session's): whether the program has read, and how long it has not. Set
// it before the pane runs.
func (p *Pane) SetClock(now func() time.Time) {
	q := p.Input
	q.mu.Lock()
	q.now, q.progress = now, now()
	q.mu.Unlock()
}

// Reaped is closed once the program has been waited for.
func (p *Pane) Reaped() <-chan struct{} { return p.reaped }

// AwaitReaped waits until the program has been waited for, or until by,
// and reports whether it was.
func (p *Pane) AwaitReaped(by time.Time) bool { return within(p.reaped, time.Until(by)) }

// AtRest reports whether the reader and the writer have parked for a freeze
// or ended.
func (p *Pane) AtRest() bool {
	return (p.readParked.Load() || isClosed(p.readDone)) && (p.writeParked.Load() || isClosed(p.writerDone))
}

func isClosed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
