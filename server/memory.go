package server

import (
	"os"
	"runtime"
	"runtime/debug"

	"time"

	"github.com/gmux/gmux/server/sched"
	"github.com/gmux/gmux/server/vt"
)

// After a flood the heap holds the garbage of everything that went by (the
// lines made for the history before they were compressed, the frames drawn),
// and Go hands freed memory back to the system slowly (its scavenger works
// over minutes), so a server's resident set would stay near the flood's peak
// long after. Once output has been quiet for releaseQuiet after at least
// releaseAfter bytes of it, the session packs the windows' newest history
// lines and the screens of hidden windows too (packAtRest) and returns the
// memory at once. The timer is one-shot and armed only by output: an idle
// session has none.
const (
	releaseAfter = 4 << 20
	releaseQuiet = time.Second
)

// memoryRelease tracks output since memory was last returned.
type memoryRelease struct {
	bytes      int
	lastOutput time.Time
	armed      bool
}

// note counts n bytes of output that came at now, arming the release
// after a lot.
func (m *memoryRelease) note(s *session, n int, now time.Time) {
	m.bytes += n
	m.lastOutput = now
	if m.bytes >= releaseAfter && !m.armed {
		m.arm(s)
	}
}

// arm looks, releaseQuiet after the last output, whether output has
// stopped; then the memory goes back.
func (m *memoryRelease) arm(s *session) {
	m.armed = true
	// Due releaseQuiet after the last output, not a whole releaseQuiet
	// after this look: the release, a one-off, is over sooner after a
	// flood, and the idle time after it free of wake-ups.
	wait := releaseQuiet
	if !m.lastOutput.IsZero() {
		wait = max(releaseQuiet-time.Since(m.lastOutput), time.Millisecond)
	}
	s.after(sched.Key{Kind: sched.Memory}, wait, func() {
		if time.Since(m.lastOutput) < releaseQuiet {
			m.arm(s) // still busy: look again later
			return
		}
		m.armed, m.bytes = false, 0
		if !s.packAtRest() {
			returnMemory()
		} // else the compressor returns it when done (vt.AfterRepack)
	})
}

// packAtRest has every window's history compress its newest lines too
// (vt.History.PackTail): at rest they are most of what an idle window's
// history holds. The screens of windows no display shows are packed as
// well (vt.Screen.Pack): 16 bytes a cell, 160 KB at 200x50, until the
// window changes or is shown. It reports whether anything was packed; the
// compressor then returns the memory when done (AfterRepack).
func (s *session) packAtRest() bool {
	tails, screens := 0, 0
	for _, w := range s.windows {
		if w.Screen.History().PackTail() {
			tails++
		}
		if !s.shownAnywhere(w) && w.Screen.Pack() {
			screens++
		}
	}
	if tails+screens == 0 {
		return false
	}
	s.log.Printf("at rest: packed %d history tails and %d hidden screens", tails, screens)
	return true
}

// returnMemory frees what the heap no longer uses and gives it back to the
// system. Two collections: the first moves the pools' spare buffers
// (readBuffers) aside, the second (FreeOSMemory's) frees them.
func returnMemory() {
	runtime.GC()
	debug.FreeOSMemory()
}

func init() {
	// The history's compressor repacks a burst's blocks smaller once it is
	// over, then lets its encoders go: what that frees goes back too.
	vt.AfterRepack = returnMemory
}

// gcPercent is the collector's pacing for a server (GOGC, unless set in
// the environment). Most of a long-lived server's heap is history: bytes
// without pointers, which a collection does not scan, so collecting more
// often costs little, while Go's default (100: the heap may double before a
// collection) lets a flood into a big history briefly take twice its
// memory. Measured: a million lines printed into a window with a
// million-line history peaked at 106 MB resident with 100, 84-89 MB with
// 50 and 80 MB with 25, at rest 44-47 MB with each; the flood's time was
// the same within this machine's noise with 50 and up to a fifth longer
// with 25.
const gcPercent = 50

// tuneCollector sets the server's pacing, leaving a GOGC the user set.
func tuneCollector() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}
