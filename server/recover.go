package server

import (
	"fmt"
	"runtime/debug"

	"github.com/gmux/gmux/proto"
)

// A bug in the server must not take the session's programs with it. A panic
// is caught at the narrowest place that can carry on without the work that
// failed: a command fails with an error, a client is dropped (its terminal is
// restored by the client itself), any other event is skipped. The trace goes
// to the server log either way.

// handle runs one event on the loop.
func (s *session) handle(f func()) {
	defer func() {
		if r := recover(); r != nil {
			s.Panics++
			s.log.Printf("panic in the session loop (recovered, the session goes on): %v\n%s", r, debug.Stack())
		}
	}()
	f()
}

// recoverClient, deferred by work done for client c, turns a panic into c's
// drop.
func (s *session) recoverClient(c *client, doing string) {
	if r := recover(); r != nil {
		s.clientPanicked(c, doing, r)
	}
}

// recoverFrame is recoverClient for a frame of type t: what it was doing is
// put into words only after a panic, not on each frame (each keystroke).
func (s *session) recoverFrame(c *client, t proto.Type) {
	if r := recover(); r != nil {
		s.clientPanicked(c, "handling a "+t.String()+" frame", r)
	}
}

func (s *session) clientPanicked(c *client, doing string, r any) {
	s.Panics++
	s.log.Printf("client %d: panic while %s (client dropped, the session goes on): %v\n%s", c.id, doing, r, debug.Stack())
	s.dropClient(c, nil)
}

// runSafely runs a command's function; a panic becomes its error.
func runSafely(cmd *command, x *cmdContext, args []string) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			x.s.Panics++
			x.s.log.Printf("command %s: panic (recovered): %v\n%s", cmd.name, r, debug.Stack())
			out, err = "", fmt.Errorf("%s: internal error (logged in the server log)", cmd.name)
		}
	}()
	return cmd.run(x, args)
}
