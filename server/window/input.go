package window

import (
	"fmt"
	"time"

	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/sched"
)

// InputWritten lets the clients waiting on w go on once its program has read
// the queue down to pane.InputLow.
func (w *Window) InputWritten(h Host) {
	if len(w.waiters) > 0 && w.Input.Len() <= pane.InputLow {
		w.ReleaseWaiters()
	}
}

// ReleaseWaiters lets every display waiting on w read on.
func (w *Window) ReleaseWaiters() {
	for _, c := range w.waiters {
		c.GiveCredit()
	}
	w.waiters = nil
	w.HasWaiters.Store(false)
}

// WatchStall checks, while clients wait on w or w is stalled, that its
// program reads at all. One that has read nothing for pane.InputStall loses what
// waits for it, and is stalled: nobody waits for it, and input to it beyond
// pane.InputHigh is dropped, until it reads again. Every display hears exactly how
// many bytes were dropped.
func (w *Window) WatchStall(h Host) {
	if w.stallTimer {
		return
	}
	w.stallTimer = true
	h.After(sched.Key{Kind: sched.Stall, ID: w.ID}, time.Second, func() {
		w.stallTimer = false
		switch {
		case w.Exited:
			w.ReleaseWaiters()
		case w.Stalled && w.Input.ReadSince(w.stalledAt):
			w.Stalled = false
			h.Tell(fmt.Sprintf("Window %d reads its input again; %d bytes of input to it were dropped", w.Number, w.Dropped))
		case w.Stalled:
			if w.Dropped > w.droppedShown {
				h.Tell(fmt.Sprintf("Window %d: its program reads no input: %d bytes of input dropped so far", w.Number, w.Dropped))
				w.droppedShown = w.Dropped
			}
			w.WatchStall(h)
		case len(w.waiters) > 0 && w.Input.Stalled(pane.InputStall):
			w.Stalled, w.stalledAt = true, h.Now()
			w.Dropped = w.Input.Drop()
			w.droppedShown = w.Dropped
			h.Tell(fmt.Sprintf("Window %d: its program read no input for %v: %d bytes of input dropped", w.Number, pane.InputStall, w.Dropped))
			w.ReleaseWaiters()
			w.WatchStall(h)
		case len(w.waiters) > 0:
			w.WatchStall(h)
		}
	})
}
