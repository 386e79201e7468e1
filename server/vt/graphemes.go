package vt

import (
	"strings"

	"github.com/rivo/uniseg"
)

// Grapheme clusters: what a reader sees as one character may be several
// code points: a letter and its accents, an emoji and its skin tone
// (👍🏽), emoji joined by U+200D (👨‍👩‍👧), a flag's two regional indicators
// (🇫🇷), a character and a variation selector (❤️). Each cluster is one cell
// (two columns when wide), as tmux and modern terminals draw them. Its width
// is the one rivo/uniseg gives the whole cluster, which is what the renderer
// (tcell) uses to draw it: the emulator's columns and the drawn ones agree.

// clusterWidth is the columns a cluster takes: 1 or 2.
func clusterWidth(str string) int {
	_, _, w, _ := uniseg.FirstGraphemeClusterInString(str, -1)
	return min(max(w, 1), 2)
}

// isJoiner reports whether r, which takes columns of its own, may still
// belong to the cluster before it whatever that is: a skin tone, or a
// regional indicator (the second half of a flag).
func isJoiner(r rune) bool {
	return r >= 0x1f3fb && r <= 0x1f3ff || r >= 0x1f1e6 && r <= 0x1f1ff
}

// joins reports whether prev followed by r is one grapheme cluster.
func joins(prev string, r rune) bool {
	str := prev + string(r)
	_, rest, _, _ := uniseg.FirstGraphemeClusterInString(str, -1)
	return rest == ""
}

// lastCell returns the position of the character before the cursor (the
// one a combining character belongs to), ok false if there is none.
func (s *editor) lastCell() (x int, l *line, ok bool) {
	x = s.cur.x - 1
	if s.cur.wrapNext {
		x = s.cur.x
	}
	if x < 0 {
		return 0, nil, false
	}
	l = s.g.row(s.cur.y)
	if l.cells[x].R == wideTail && x > 0 {
		x--
	}
	if c := l.cells[x]; c.R == 0 || c.R == wideTail {
		return 0, nil, false
	}
	return x, l, true
}

// joinPrevious adds r to the cluster before the cursor when it belongs to
// it, and reports whether it did. Most characters are ruled out without
// looking at text: only a skin tone, a regional indicator, or anything after
// a cluster that ends in a zero-width joiner may join.
func (s *editor) joinPrevious(r rune) bool {
	x, l, ok := s.lastCell()
	if !ok {
		return false
	}
	c := l.cells[x]
	if !isJoiner(r) && (c.R >= 0 || !strings.HasSuffix(s.scr().Text(c), "\u200d")) {
		return false
	}
	if c.R > 0 && c.R < 0x80 || !joins(s.scr().Text(c), r) {
		return false
	}
	s.combine(r)
	return true
}

// widen makes the cell at x of the cursor's line two columns wide, for a
// cluster that grew wider (❤ and U+FE0F, a flag's second half): possible
// only when the cursor is just after it and the line has room. The cursor
// moves past the new tail, as it would have past the two characters.
func (s *editor) widen(l *line, x int) bool {
	if s.cur.wrapNext || s.cur.x != x+1 || x+1 >= s.cols {
		return false
	}
	s.splitWide(l, x+2)
	l.cells[x+1] = Cell{R: wideTail, S: l.cells[x].S}
	l.used = max(l.used, x+2)
	if x+2 >= s.cols {
		s.cur.x = s.cols - 1
		s.cur.wrapNext = s.modes.Autowrap
	} else {
		s.cur.x = x + 2
	}
	return true
}

// TextWidth is how many cells s takes, by grapheme cluster as cells are
// made; control characters (a status line's zero-width markers among them)
// take none.
func TextWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return uniseg.StringWidth(s)
		}
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x20 && s[i] < 0x7f {
			n++
		}
	}
	return n
}
