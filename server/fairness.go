package server

import "time"

// One window's flood must not delay another window's echo, nor a client's
// keys or a -X command. The loop takes its events from two lanes: events
// (keys, commands, timers, and the output of windows the loop keeps up with)
// and bulk (the output of a window the loop is behind on). The events lane
// comes first, so an echo waits behind at most the one chunk being
// processed, not behind a flood's backlog.
//
// Measured before this (and before REP was bounded to a line), a flood of
// `A ESC[65535b` in one window made echo in another take 9-10 s and -X 17-19 s.

// outputInFlight bounds the slices of one window's output that wait for the
// loop (outputSlice bytes each at most).
const outputInFlight = 32

// outputSlice is the most output the loop takes in one event: the emulator's
// worst case (a REP flood at 80 columns, ~9 MB/s) spends ~2 ms on it.
const outputSlice = 16 << 10

// bulkEvery lets one bulk event through after this many events in a row, so
// a stream of small events cannot starve a flood either.
const bulkEvery = 64

// floodCalm is how long a window must keep up before its output goes back to
// the events lane.
const floodCalm = 50 * time.Millisecond

// next returns the loop's next event, events lane first.
func (s *session) next() func() {
	if s.eventRun < bulkEvery {
		select {
		case f := <-s.events:
			s.eventRun++
			return f
		default:
		}
	}
	select {
	case f := <-s.events:
		s.eventRun++
		return f
	case f := <-s.bulk:
		s.eventRun = 0
		return f
	}
}

// outputLane is one window reader's way to the loop. All of a window's chunks
// that wait at a time are in one lane, so its output keeps its order: a
// window that falls behind first waits until the loop has taken what it has
// in the events lane, then moves to bulk; it moves back once nothing of it
// waits and it has kept up for floodCalm.
type outputLane struct {
	s        *session
	tokens   chan struct{} // one per chunk that may wait; the loop gives them back
	lane     chan func()
	behindAt time.Time // when a chunk was last read while another waited
}

func newOutputLane(s *session) *outputLane {
	l := &outputLane{s: s, tokens: make(chan struct{}, outputInFlight), lane: s.events}
	for range outputInFlight {
		l.tokens <- struct{}{}
	}
	return l
}

// send hands f to the loop, waiting while outputInFlight chunks wait.
func (l *outputLane) send(f func()) {
	<-l.tokens
	waiting := outputInFlight - 1 - len(l.tokens)
	switch {
	case waiting > 0 && l.lane == l.s.events:
		l.behindAt = time.Now()
		for range outputInFlight - 1 { // until the loop has taken them all
			<-l.tokens
		}
		for range outputInFlight - 1 {
			l.tokens <- struct{}{}
		}
		l.lane = l.s.bulk
	case waiting > 0:
		l.behindAt = time.Now()
	case l.lane == l.s.bulk && time.Since(l.behindAt) > floodCalm:
		l.lane = l.s.events
	}
	l.lane <- f
}

// taken is called by the loop when it is done with a chunk.
func (l *outputLane) taken() { l.tokens <- struct{}{} }
