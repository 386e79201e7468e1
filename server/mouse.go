package server

import (
	"bytes"
	"strconv"
)

// With mousetrack on, gmux asks the client's terminal for mouse reports
// (SGR encoding) whenever the window's program has not asked for them itself,
// and turns the wheel into scrolling: up enters copy mode.

// wheelLines is how far one wheel step scrolls.
const wheelLines = 3

// wantsOwnMouse reports whether gmux, not the program, takes c's mouse.
func (s *session) wantsOwnMouse(c *client) bool {
	return s.mousetrack && (c.copy != nil || c.win == nil || c.win.screen.Modes().Mouse == 0)
}

// mouseInput handles an SGR mouse report at the start of data ("\x1b[<b;x;yM")
// when gmux owns the mouse; it returns the bytes used, or 0 if data is not one.
func (s *session) mouseInput(c *client, data []byte) int {
	if !bytes.HasPrefix(data, []byte("\x1b[<")) || !s.wantsOwnMouse(c) {
		return 0
	}
	end := bytes.IndexAny(data, "Mm")
	if end < 0 {
		return 0
	}
	fields := bytes.Split(data[3:end], []byte(";"))
	if len(fields) != 3 {
		return end + 1
	}
	button, _ := strconv.Atoi(string(fields[0]))
	switch button &^ (4 | 8 | 16) { // shift, meta, control
	case 64: // wheel up
		if c.copy == nil {
			if _, err := s.runCommand(&cmdContext{s: s, c: c, w: c.win}, []string{"copy"}); err != nil {
				return end + 1
			}
		}
		c.copy.scroll(-wheelLines)
		s.markDirty(c)
	case 65: // wheel down
		if c.copy != nil {
			c.copy.scroll(wheelLines)
			if c.copy.top+c.copy.rows >= c.copy.doc.Len() && !c.copy.marked {
				c.copy = nil // scrolled back to the bottom: leave copy mode
			}
			s.markDirty(c)
		}
	}
	return end + 1
}
