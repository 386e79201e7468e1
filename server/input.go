package server

import (
	"time"
	"unicode/utf8"

	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/lineedit"
	"github.com/gmux/gmux/server/sched"
)

// What a display's terminal sends goes through its tokenizer (pending bytes
// are kept across reads: over ssh an arrow key may come in two) and the
// events go down the display's layers (layers.go), top first, until one
// takes them.

// escapeTime is how long an incomplete escape sequence (a lone ESC, half an
// arrow key) waits for its rest before it counts as typed as it is.
const escapeTime = 25 * time.Millisecond

// input handles bytes from client c's terminal.
func (s *session) input(c *client, data []byte) {
	c.noteKey(s)
	c.tok.Split = s.set.Escape
	c.tok.Feed(data, func(ev input.Event) { s.dispatch(c, ev) })
	if c.tok.Pending() {
		c.escGen++
		gen := c.escGen
		s.after(sched.Key{Kind: sched.Escape, ID: c.id}, escapeTime, func() {
			if c.escGen == gen && !c.Gone {
				c.tok.Flush(func(ev input.Event) { s.dispatch(c, ev) })
			}
		})
	}
}

// dispatch gives one event to c's layers. A run of text goes whole to a
// window when nothing above it takes keys; otherwise key by key, as long as
// something does.
func (s *session) dispatch(c *client, ev input.Event) {
	if ev.Kind == input.Reply && (c.colorReply(s, ev.Bytes) || c.truecolorReply(s, ev.Bytes)) {
		return // the terminal's answer to gmux's own queries, not the program's
	}
	for ev.Kind == input.Text && len(ev.Bytes) > 0 && (c.keyByKey() || s.set.Keymap.StartsKey(ev.Bytes)) {
		_, n := utf8.DecodeRune(ev.Bytes)
		s.dispatchOne(c, input.Event{Kind: input.Key, Bytes: ev.Bytes[:n]})
		ev.Bytes = ev.Bytes[n:]
	}
	if len(ev.Bytes) > 0 {
		s.dispatchOne(c, ev)
	}
}

// keyByKey reports whether a layer above the window is taking keys.
func (c *client) keyByKey() bool {
	return c.attached && !c.Gone && (c.prefix || c.prompt != nil || c.menu != nil || c.copy != nil)
}

func (s *session) dispatchOne(c *client, ev input.Event) {
	if c.Gone || !c.attached {
		return
	}
	for _, l := range c.layers() {
		if l.handle(s, c, ev) {
			return
		}
	}
}

func (s *session) sendInput(c *client, b []byte) {
	if len(b) == 0 || c.win == nil || !actorOf(c).mayType() {
		return
	}
	if c.win.Exited {
		if s.set.Zombie != "" {
			s.zombieKey(c, b[0])
		}
		return
	}
	if b = c.win.FlowKeys(s.host(), b); len(b) == 0 {
		return
	}
	if f := c.win.Filter; f != nil && f.Typed(s.host(), c.win, b) {
		return // exec'd program takes what is typed
	}
	c.win.Send(b)
	c.fed = c.win
}

// runKey runs the command bound to key (typed after the command key).
func (s *session) runKey(c *client, key []byte) {
	if len(key) != 1 {
		c.showMessage(s, "no command bound to that key")
		return
	}
	table := s.set.Bindings
	if c.prefixClass != "" {
		table = s.set.Classes[c.prefixClass]
		c.prefixClass = ""
	}
	args, ok := table[key[0]]
	if !ok {
		c.bells++
		c.markDirty(s)
		return
	}
	s.runBound(c, args)
}

// runBound runs a command bound to a key, and shows what it says.
func (s *session) runBound(c *client, args []string) {
	out, err := s.runCommand(&cmdContext{s: s, c: c, w: c.win}, args)
	switch {
	case err != nil:
		c.showMessage(s, err.Error())
	case out != "":
		c.showMessage(s, out)
	}
}

// nextKey returns the first key in data: a character, or a whole CSI or
// SS3 sequence (an arrow, a function key) when data starts with one. The
// modes get runs of keys from the tokenizer; this splits them.
func nextKey(data []byte) []byte { return lineedit.NextKey(data) }
