package server

import "fmt"

// Every command and every input event acts for someone: an actor. Today a
// session has one user, so the one distinction is a display's: a guest's
// display is read-only — it looks at windows, switches between them, opens
// lists, splits its own view and detaches, but types nothing into a window
// and changes nothing of the session. What an actor may do is decided
// here, at one place; multiuser (screen's acladd, aclchg) grants it.

// actor is who a command or input acts for: the display it came from (nil
// for the session itself — its rc files, `gmux -X` from the session's
// owner), and whether that display is a read-only guest's.
type actor struct {
	display *client
	guest   bool
}

// actorOf is whoever typed on display c.
func actorOf(c *client) actor { return actor{display: c, guest: c.guest} }

// actor is who runs the command: -X and the rc files run as the session's
// owner, whatever display they act on.
func (x *cmdContext) actor() actor {
	if x.c == nil || x.shell {
		return actor{}
	}
	return actorOf(x.c)
}

// mayRun says why the actor may not run cmd, or nil.
func (a actor) mayRun(cmd *command) error {
	if a.guest && !cmd.guest {
		return fmt.Errorf("%s: this display is read-only", cmd.name)
	}
	return nil
}

// mayType reports whether what the actor types, pastes or clicks reaches
// the window's program.
func (a actor) mayType() bool { return !a.guest }

// mayChange reports whether the actor may change what the session holds
// for everyone: the paste buffer (a guest's copies go to its terminal's
// clipboard alone).
func (a actor) mayChange() bool { return !a.guest }
