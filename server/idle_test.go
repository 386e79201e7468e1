package server

import (
	"testing"
	"time"

	"github.com/gmux/gmux/server/input"
)

// screen's idle: a display without a key for idle's timeout runs the idle
// command (the blanker), a key in between puts it off by the whole timeout,
// and the first key after it ends the blanker. Over the session's clock:
// the minutes are not waited.
func TestIdleOverTheSessionsClock(t *testing.T) {
	s := testSession()
	clock := fakeClock(t, s)
	s.set.IdleTimeout, s.set.IdleCommand = 5*time.Minute, []string{"blanker"}
	c := &client{s: s, attached: true}
	c.Hold() // what the blanker sends waits: the test has no terminal
	s.clients[c] = true
	c.noteKey(s)
	clock.pass(4 * time.Minute)
	c.noteKey(s) // a key: five minutes from now
	clock.pass(4 * time.Minute)
	if c.blanker != nil {
		t.Fatal("blanked four minutes after a key")
	}
	clock.pass(90 * time.Second)
	if c.blanker == nil {
		t.Fatal("not blanked five minutes after the last key")
	}
	c.blanker.handle(s, c, input.Event{Kind: input.Text, Bytes: []byte("x")})
	if c.blanker != nil {
		t.Fatal("a key did not end the blanker")
	}
}
