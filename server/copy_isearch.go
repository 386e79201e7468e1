package server

import "github.com/gmux/gmux/server/prompt"

// Copy mode's incremental search, as screen's C-s and C-r (emacs's): each
// key typed moves to the first match of what is typed so far, from where
// the search started; C-s and C-r again go to the next match forward or
// backward (on an empty line, the last search is taken again, as emacs
// does); Enter or Esc ends the search where it is, C-g goes back to where
// it started.

// openISearch starts an incremental search in the copy mode, open on c.
func (m *copyMode) openISearch(s *session, c *client) {
	last := m.Search
	startX, startY := m.CX, m.CY
	fromX, fromY := startX, startY // where the pattern is matched from
	label := func(found bool) string {
		l := "I-search: "
		if m.Backward {
			l = "I-search backward: "
		}
		if !found {
			l = "Failing " + l
		}
		return l
	}
	var p *prompt.Prompt
	p = &prompt.Prompt{
		Label: label(true),
		OnChange: func(pat string) {
			m.CX, m.CY = fromX, fromY
			found := pat == "" || m.FindFrom(pat, m.Backward, true)
			if !found {
				m.CX, m.CY = fromX, fromY
			}
			p.Label = label(found)
			m.Search = pat
			m.Clamp()
		},
		OnKey: func(k []byte) bool {
			switch {
			case len(k) == 1 && (k[0] == 0x13 || k[0] == 0x12): // C-s, C-r: the next match
				m.Backward = k[0] == 0x12
				if p.Edit.Text() == "" && last != "" {
					p.Edit.Insert(last) // the last search again
				}
				found := m.Find(p.Edit.Text(), m.Backward)
				if found {
					fromX, fromY = m.CX, m.CY
				}
				p.Label = label(found || p.Edit.Text() == "")
				m.Clamp()
				return true
			case len(k) == 1 && k[0] == 0x07: // C-g: back where it started
				m.CX, m.CY = startX, startY
				m.Clamp()
				return false // and the prompt ends
			}
			return false
		},
		Done: func(string) {},
	}
	c.openPrompt(p)
}
