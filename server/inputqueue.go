package server

import (
	"fmt"
	"sync"
	"time"
)

// Input for a program waits here while the program is not reading it (the
// PTY is full). Nothing the user typed or pasted is dropped for being too
// much: past inputHigh bytes the session stops reading the clients that feed
// the window (back-pressure, see client.credit) until the program has read it
// down to inputLow. Only a program that has read nothing for inputStall loses
// what waits for it, and the users are told how many bytes that was.
const (
	inputHigh  = 1 << 20
	inputLow   = inputHigh / 2
	inputStall = 10 * time.Second
)

// inputQueue is one window's waiting input, in order. The loop appends; the
// window's writer goroutine takes and writes.
type inputQueue struct {
	mu     sync.Mutex
	chunks [][]byte
	size   int  // bytes in chunks and in the writer's hands
	closed bool // the program is gone: the writer ends
	// interrupted: a take waiting for input returns nil (freeze.go).
	interrupted bool
	progress    time.Time // when the writer last wrote something
	ready       chan struct{}
}

func newInputQueue() *inputQueue {
	return &inputQueue{ready: make(chan struct{}, 1), progress: time.Now()}
}

// push queues b (the queue keeps it).
func (q *inputQueue) push(b []byte) {
	q.mu.Lock()
	q.chunks = append(q.chunks, b)
	q.size += len(b)
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// len returns the bytes waiting to be written.
func (q *inputQueue) len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.size
}

// take waits for input and returns its first chunk; nil if interrupt was
// called first, and false once the queue is closed.
func (q *inputQueue) take() ([]byte, bool) {
	for {
		q.mu.Lock()
		if q.closed {
			q.mu.Unlock()
			return nil, false
		}
		if len(q.chunks) > 0 {
			c := q.chunks[0]
			q.chunks = q.chunks[1:]
			q.mu.Unlock()
			return c, true
		}
		if q.interrupted {
			q.interrupted = false
			q.mu.Unlock()
			return nil, true
		}
		q.mu.Unlock()
		<-q.ready
	}
}

// interrupt makes a waiting take return (a live upgrade's freeze).
func (q *inputQueue) interrupt() {
	q.mu.Lock()
	q.interrupted = true
	q.mu.Unlock()
	q.wake()
}

// unshift puts back the unwritten rest of a chunk take returned, first.
func (q *inputQueue) unshift(b []byte) {
	if len(b) == 0 {
		return
	}
	q.mu.Lock()
	q.chunks = append([][]byte{b}, q.chunks...)
	q.mu.Unlock()
}

// pending returns a copy of what waits to be written, in order.
func (q *inputQueue) pending() []byte {
	q.mu.Lock()
	defer q.mu.Unlock()
	var b []byte
	for _, c := range q.chunks {
		b = append(b, c...)
	}
	return b
}

func (q *inputQueue) wake() {
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// touch records that the program took input written without the queue.
func (q *inputQueue) touch() {
	q.mu.Lock()
	q.progress = time.Now()
	q.mu.Unlock()
}

// readSince reports whether the program has taken input since t.
func (q *inputQueue) readSince(t time.Time) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.progress.After(t)
}

// wrote records that the writer wrote n bytes.
func (q *inputQueue) wrote(n int) {
	q.mu.Lock()
	q.size -= n
	q.progress = time.Now()
	q.mu.Unlock()
}

// stalled reports whether input has waited without any being written for
// longer than d.
func (q *inputQueue) stalled(d time.Duration) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.size > 0 && time.Since(q.progress) > d
}

// drop discards what has not reached the writer yet and returns how many
// bytes that was.
func (q *inputQueue) drop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := 0
	for _, c := range q.chunks {
		n += len(c)
	}
	q.chunks = nil
	q.size -= n
	return n
}

// close ends the writer (what is queued is dropped: the program is gone).
func (q *inputQueue) close() {
	q.mu.Lock()
	q.closed, q.chunks = true, nil
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// The loop's side of back-pressure. A client's reader (of its connection, or
// of its terminal) hands over one chunk of input and waits for a credit
// before it reads the next; the loop gives the credit at once unless the
// window the input went to has more than inputHigh bytes waiting.

// creditInput lets c's reader go on after an input chunk, or makes it wait
// for the window it typed into.
func (s *session) creditInput(c *client) {
	w := c.fed
	c.fed = nil
	if w != nil && !w.exited && !w.stalled {
		// The writer is told first, then the queue looked at: told after,
		// a writer that drained the queue in between (the loop held up on
		// a busy machine) would have posted no inputWritten, and c would
		// wait for ever — a paste that stopped dead.
		w.hasWaiters.Store(true)
		if w.in.len() > inputHigh {
			w.waiters = append(w.waiters, c)
			s.watchStall(w)
			return
		}
		w.hasWaiters.Store(len(w.waiters) > 0)
	}
	c.giveCredit()
}

// inputWritten lets the clients waiting on w go on once its program has read
// the queue down to inputLow.
func (s *session) inputWritten(w *window) {
	if len(w.waiters) > 0 && w.in.len() <= inputLow {
		s.releaseWaiters(w)
	}
}

func (s *session) releaseWaiters(w *window) {
	for _, c := range w.waiters {
		c.giveCredit()
	}
	w.waiters = nil
	w.hasWaiters.Store(false)
}

// watchStall checks, while clients wait on w or w is stalled, that its
// program reads at all. One that has read nothing for inputStall loses what
// waits for it, and is stalled: nobody waits for it, and input to it beyond
// inputHigh is dropped, until it reads again. Every display hears exactly how
// many bytes were dropped.
func (s *session) watchStall(w *window) {
	if w.stallTimer {
		return
	}
	w.stallTimer = true
	s.after(deadlineKey{dlStall, w.id}, time.Second, func() {
		w.stallTimer = false
		switch {
		case w.exited:
			s.releaseWaiters(w)
		case w.stalled && w.in.readSince(w.stalledAt):
			w.stalled = false
			s.tellAll(fmt.Sprintf("Window %d reads its input again; %d bytes of input to it were dropped", w.number, w.dropped))
		case w.stalled:
			if w.dropped > w.droppedShown {
				s.tellAll(fmt.Sprintf("Window %d: its program reads no input: %d bytes of input dropped so far", w.number, w.dropped))
				w.droppedShown = w.dropped
			}
			s.watchStall(w)
		case len(w.waiters) > 0 && w.in.stalled(inputStall):
			w.stalled, w.stalledAt = true, time.Now()
			w.dropped = w.in.drop()
			w.droppedShown = w.dropped
			s.tellAll(fmt.Sprintf("Window %d: its program read no input for %v: %d bytes of input dropped", w.number, inputStall, w.dropped))
			s.releaseWaiters(w)
			s.watchStall(w)
		case len(w.waiters) > 0:
			s.watchStall(w)
		}
	})
}

// tellAll shows msg on every display and logs it.
func (s *session) tellAll(msg string) {
	s.log.Print(msg)
	for c := range s.clients {
		s.showMessage(c, msg)
	}
}

// giveCredit lets c's reader read the next chunk.
func (c *client) giveCredit() {
	select {
	case c.credit <- struct{}{}:
	default:
	}
}

// awaitCredit waits for the loop's credit; false if the client was dropped.
func (c *client) awaitCredit() bool {
	select {
	case <-c.credit:
		return true
	case <-c.stop:
		return false
	}
}
