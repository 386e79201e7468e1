package server

import (
	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/prompt"
)

// openPrompt starts a prompt (server/prompt) on client c.
func (c *client) openPrompt(p *prompt.Prompt) {
	s := c.s
	p.Open()
	c.prompt = p
	c.markDirty(s)
}

// promptLayer is a display's open prompt as an input layer.
type promptLayer struct{ *prompt.Prompt }

// handle is the prompt as an input layer: modal, it takes everything.
func (l promptLayer) handle(s *session, c *client, ev input.Event) bool {
	switch ev.Kind {
	case input.Key, input.Text:
		// What follows the key that ended the prompt in one event (Esc and
		// a key typed right after it come as Alt+key) goes on as typed.
		if rest := promptInput(s, c, l.Prompt, ev.Bytes); len(rest) > 0 {
			kind := input.Text
			if rest[0] == 0x1b {
				kind = input.Key
			}
			s.dispatch(c, input.Event{Kind: kind, Bytes: rest})
		}
	case input.Paste:
		if l.Paste(ev.Bytes) {
			c.markDirty(s)
		}
	}
	return true // the rest (mouse, paste marks, replies) means nothing here
}

// promptInput passes keys to p, open on c, and returns what is left.
func promptInput(s *session, c *client, p *prompt.Prompt, data []byte) []byte {
	rest, finished, accepted := p.Key(data, s.set.Escape, s.set.Literal)
	if finished {
		c.prompt = nil
		if accepted {
			p.Done(p.Edit.Text())
		}
	}
	c.markDirty(s)
	return rest
}
