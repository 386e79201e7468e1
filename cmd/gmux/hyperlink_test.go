package main

import (
	"strings"
	"testing"
)

// A program's hyperlink (OSC 8, as ls --hyperlink writes it) reaches the
// terminal as a link, and is kept: a redraw and copy mode draw it again.
func TestHyperlinksReachTheTerminal(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "links")
	const link = "\x1b]8;id=doc;https://example.com/a?b=1\x1b\\"
	tm.send(`printf 'see \e]8;id=doc;https://example.com/a?b=1\e\\the docs\e]8;;\e\\ done\n'` + "\r")
	tm.waitText("see the docs done")
	count := func() int { return strings.Count(tm.rawOutput(), link+"the docs") }
	waitFor(t, "the link sent on to the terminal", func() bool { return count() == 1 })

	tm.send("\x01l") // redisplay: drawn from the window's cells
	waitFor(t, "the link in a redraw", func() bool { return count() == 2 })

	tm.send("\x01[") // copy mode: drawn by tcell
	waitFor(t, "the link in copy mode", func() bool {
		return strings.Count(tm.rawOutput(), "https://example.com/a?b=1") >= 3
	})
	tm.send("q")
	waitFor(t, "the terminal out of the link", func() bool {
		out := tm.rawOutput()
		i := strings.LastIndex(out, "\x1b]8;")
		return strings.HasPrefix(out[i:], "\x1b]8;;\x1b\\")
	})
}
