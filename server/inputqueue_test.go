package server

import (
	"strings"
	"testing"
	"time"

	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
)

// A program that reads nothing for pane.InputStall, while a display waits to
// type more, loses what waits for it; every display is told how many bytes,
// and the waiting display goes on. In process, over the session's clock:
// the ten seconds are not waited.
func TestStalledInputOverTheSessionsClock(t *testing.T) {
	s := testSession()
	clock := fakeClock(t, s)
	c := &client{s: s, attached: true}
	s.clients[c] = true
	w := &window.Window{WindowModel: handover.WindowModel{Number: 2, Title: "stuck"}, Pane: pane.Dead(0, vt.New(10, 2, 0))}
	w.SetClock(clock.read)
	s.windows = []*window.Window{w}
	const queued = 3 << 20
	w.Input.Push(make([]byte, queued)) // nothing reads it: the pane has no writer
	w.AddWaiter(c)
	w.HasWaiters.Store(true)
	w.WatchStall(s.host())
	for range int(pane.InputStall/time.Second) - 1 {
		clock.pass(time.Second)
	}
	if w.Stalled || w.Input.Len() != queued {
		t.Fatalf("stalled after less than %v: %v, %d bytes queued", pane.InputStall, w.Stalled, w.Input.Len())
	}
	clock.pass(2 * time.Second)
	if !w.Stalled || w.Dropped != queued || w.Input.Len() != 0 || w.Waiting() {
		t.Fatalf("after %v: stalled %v, dropped %d, %d queued, waiting %v", pane.InputStall, w.Stalled, w.Dropped, w.Input.Len(), w.Waiting())
	}
	told := false
	for _, m := range s.messageLog {
		told = told || strings.Contains(m.text, "Window 2: its program read no input for 10s: 3145728 bytes of input dropped")
	}
	if !told {
		t.Fatalf("the displays were not told: %+v", s.messageLog)
	}
}
