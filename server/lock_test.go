package server

import (
	"testing"
	"time"

	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/password"
)

// A wrong password costs a pause, longer each time, on the session's clock:
// keys during it count for nothing, and the right password after it opens
// the lock. In process, the clock moved by the test: no second is waited.
func TestLockPausesOverTheSessionsClock(t *testing.T) {
	s := testSession()
	clock := fakeClock(t, s)
	s.procs = newProcessors(s.after, s.now) // the check widens the processors while it runs
	hash, err := password.Hash("right")
	if err != nil {
		t.Fatal(err)
	}
	s.set.Password = hash
	c := &client{s: s, attached: true}
	c.Hold() // what the lock screen sends waits: the test has no terminal
	s.clients[c] = true
	if err := s.lock(c, ""); err != nil || c.lock == nil {
		t.Fatalf("lock: %v", err)
	}
	l := c.lock
	typeLine := func(text string) {
		l.handle(s, c, input.Event{Kind: input.Text, Bytes: []byte(text + "\r")})
	}
	// The check runs off the loop and answers on it.
	answer := func() {
		t.Helper()
		select {
		case f := <-s.events:
			f()
		case <-time.After(10 * time.Second):
			t.Fatal("the password check never answered")
		}
	}
	typeLine("wrong")
	answer()
	if c.lock == nil || l.note != "Password incorrect." {
		t.Fatalf("a wrong password: lock %v, note %q", c.lock != nil, l.note)
	}
	typeLine("right") // within the pause: not even checked
	if l.checking || len(s.events) != 0 {
		t.Fatal("a password typed during the pause was checked")
	}
	clock.pass(1100 * time.Millisecond) // past the first pause (1 s)
	typeLine("wrong")
	answer()
	clock.pass(1100 * time.Millisecond) // the second pause is 2 s
	typeLine("right")
	if l.checking || c.lock == nil {
		t.Fatal("the second pause was not longer than the first")
	}
	clock.pass(time.Second)
	typeLine("right")
	answer()
	if c.lock != nil {
		t.Fatal("the right password after the pause left the display locked")
	}
}
