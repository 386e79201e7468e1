package server

import (
	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/menu"
	"github.com/gmux/gmux/server/prompt"
)

// menuLayer is a display's open list (server/menu) as an input layer.
type menuLayer struct{ *menu.List }

// handle is the menu as an input layer: modal, it takes everything.
func (l menuLayer) handle(s *session, c *client, ev input.Event) bool {
	m := l.List
	if ev.Kind == input.Mouse {
		_, y0 := c.menuOrigin()
		changed, closed := m.Mouse(ev.Mouse, y0)
		if closed && c.menu == m {
			c.menu = nil
		}
		if changed {
			c.markDirty(s)
		}
		return true
	}
	if ev.Kind == input.Key || ev.Kind == input.Text {
		if _, closed := m.Key(ev.Bytes); closed && c.menu == m {
			c.menu = nil
		}
		if m.WantsSearch() {
			c.openPrompt(&prompt.Prompt{Label: "Search: ", History: s.searchHistory, Done: m.Search})
		}
		c.markDirty(s)
	}
	return true
}
