package server

import (
	"github.com/gmux/gmux/server/input"
)

// screen's bindkey: commands bound to what the terminal sends, with no
// command key before it: F1 (bindkey -k k1 select 1), Ctrl-Left
// (bindkey ^[[1;5D prev), a second command key (bindkey ^B command). The
// copy mode table (-m) works only in copy mode, where "stuff" feeds copy
// mode's own keys (bindkey -m ^[[5~ stuff ^B). A binding matches one key as
// the terminal sends it: a character, a control character or an escape
// sequence.

// userKeys is the bindkey table, as a layer above copy mode and the window.
type userKeys struct{}

func (userKeys) handle(s *session, c *client, ev input.Event) bool {
	if ev.Kind != input.Key && ev.Kind != input.Text {
		return false
	}
	b := s.set.Keymap.Bound(ev.Bytes, false)
	if b == nil && c.copy != nil {
		if b = s.set.Keymap.Bound(ev.Bytes, true); b != nil && b.Args[0] == "stuff" && len(b.Args) == 2 {
			// In copy mode, stuff types copy mode's own keys.
			// Until a key leaves copy mode: the rest is not its.
			for k := []byte(b.Args[1]); len(k) > 0 && c.copy != nil; {
				n := nextKey(k)
				c.copy.input(s, c, n)
				k = k[len(n):]
			}
			return true
		}
	}
	if b == nil {
		return false
	}
	s.runBound(c, b.Args)
	return true
}
