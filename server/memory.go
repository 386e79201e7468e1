package server

import (
	"runtime/debug"
	"time"
)

// After a flood the heap holds the garbage of everything that went by (the
// lines made for the history before they were compressed, the frames drawn),
// and Go hands freed memory back to the system slowly (its scavenger works
// over minutes), so a server's resident set would stay near the flood's peak
// long after. Once output has been quiet for releaseQuiet after at least
// releaseAfter bytes of it, the session returns the memory at once. The
// timer is one-shot and armed only by output: an idle session has none.
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

// noteMemory counts n bytes of output that came at now, arming the release
// after a lot.
func (s *session) noteMemory(n int, now time.Time) {
	m := &s.mem
	m.bytes += n
	m.lastOutput = now
	if m.bytes >= releaseAfter && !m.armed {
		s.armMemoryRelease()
	}
}

func (s *session) armMemoryRelease() {
	s.mem.armed = true
	time.AfterFunc(releaseQuiet, func() {
		s.post(func() {
			m := &s.mem
			if time.Since(m.lastOutput) < releaseQuiet {
				s.armMemoryRelease() // still busy: look again later
				return
			}
			m.armed, m.bytes = false, 0
			debug.FreeOSMemory()
		})
	})
}
