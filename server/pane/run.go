package pane

import (
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/gmux/gmux/server/proc"
	"golang.org/x/sys/unix"
)

// readSize is the PTY read buffer: large reads keep the per-byte cost of heavy
// output low.
const readSize = 64 << 10

// readBuffers recycles PTY read buffers: a flood of output would otherwise
// allocate one per read and grow the heap the collector must keep up with.
var readBuffers = sync.Pool{New: func() any { b := make([]byte, readSize); return &b }}

// writePiece is the most written to a program at once.
const writePiece = 16 << 10

// Run starts the pane's reader, writer and waiter.
func (p *Pane) Run(loop Loop, ev Events) {
	go p.read(loop, ev)
	go p.write(loop, ev)
	go p.wait(loop, ev)
}

// read moves the program's output to the loop. At most outputInFlight
// chunks wait for the loop: that is the back-pressure that slows a program
// down rather than buffering without bound. The lane they wait in is chosen
// by outputLane.
func (p *Pane) read(loop Loop, ev Events) {
	defer close(p.readDone)
	lanes := newOutputLane(loop)
	// The buffer is taken when there is output to read, not while waiting
	// for it: ten idle panes would otherwise hold ten of them.
	var bp *[]byte
	get := func() []byte {
		bp = readBuffers.Get().(*[]byte)
		return *bp
	}
	put := func() {
		readBuffers.Put(bp)
		bp = nil
	}
	pty := proc.NewRawReader(p.rawPTY, get, put)
	for {
		if !p.Gate.wait(loop.Freeze.Frozen()) {
			loop.Freeze.Park(&p.readParked)
			continue
		}
		n, err := pty.Read()
		if n > 0 {
			buf := bp // the loop's until its last piece is shown
			bp = nil
			// In slices: the loop turns to other panes' echo between them.
			for off := 0; off < n; off += outputSlice {
				piece, last := (*buf)[off:min(off+outputSlice, n)], off+outputSlice >= n
				lanes.send(func() {
					defer lanes.taken() // deferred: a panic in the emulator must not freeze the pane
					ev.Output(piece)
					if last {
						readBuffers.Put(buf)
					}
				})
			}
		} else if bp != nil {
			put()
		}
		if err != nil {
			if loop.Freeze.Stopped(err) && loop.Freeze.Park(&p.readParked) {
				continue
			}
			return // EIO once the program and its children closed the PTY
		}
	}
}

// write writes queued input to the program; it alone may block on it. It
// writes a piece at a time so that the loop hears of the progress of a large
// paste and lets the clients that wait for it go on.
func (p *Pane) write(loop Loop, ev Events) {
	defer close(p.writerDone)
	var failed error
	for {
		b, open := p.Input.take()
		if !open {
			return
		}
		if b == nil { // a freeze interrupted the wait
			loop.Freeze.Park(&p.writeParked)
			continue
		}
		for len(b) > 0 {
			n := len(b)
			if failed == nil {
				n, failed = p.PTY.Write(b[:min(len(b), writePiece)])
			}
			if loop.Freeze.Stopped(failed) {
				p.Input.wrote(n)
				p.Input.unshift(b[n:]) // written after the freeze, by this server or the next
				failed = nil
				loop.Freeze.Park(&p.writeParked)
				break
			}
			if failed != nil {
				n = len(b) // the program is gone: discard until the pane closes
			}
			b = b[n:]
			p.Input.wrote(n)
			if p.HasWaiters.Load() {
				loop.Events <- ev.Written
			}
		}
	}
}

// wait reaps the program (server/proc) and reports its end to the loop.
func (p *Pane) wait(loop Loop, ev Events) {
	ws, err := proc.Reap(p.PID)
	close(p.reaped)
	p.Gate.Release() // what it wrote before it ended is shown, held or not
	if p.cmd != nil {
		_ = p.cmd.Process.Release() // frees its pidfd; the PID is reaped already
	}
	// Output written just before exit may still be in the PTY: give the reader
	// a moment to pass it on. Background children holding the PTY open do not
	// keep the pane alive, as in screen.
	within(p.readDone, 500*time.Millisecond)
	status, code := exitStatus(ws, err)
	loop.Events <- func() { ev.Exited(status, code) }
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

// within waits at most d for ch to close, and reports whether it did.
func within(ch <-chan struct{}, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ch:
		return true
	case <-t.C:
		return false
	}
}
