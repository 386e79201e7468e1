package vt

import "strings"

// Screen's dynamic titles (its TITLES section): a window whose title was
// given as "search|name" (shelltitle '$ |bash') has a prompt that ends with
// an empty ESC k ESC \. That arms a search: at the next line feed, the line
// the prompt was on is searched for the text before the bar ("$ "), and the
// first word after it, less any directory, becomes the title. So a shell
// window is called "vim" while vim runs and "bash" again at the next prompt.

// SetTitleSearch sets the text a prompt line is searched for; "" turns the
// search off.
func (s *Screen) SetTitleSearch(search string) { s.titleSearch, s.titleRow = search, 0 }

// armTitleSearch is an empty ESC k: the title goes back to the window's own,
// and the prompt on the cursor's row is searched at the next line feed.
func (s *Screen) armTitleSearch() {
	s.title = ""
	if s.titleSearch != "" {
		s.titleRow = s.cur.y + 1
	}
}

// findTitle runs at a line feed while a search is armed: as screen's
// FindAKA, it looks on the armed row, then the one below it (a command that
// wrapped), for the search text and takes the word after it. A word
// starting with ! % or ^ (a shell's history expansion) is echoed again by the
// shell: then the first word of the line at the next line feed is taken.
func (s *Screen) findTitle() {
	armed := s.titleRow
	s.titleRow = 0
	var rest string
	if armed < 0 {
		rest = s.LineText(s.cur.y)
	} else {
		row := armed - 1
		for ; row < s.rows && row <= armed; row++ {
			text := s.LineText(row)
			if i := strings.Index(text, s.titleSearch); i >= 0 {
				rest = text[i+len(s.titleSearch):]
				break
			}
		}
		if row >= s.rows || row > armed {
			return
		}
	}
	word, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
	if word == "" {
		return
	}
	if armed > 0 && strings.ContainsAny(word[:1], "!%^") {
		s.titleRow = -1
		return
	}
	if j := strings.LastIndexByte(word, '/'); j >= 0 && j+1 < len(word) {
		word = word[j+1:]
	}
	s.title = cleanTitle([]byte(word))
	s.changed = true
}
