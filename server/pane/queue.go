package pane

import (
	"sync"
	"time"
)

// Input for a program waits in its Queue while the program is not reading it
// (the PTY is full). Nothing the user typed or pasted is dropped for being
// too much: past InputHigh bytes the session stops reading the clients that
// feed the window (back-pressure) until the program has read it down to
// InputLow. Only a program that has read nothing for InputStall loses what
// waits for it, and the users are told how many bytes that was.
const (
	InputHigh  = 1 << 20
	InputLow   = InputHigh / 2
	InputStall = 10 * time.Second
)

// Queue is one pane's waiting input, in order. The loop appends; the pane's
// writer goroutine takes and writes.
type Queue struct {
	mu     sync.Mutex
	chunks [][]byte
	size   int  // bytes in chunks and in the writer's hands
	closed bool // the program is gone: the writer ends
	// interrupted: a take waiting for input returns nil (a freeze).
	interrupted bool
	progress    time.Time // when the writer last wrote something
	ready       chan struct{}
	now         func() time.Time // time.Now, or a test's clock (Pane.SetClock)
}

func newQueue() *Queue {
	return &Queue{ready: make(chan struct{}, 1), progress: time.Now(), now: time.Now}
}

// Push queues b (the queue keeps it).
func (q *Queue) Push(b []byte) {
	q.mu.Lock()
	q.chunks = append(q.chunks, b)
	q.size += len(b)
	q.mu.Unlock()
	q.wake()
}

// Len returns the bytes waiting to be written.
func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.size
}

// take waits for input and returns its first chunk; nil if Interrupt was
// called first, and false once the queue is closed.
func (q *Queue) take() ([]byte, bool) {
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

// Interrupt makes a waiting take return (a live upgrade's freeze).
func (q *Queue) Interrupt() {
	q.mu.Lock()
	q.interrupted = true
	q.mu.Unlock()
	q.wake()
}

// unshift puts back the unwritten rest of a chunk take returned, first.
func (q *Queue) unshift(b []byte) {
	if len(b) == 0 {
		return
	}
	q.mu.Lock()
	q.chunks = append([][]byte{b}, q.chunks...)
	q.mu.Unlock()
}

// Pending returns a copy of what waits to be written, in order.
func (q *Queue) Pending() []byte {
	q.mu.Lock()
	defer q.mu.Unlock()
	var b []byte
	for _, c := range q.chunks {
		b = append(b, c...)
	}
	return b
}

func (q *Queue) wake() {
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// touch records that the program took input written without the queue.
func (q *Queue) touch() {
	q.mu.Lock()
	q.progress = q.now()
	q.mu.Unlock()
}

// ReadSince reports whether the program has taken input since t.
func (q *Queue) ReadSince(t time.Time) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.progress.After(t)
}

// wrote records that the writer wrote n bytes.
func (q *Queue) wrote(n int) {
	q.mu.Lock()
	q.size -= n
	q.progress = q.now()
	q.mu.Unlock()
}

// Stalled reports whether input has waited without any being written for
// longer than d.
func (q *Queue) Stalled(d time.Duration) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.size > 0 && q.now().Sub(q.progress) > d
}

// Drop discards what has not reached the writer yet and returns how many
// bytes that was.
func (q *Queue) Drop() int {
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
func (q *Queue) close() {
	q.mu.Lock()
	q.closed, q.chunks = true, nil
	q.mu.Unlock()
	q.wake()
}
