package server

import (
	"testing"
	"time"

	"github.com/gmux/gmux/server/render"
)

// The loop never sends to its own channel: with the events lane full (a
// storm of connections), a send from the loop would wait on itself for
// ever. A client leaving (spareAfter) and an upgrade waiting for the
// goroutines to park (awaitSettled) both used to.
func TestLoopNeverSendsToItself(t *testing.T) {
	s := &session{events: make(chan func(), 1)}
	s.events <- func() {} // the lane is full
	done := make(chan struct{})
	go func() { // as the loop
		s.spareAfter(&client{display: display{r: &render.Renderer{}}})
		s.awaitSettled(time.Second, func(error) {})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the loop blocked sending to itself")
	}
	for range 3 { // what was queued still arrives, in the loop's own time
		select {
		case <-s.events:
		case <-time.After(5 * time.Second):
			t.Fatal("queued work never arrived")
		}
	}
}
