package pane

import "time"

// One window's flood must not delay another window's echo, nor a client's
// keys or a -X command. The loop takes its events from two lanes (the
// server's fairness.go): events (keys, commands, timers, and the output of
// panes the loop keeps up with) and bulk (the output of a pane the loop is
// behind on). This is a reader's side of it.

// outputInFlight bounds the slices of one pane's output that wait for the
// loop (outputSlice bytes each at most).
const outputInFlight = 32

// outputSlice is the most output the loop takes in one event: the emulator's
// worst case (a REP flood at 80 columns, ~9 MB/s) spends ~2 ms on it.
const outputSlice = 16 << 10

// floodCalm is how long a pane must keep up before its output goes back to
// the events lane.
const floodCalm = 50 * time.Millisecond

// outputLane is one pane reader's way to the loop. All of a pane's chunks
// that wait at a time are in one lane, so its output keeps its order: a
// pane that falls behind first waits until the loop has taken what it has
// in the events lane, then moves to bulk; it moves back once nothing of it
// waits and it has kept up for floodCalm.
type outputLane struct {
	loop     Loop
	tokens   chan struct{} // one per chunk that may wait; the loop gives them back
	lane     chan func()
	behindAt time.Time // when a chunk was last read while another waited
}

func newOutputLane(loop Loop) *outputLane {
	l := &outputLane{loop: loop, tokens: make(chan struct{}, outputInFlight), lane: loop.Events}
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
	case waiting > 0 && l.lane == l.loop.Events:
		l.behindAt = time.Now()
		for range outputInFlight - 1 { // until the loop has taken them all
			<-l.tokens
		}
		for range outputInFlight - 1 {
			l.tokens <- struct{}{}
		}
		l.lane = l.loop.Bulk
	case waiting > 0:
		l.behindAt = time.Now()
	case l.lane == l.loop.Bulk && time.Since(l.behindAt) > floodCalm:
		l.lane = l.loop.Events
	}
	l.lane <- f
}

// taken is called by the loop when it is done with a chunk.
func (l *outputLane) taken() { l.tokens <- struct{}{} }
