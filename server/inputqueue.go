package server

import (
	"github.com/gmux/gmux/server/pane"
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
			w.AddWaiter(c)
			w.WatchStall(s.host())
			return
		}
		w.HasWaiters.Store(w.Waiting())
	}
	c.GiveCredit()
}

// tellAll shows msg on every display and logs it.
func (s *session) tellAll(msg string) {
	s.log.Print(msg)
	for c := range s.clients {
		c.showMessage(s, msg)
	}
}

// GiveCredit lets c's reader read the next chunk.
func (c *client) GiveCredit() {
	select {
	case c.Credit <- struct{}{}:
	default:
	}
}
