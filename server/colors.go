package server

import (
	"bytes"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/vt"
)

// A display's own colours, for programs that ask their terminal (OSC 10/11)
// to pick a light or dark theme: at attach the server asks the display's
// terminal once, and its answer becomes what every window answers, the
// latest display's winning, as with the rest of a window's size and modes.

// colorQueries ask a terminal for its default foreground and background.
const colorQueries = "\x1b]10;?\x1b\\\x1b]11;?\x1b\\"

// askColors asks c's terminal for its colours.
func (c *client) askColors(s *session) {
	s.send(c, proto.TypeOutput, []byte(colorQueries))
}

// colorReply takes a terminal's answer to askColors; false if b is not one.
func (c *client) colorReply(s *session, b []byte) bool {
	which, color, ok := vt.ParseColorReply(b)
	if !ok {
		// An answer in a form gmux does not read is still its own: it
		// must not be typed into a program.
		return bytes.HasPrefix(b, []byte("\x1b]10;")) || bytes.HasPrefix(b, []byte("\x1b]11;"))
	}
	if which == 10 {
		c.fgColor = color
	} else {
		c.bgColor = color
	}
	for _, w := range s.windows {
		w.Screen.SetDefaultColors(c.fgColor, c.bgColor)
	}
	s.DisplayColors = [2]string{c.fgColor, c.bgColor}
	return true
}
