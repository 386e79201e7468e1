package server

import "github.com/gmux/gmux/server/input"

// A display's input modes are layers with one interface, stacked top first:
//
//	lock             takes everything until the password (lock.go)
//	blanker          the first key ends it (idle.go)
//	prompt or menu   modal: take everything while open
//	command keys     the command key (C-a) and the key after it, in every mode
//	user keys        bindkey's table (and in copy mode, bindkey -m's)
//	gmux's mouse     wheel and clicks when gmux, not the program, has the mouse
//	copy mode        movement, search, marks
//	window           everything else goes to the program
//
// Each takes an event or lets it fall to the next; none calls another. A
// layer that opens a mode (copy's search opens a prompt) sets the display's
// state, and the stack is rebuilt for the next event.
type layer interface {
	// handle takes ev for display c; false lets it fall through.
	handle(s *session, c *client, ev input.Event) bool
}

// layers returns c's stack, top first.
func (c *client) layers() []layer {
	s := c.s
	st := c.stack[:0]
	switch {
	case c.lock != nil:
		st = append(st, c.lock)
	case c.blanker != nil:
		st = append(st, c.blanker)
	case c.prompt != nil:
		st = append(st, promptLayer{c.prompt})
	case c.menu != nil:
		st = append(st, menuLayer{c.menu})
	}
	st = append(st, commandKeys{})
	if len(s.set.Keymap) > 0 {
		st = append(st, userKeys{})
	}
	st = append(st, gmuxMouse{})
	if c.copy != nil {
		st = append(st, c.copy)
	}
	return append(st, windowInput{})
}

// commandKeys is the command key and the key that follows it.
type commandKeys struct{}

func (commandKeys) handle(s *session, c *client, ev input.Event) bool {
	if c.prefix {
		if ev.Kind != input.Key && ev.Kind != input.Text {
			return false // a mouse report or a paste does not end the wait
		}
		c.prefix = false
		s.runKey(c, ev.Bytes)
		s.redrawIfBarsShowEscape(c)
		return true
	}
	if ev.Kind == input.Key && len(ev.Bytes) == 1 && ev.Bytes[0] == s.set.Escape {
		c.prefix = true
		s.redrawIfBarsShowEscape(c)
		return true
	}
	return false
}

// gmuxMouse is the mouse when gmux has it (mousetrack, mouse.go).
type gmuxMouse struct{}

func (gmuxMouse) handle(s *session, c *client, ev input.Event) bool {
	if ev.Kind != input.Mouse {
		return false
	}
	if s.statusClick(c, ev.Mouse) {
		return true
	}
	if c.regs != nil && s.set.Mousetrack && s.regionMouse(c, ev.Mouse) {
		return true
	}
	if !c.wantsOwnMouse() {
		return false
	}
	s.mouseEvent(c, ev.Mouse)
	return true
}

// windowInput passes everything on to the program.
type windowInput struct{}

func (windowInput) handle(s *session, c *client, ev input.Event) bool {
	if ev.Kind == input.Mouse && (c.regs != nil || c.layout().Top > 0) {
		// The terminal's coordinates are the display's: the program's are
		// its region's, or start under the lines above the window.
		s.sendInput(c, c.windowMouseBytes(ev.Mouse))
		return true
	}
	s.sendInput(c, ev.Bytes)
	return true
}
