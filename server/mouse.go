package server

import "github.com/gmux/gmux/server/input"

// With mousetrack on, gmux asks the client's terminal for mouse reports
// (SGR encoding) whenever the window's program has not asked for them itself,
// and turns the wheel into scrolling: up enters copy mode. Dragging with the
// left button selects and copies (mouse_select.go); the middle button pastes.

// wheelLines is how far one wheel step scrolls.
const wheelLines = 3

// wantsOwnMouse reports whether gmux, not the program, takes c's mouse.
func (c *client) wantsOwnMouse() bool {
	s := c.s
	return s.set.Mousetrack && (c.copy != nil || c.menu != nil || c.win == nil || c.win.Screen.Modes().Mouse == 0 || c.regs != nil)
}

// mouseEvent handles a mouse report when gmux owns the mouse.
func (s *session) mouseEvent(c *client, m input.MouseReport) {
	if c.mouseSelection(s, m) {
		return
	}
	if m.Release || m.Motion {
		return
	}
	switch m.Button {
	case 1: // the middle button pastes the buffer, as tmux's does
		if c.copy == nil && c.win != nil && s.Buffer != "" && actorOf(c).mayType() {
			c.win.Paste(s.host(), []byte(s.Buffer))
		}
	case 64: // wheel up
		if !s.inCopyMode(c) {
			return
		}
		c.copy.Scroll(-wheelLines)
		c.markDirty(s)
	case 65: // wheel down
		if c.copy != nil {
			c.copy.Scroll(wheelLines)
			if c.copy.Top+c.copy.Rows >= c.copy.Doc.Len() && !c.copy.Marked {
				c.copy = nil // scrolled back to the bottom: leave copy mode
			}
			c.markDirty(s)
		}
	}
}

// inCopyMode puts c in copy mode if it is not already; false if it cannot
// be (no window).
func (s *session) inCopyMode(c *client) bool {
	if c.copy == nil {
		if _, err := s.runCommand(&cmdContext{s: s, c: c, w: c.win}, []string{"copy"}); err != nil {
			return false
		}
	}
	return c.copy != nil
}
