package server

import (
	"bytes"
	"regexp"

	"github.com/gmux/gmux/proto"
)

// Direct colour (24-bit) on a display: `truecolor on|off|auto` (auto, the
// default, is what the terminal is known to take). A terminal is known to
// take it when its terminfo entry says so (RGB, Tc, or the set-RGB
// capabilities), when COLORTERM says truecolor or 24bit, or, since ssh does
// not forward COLORTERM, when it answers so at attach: gmux asks XTGETTCAP
// for RGB and Tc, and sets a direct background colour and reads it back
// with DECRQSS (terminals that do not take it report something else, or
// nothing). Windows' direct colours are drawn as the nearest palette colour
// on a display without it.

// truecolorQueries ask the display's terminal whether it takes direct
// colour: XTGETTCAP RGB and Tc, then DECRQSS of the SGR after setting a
// direct background, put back right after.
const truecolorQueries = "\x1bP+q524742;5463\x1b\\" + "\x1b[48;2;1;2;3m\x1bP$qm\x1b\\\x1b[m"

// directColorEcho is a DECRQSS answer carrying the background set above.
var directColorEcho = regexp.MustCompile(`48[:;]2[:;]+1[:;]2[:;]3`)

// truecolorFor is whether display c is drawn with direct colour.
func (c *client) truecolorFor(s *session) bool {
	switch s.set.Truecolor {
	case "on":
		return true
	case "off":
		return false
	}
	return c.truecolorKnown
}

// askTruecolor asks c's terminal, unless it is known already or is not
// one that could say yes: a terminal of fewer than 256 colours (the Linux
// console, old hardware) is not asked, and sees no DCS it may not parse.
func (c *client) askTruecolor(s *session) {
	c.truecolorKnown = c.r.Terminfo().TrueColor || c.r.Terminfo().SetFgRGB != ""
	c.r.SetTruecolor(c.truecolorFor(s))
	if !c.truecolorKnown && c.r.Terminfo().Colors >= 256 {
		s.send(c, proto.TypeOutput, []byte(truecolorQueries))
	}
}

// truecolorReply takes a terminal's answer to askTruecolor; false if b is
// not one. Every XTGETTCAP and DECRQSS answer from a display is gmux's own
// (programs' queries are answered by their window), so none is typed into
// a program, whatever it says.
func (c *client) truecolorReply(s *session, b []byte) bool {
	yes := false
	switch {
	case bytes.HasPrefix(b, []byte("\x1bP1+r")):
		yes = true // it has RGB or Tc: the only capabilities asked
	case bytes.HasPrefix(b, []byte("\x1bP1$r")):
		yes = directColorEcho.Match(b)
	case bytes.HasPrefix(b, []byte("\x1bP0+r")), bytes.HasPrefix(b, []byte("\x1bP0$r")):
	default:
		return false
	}
	if yes && !c.truecolorKnown {
		c.truecolorKnown = true
		c.applyTruecolor(s)
	}
	return true
}

// applyTruecolor redraws c's display if its colour depth changed.
func (c *client) applyTruecolor(s *session) {
	if c.r == nil {
		return
	}
	if on := c.truecolorFor(s); on != c.r.Truecolor() {
		c.r.SetTruecolor(on)
		c.r.Invalidate()
		c.markDirty(s)
	}
}
