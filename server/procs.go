package server

import (
	"os"
	"runtime"
	"time"

	"github.com/gmux/gmux/server/sched"
)

// The session runs on one processor (GOMAXPROCS 1) while it is interactive
// and on all of them while a window floods it with output.
//
// Measured on a two-core machine, keystroke echo side by side with tmux:
// with two processors gmux took 1.10x tmux's time, with one 0.94x. Each
// goroutine hand-off (PTY reader → loop → terminal) makes Go's scheduler wake
// an idle processor's thread to look for work; that thread takes a CPU from
// the very programs the keystroke is waiting for, and finds nothing. With one
// processor there is no idle one to wake. But a flood needs the second: the
// PTY keeps being drained while the loop parses and draws (one processor:
// about half the throughput). So the session widens when output is heavy and
// narrows again once it has been light for a while; the switch costs tens of
// microseconds, a few times per flood. A GOMAXPROCS set in the environment
// is left alone.

const (
	floodBytes  = 256 << 10              // output within floodWindow that counts as a flood
	floodWindow = 50 * time.Millisecond  // how output is measured
	narrowAfter = 500 * time.Millisecond // how often a wide session checks the rate
	narrowBytes = 512 << 10              // less output than this since the last check narrows
)

// processors tracks the output rate and sets GOMAXPROCS from it.
type processors struct {
	fixed bool      // GOMAXPROCS is not ours to change: set by the user, or one CPU
	max   int       // the runtime's own choice (CPUs, or the container's CPU limit)
	wide  bool      // running on max processors
	since time.Time // start of the current measuring window
	bytes int       // output in it (while wide: since the last check)
	busy  int       // CPU-bound work running off the loop (widen)
	// after is the loop's scheduler (deadlines.go), and now its clock.
	after func(key sched.Key, wait time.Duration, run func())
	now   func() time.Time
}

func newProcessors(after func(sched.Key, time.Duration, func()), now func() time.Time) *processors {
	p := &processors{fixed: os.Getenv("GOMAXPROCS") != "", max: runtime.GOMAXPROCS(0), after: after, now: now}
	if p.max < 2 {
		p.fixed = true
	}
	if !p.fixed {
		runtime.GOMAXPROCS(1)
	}
	return p
}

// noteOutput counts n bytes of program output and widens the session when they
// add up to a flood.
func (p *processors) noteOutput(n int) {
	if p.fixed || p.wide {
		p.bytes += n
		return
	}
	now := p.now()
	if now.Sub(p.since) > floodWindow {
		p.since, p.bytes = now, 0
	}
	if p.bytes += n; p.bytes < floodBytes {
		return
	}
	p.wide = true
	runtime.GOMAXPROCS(p.max)
	p.checkNarrow()
}

// checkNarrow narrows the session once output has been light for
// narrowAfter. The timer runs only while the session is wide, so an idle
// session has none.
func (p *processors) checkNarrow() {
	p.bytes = 0
	p.after(sched.Key{Kind: sched.Narrow}, narrowAfter, func() {
		if p.bytes >= narrowBytes {
			p.checkNarrow() // still heavy
			return
		}
		p.wide = false
		p.since, p.bytes = p.now(), 0
		if p.busy == 0 {
			runtime.GOMAXPROCS(1)
		}
	})
}

// widen gives CPU-bound work the loop hands to a goroutine (a bcrypt check
// of a password, tens to hundreds of milliseconds) a processor of its own
// until the returned function is called, on the loop. On the session's one
// processor the loop would otherwise get a turn only once per scheduler
// slice and each descriptor's readiness, and every window and display
// would wait that long (measured: a -Q behind a 0.8 s bcrypt check took
// 0.8 s).
func (p *processors) widen() (done func()) {
	if p.fixed {
		return func() {}
	}
	if p.busy++; p.busy == 1 && !p.wide {
		runtime.GOMAXPROCS(p.max)
	}
	return func() {
		if p.busy--; p.busy == 0 && !p.wide {
			runtime.GOMAXPROCS(1)
		}
	}
}
