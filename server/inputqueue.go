package server

import (
	"fmt"
	"time"

	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/sched"
)

// The loop's side of back-pressure. A client's reader (of its connection, or
// of its terminal) hands over one chunk of input and waits for a credit
// before it reads the next; the loop gives the credit at once unless the
// window the input went to has more than pane.InputHigh bytes waiting.

// creditInput lets c's reader go on after an input chunk, or makes it wait
// for the window it typed into.
func (c *client) creditInput(s *session) {
	w := c.fed
	c.fed = nil
	if w != nil && !w.Exited && !w.Stalled {
		// The writer is told first, then the queue looked at: told after,
		// a writer that drained the queue in between (the loop held up on
		// a busy machine) would have posted no inputWritten, and c would
		// wait for ever — a paste that stopped dead.
		w.HasWaiters.Store(true)
		if w.Input.Len() > pane.InputHigh {
			w.waiters = append(w.waiters, c)
			w.watchStall(s)
			return
		}
		w.HasWaiters.Store(len(w.waiters) > 0)
	}
	c.giveCredit()
}

// inputWritten lets the clients waiting on w go on once its program has read
// the queue down to pane.InputLow.
func (w *window) inputWritten(s *session) {
	if len(w.waiters) > 0 && w.Input.Len() <= pane.InputLow {
		w.releaseWaiters(s)
	}
}

func (w *window) releaseWaiters(s *session) {
	for _, c := range w.waiters {
		c.giveCredit()
	}
	w.waiters = nil
	w.HasWaiters.Store(false)
}

// watchStall checks, while clients wait on w or w is stalled, that its
// program reads at all. One that has read nothing for pane.InputStall loses what
// waits for it, and is stalled: nobody waits for it, and input to it beyond
// pane.InputHigh is dropped, until it reads again. Every display hears exactly how
// many bytes were dropped.
func (w *window) watchStall(s *session) {
	if w.stallTimer {
		return
	}
	w.stallTimer = true
	s.after(sched.Key{Kind: sched.Stall, ID: w.ID}, time.Second, func() {
		w.stallTimer = false
		switch {
		case w.Exited:
			w.releaseWaiters(s)
		case w.Stalled && w.Input.ReadSince(w.stalledAt):
			w.Stalled = false
			s.tellAll(fmt.Sprintf("Window %d reads its input again; %d bytes of input to it were dropped", w.Number, w.Dropped))
		case w.Stalled:
			if w.Dropped > w.droppedShown {
				s.tellAll(fmt.Sprintf("Window %d: its program reads no input: %d bytes of input dropped so far", w.Number, w.Dropped))
				w.droppedShown = w.Dropped
			}
			w.watchStall(s)
		case len(w.waiters) > 0 && w.Input.Stalled(pane.InputStall):
			w.Stalled, w.stalledAt = true, s.now()
			w.Dropped = w.Input.Drop()
			w.droppedShown = w.Dropped
			s.tellAll(fmt.Sprintf("Window %d: its program read no input for %v: %d bytes of input dropped", w.Number, pane.InputStall, w.Dropped))
			w.releaseWaiters(s)
			w.watchStall(s)
		case len(w.waiters) > 0:
			w.watchStall(s)
		}
	})
}

// tellAll shows msg on every display and logs it.
func (s *session) tellAll(msg string) {
	s.log.Print(msg)
	for c := range s.clients {
		c.showMessage(s, msg)
	}
}

// giveCredit lets c's reader read the next chunk.
func (c *client) giveCredit() {
	select {
	case c.Credit <- struct{}{}:
	default:
	}
}
