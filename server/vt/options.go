package vt

// Options screen has per window, and the terminal reset it binds to C-a Z.

// Reset is a full terminal reset (RIS), as if the program had sent ESC c.
func (s *Screen) Reset() {
	s.thaw()
	s.reset()
}

// SetAutowrap turns line wrapping (DECAWM) on or off, as screen's wrap.
func (s *Screen) SetAutowrap(on bool) {
	s.modes.Autowrap = on
	if !on {
		s.cur.wrapNext = false
	}
}

// SetItalicIsStandout makes SGR 3 standout (drawn as reverse video) rather
// than italics, for a window whose TERM's terminfo says so: screen's
// entries, gmux's default TERM among them, have smso=\E[3m and no italics,
// so less, man and other curses programs mark search matches and prompts
// with SGR 3 and expect them to stand out, as they do in screen.
func (s *Screen) SetItalicIsStandout(on bool) { s.italicIsStandout = on }

// SetBCE turns background colour erase on (the default, as xterm and tmux)
// or off (erased cells take the default background, screen's default).
func (s *Screen) SetBCE(on bool) { s.noBCE = !on }

// BCE reports whether erasing uses the current background.
func (s *Screen) BCE() bool { return !s.noBCE }

// SetAltScreen allows the alternate screen (the default) or not: with it
// off, as screen's altscreen off, a full-screen program draws on the main
// screen and what it showed last stays there when it ends.
func (s *Screen) SetAltScreen(allowed bool) {
	s.thaw()
	s.noAltScreen = !allowed
	if !allowed && s.altActive {
		s.ed().setAltScreen(false, false)
	}
}

// AltScreenAllowed reports whether the alternate screen is allowed.
func (s *Screen) AltScreenAllowed() bool { return !s.noAltScreen }

// eraseStyle is the style erased cells take.
func (s *Screen) eraseStyle() Style {
	if s.noBCE {
		return Style{}
	}
	return s.cur.style
}
