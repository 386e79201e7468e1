package server

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gmux/gmux/server/vt"
	"github.com/rivo/uniseg"
)

// copyMode is one client's view of a frozen copy of its window's history and
// screen: it moves a cursor with screen's (vi's) keys, searches, marks a
// region and copies it into the paste buffer. The window keeps running, and
// other clients are unaffected.
type copyMode struct {
	win        *window // the window it is a copy of
	doc        *vt.Document
	rows, cols int
	top        int // document line on the first row
	cx, cy     int // cursor column and document line
	marked     bool
	mx, my     int // the mark
	count      int // numeric prefix being typed
	search     string
	backward   bool
	ignoreCase bool // searches ignore case (ignorecase on)
	// The last f, F, t or T: its key and character, for ; and , to repeat.
	findKey  byte
	findRune rune
	pending  byte // f, F, t or T waiting for its character
	// screen's a and >: the copy is added to the buffer rather than
	// replacing it; the buffer goes to the exchange file after the copy.
	appending, writeFile bool
	// Block selections: screen's margins (c and C: each line of the copy
	// from column lm to rm), or vim's rectangle (C-v: the columns between
	// the mark and the cursor).
	margins bool
	lm, rm  int
	rect    bool
	join    int // screen's J: how copied lines are joined (joinModes)
}

// joinModes are screen's ways of joining the lines of a copy, in the order
// J goes through them.
var joinModes = []struct{ sep, name string }{
	{"\n", "Multiple lines"}, {"", "Lines joined"}, {" ", "Lines separated by blanks"}, {",", "Lines separated by commas"},
}

func newCopyMode(doc *vt.Document, cols, rows, cursorX, cursorY int) *copyMode {
	m := &copyMode{doc: doc, cols: cols, rows: max(rows, 1), rm: cols - 1}
	last := doc.Len() - 1
	// Start where the window's cursor is: on the screen, at the document's end.
	m.cy = max(0, min(last, doc.Len()-rowsOnScreen(doc, rows)+cursorY))
	m.cx = cursorX
	m.top = max(0, doc.Len()-m.rows)
	m.clamp()
	return m
}

func rowsOnScreen(doc *vt.Document, rows int) int { return min(rows, doc.Len()) }

// copyResult is what a key did.
type copyResult int

const (
	copyContinue copyResult = iota
	copyExit                // left without copying
	copyDone                // copied into the buffer, left
	copySearch              // asks for a search string (forward, or backward)
	copyNote                // goes on, with a message to show (the text)
	copyISearch             // asks for an incremental search (forward, or backward)
)

func (m *copyMode) line(i int) string { return m.doc.Text(i) }

func (m *copyMode) clamp() {
	m.cy = max(0, min(m.cy, m.doc.Len()-1))
	m.cx = max(0, min(m.cx, m.cols-1))
	if m.cy < m.top {
		m.top = m.cy
	}
	if m.cy >= m.top+m.rows {
		m.top = m.cy - m.rows + 1
	}
	m.top = max(0, min(m.top, max(0, m.doc.Len()-m.rows)))
}

func (m *copyMode) n() int {
	if m.count > 0 {
		return m.count
	}
	return 1
}

// key handles one key; text is set when something was copied.
func (m *copyMode) key(k []byte) (res copyResult, text string) {
	defer m.clamp()
	if len(k) >= 3 && k[0] == 0x1b && (k[1] == '[' || k[1] == 'O') {
		switch k[len(k)-1] {
		case 'A':
			k = []byte{'k'}
		case 'B':
			k = []byte{'j'}
		case 'C':
			k = []byte{'l'}
		case 'D':
			k = []byte{'h'}
		case '~':
			switch string(k[2 : len(k)-1]) {
			case "5":
				k = []byte{0x02}
			case "6":
				k = []byte{0x06}
			default:
				return copyContinue, ""
			}
		default:
			return copyContinue, ""
		}
	}
	if f := m.pending; f != 0 {
		m.pending = 0
		r, _ := utf8.DecodeRune(k)
		if k[0] >= 0x20 && r != utf8.RuneError {
			m.findKey, m.findRune = f, r
			for range m.n() {
				m.findChar(f, r)
			}
		}
		m.count = 0
		return copyContinue, ""
	}
	b := k[0]
	if b >= '1' && b <= '9' || (b == '0' && m.count > 0) {
		m.count = min(m.count*10+int(b-'0'), 1<<20)
		return copyContinue, ""
	}
	n := m.n()
	count := m.count
	m.count = 0
	switch b {
	case 'h', 0x08, 0x7f:
		m.cx -= n
	case 'l':
		m.cx += n
	case 'j', 0x0e, '+':
		m.cy += n
	case 'k', 0x10, '-':
		m.cy -= n
	case '0':
		m.cx = 0
	case '^':
		m.cx = firstNonBlank(m.line(m.cy))
	case '$':
		m.cx = max(0, textWidth(m.line(m.cy))-1)
	case '|': // column n (screen's)
		m.cx = max(count, 1) - 1
	case '%': // n percent of the way down (screen's)
		m.cy, m.cx = (m.doc.Len()-1)*min(count, 100)/100, 0
	case 'w', 'b', 'e', 'W', 'B', 'E':
		m.wordMotion(b, n)
	case 'f', 'F', 't', 'T': // to (or till) the next character typed
		m.pending = b
		m.count = count
	case ';', ',': // the last of those again (, the other way)
		if m.findKey != 0 {
			f := m.findKey
			if b == ',' {
				f = reverseFind[f]
			}
			for range n {
				m.findChar(f, m.findRune)
			}
		}
	case 0x05: // C-e: the view one line down, the cursor kept
		m.top = max(0, min(m.top+n, max(0, m.doc.Len()-m.rows)))
		m.cy = max(m.cy, m.top)
	case 0x19: // C-y: one line up
		m.top = max(0, m.top-n)
		m.cy = min(m.cy, m.top+m.rows-1)
	case 'x', 'o': // the mark and the cursor change places
		if m.marked {
			m.cx, m.cy, m.mx, m.my = m.mx, m.my, m.cx, m.cy
		}
	case 'a': // screen's append: the copy goes after what the buffer holds
		m.appending = !m.appending
	case '>': // screen's: the buffer goes to the exchange file after the copy
		m.writeFile = true
	case 'H':
		m.cy = m.top
	case 'M':
		m.cy = m.top + min(m.rows, m.doc.Len()-m.top)/2
	case 'L':
		m.cy = m.top + min(m.rows, m.doc.Len()-m.top) - 1
	case 'g':
		m.cy, m.cx = 0, 0
	case 'G':
		if count > 0 {
			m.cy = count - 1
		} else {
			m.cy = m.doc.Len() - 1
		}
		m.cx = 0
	case 0x15: // C-u
		m.scroll(-m.rows / 2)
	case 0x04: // C-d
		m.scroll(m.rows / 2)
	case 0x02: // C-b
		m.scroll(-m.rows)
	case 0x06: // C-f
		m.scroll(m.rows)
	case '/':
		m.backward = false
		return copySearch, ""
	case '?':
		m.backward = true
		return copySearch, ""
	case 'n':
		m.find(m.search, m.backward)
	case 'N':
		m.find(m.search, !m.backward)
	case 'c': // screen's left margin: column n, or the cursor's
		m.margins, m.lm = true, m.cx
		if count > 0 {
			m.lm = count - 1
		}
		if m.rm < m.lm {
			m.rm = m.cols - 1
		}
	case 'C': // and the right one
		m.margins, m.rm = true, m.cx
		if count > 0 {
			m.rm = count - 1
		}
		m.lm = min(m.lm, m.rm)
	case 0x16: // C-v: a rectangle, or not
		m.rect = !m.rect
	case 0x13: // C-s: screen's incremental search
		m.backward = false
		return copyISearch, ""
	case 0x12: // C-r: backward
		m.backward = true
		return copyISearch, ""
	case 'J': // screen's: the next way of joining the copy's lines
		m.join = (m.join + 1) % len(joinModes)
		return copyNote, joinModes[m.join].name
	case ' ', '\r', '\n', 'v': // v: vim's habit
		if !m.marked {
			m.marked, m.mx, m.my = true, m.cx, m.cy
			return copyContinue, ""
		}
		return copyDone, m.copyRegion()
	case 'y':
		if m.marked {
			return copyDone, m.copyRegion()
		}
		return copyDone, m.copyLines(m.cy, m.cy)
	case 'Y':
		from := m.cy
		if m.marked {
			from = m.my
		}
		return copyDone, m.copyLines(min(from, m.cy), max(from, m.cy))
	case 0x1b, 'q', 0x07, 0x03:
		return copyExit, ""
	}
	return copyContinue, ""
}

func (m *copyMode) scroll(d int) {
	m.top = max(0, min(m.top+d, max(0, m.doc.Len()-m.rows)))
	m.cy = max(m.top, min(m.cy+d, m.top+m.rows-1))
}

// find moves to the next match of pat after (or before) the cursor, wrapping
// around the ends of the document as vi and tmux do.
func (m *copyMode) find(pat string, backward bool) bool {
	return m.findFrom(pat, backward, false)
}

// findFrom is find, which with here counts a match at the cursor too (an
// incremental search growing its pattern stays on its match).
func (m *copyMode) findFrom(pat string, backward, here bool) bool {
	if pat == "" {
		return false
	}
	n := m.doc.Len()
	for step := 0; step <= n; step++ {
		if backward {
			y := ((m.cy-step)%n + n) % n
			line := m.line(y)
			end := len(line)
			if step == 0 {
				end = byteAtColumn(line, m.cx)
				if here {
					end = min(len(line), end+len(pat))
				}
			}
			if i := m.lastIndex(line[:end], pat); i >= 0 {
				m.cy, m.cx = y, textWidth(line[:i])
				return true
			}
			continue
		}
		y := (m.cy + step) % n
		line := m.line(y)
		from := 0
		if step == 0 {
			from = byteAtColumn(line, m.cx+1)
			if here {
				from = byteAtColumn(line, m.cx)
			}
		}
		if i := m.index(line[from:], pat); i >= 0 {
			m.cy, m.cx = y, textWidth(line[:from+i])
			return true
		}
	}
	return false
}

// index is strings.Index, less case with ignorecase on.
func (m *copyMode) index(s, pat string) int {
	if !m.ignoreCase {
		return strings.Index(s, pat)
	}
	for i := range s {
		if hasPrefixFold(s[i:], pat) {
			return i
		}
	}
	return -1
}

// lastIndex is strings.LastIndex, less case with ignorecase on.
func (m *copyMode) lastIndex(s, pat string) int {
	if !m.ignoreCase {
		return strings.LastIndex(s, pat)
	}
	last := -1
	for i := range s {
		if hasPrefixFold(s[i:], pat) {
			last = i
		}
	}
	return last
}

// hasPrefixFold reports whether s starts with prefix, under Unicode case
// folding.
func hasPrefixFold(s, prefix string) bool {
	for _, p := range prefix {
		r, n := utf8.DecodeRuneInString(s)
		if n == 0 || (r != p && unicode.ToLower(r) != unicode.ToLower(p) && unicode.ToUpper(r) != unicode.ToUpper(p)) {
			return false
		}
		s = s[n:]
	}
	return true
}

// The cursor is a column; a line's text has wide characters that take two.

// byteAtColumn returns the offset in line of the first character that
// starts at or after column col (len(line) if none does).
func byteAtColumn(line string, col int) int {
	c, i := 0, 0
	for i < len(line) {
		if c >= col {
			return i
		}
		// A grapheme cluster at a time, as the cells hold them.
		cluster, _, w, _ := uniseg.FirstGraphemeClusterInString(line[i:], -1)
		c += w
		i += len(cluster)
	}
	return len(line)
}

// runeAtColumn returns the index in line of the character covering col.
func runeAtColumn(line []rune, col int) int {
	c := 0
	for i, r := range line {
		w := vt.RuneWidth(r)
		if col < c+max(w, 1) {
			return i
		}
		c += w
	}
	return len(line)
}

// columnOf returns the column where the i-th character of line starts.
func columnOf(line []rune, i int) int {
	c := 0
	for _, r := range line[:min(i, len(line))] {
		c += vt.RuneWidth(r)
	}
	return c + max(0, i-len(line))
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

func isNonBlank(r rune) bool { return r != ' ' }

// wordMotion is w, b and e n times: by words (letters, digits, _), or in
// capitals by vi's WORDs (what lies between blanks).
func (m *copyMode) wordMotion(key byte, n int) {
	isWord := isWordRune
	if key >= 'A' && key <= 'Z' {
		isWord = isNonBlank
	}
	move := map[byte]func(func(rune) bool){'w': m.wordForward, 'b': m.wordBackward, 'e': m.wordEnd}[key|0x20]
	for range n {
		move(isWord)
	}
}

func (m *copyMode) wordForward(isWord func(rune) bool) {
	line := []rune(m.line(m.cy))
	x := runeAtColumn(line, m.cx)
	for x < len(line) && isWord(line[x]) {
		x++
	}
	for x < len(line) && !isWord(line[x]) {
		x++
	}
	if x >= len(line) && m.cy+1 < m.doc.Len() {
		m.cy++
		m.cx = firstNonBlank(m.line(m.cy))
		return
	}
	m.cx = columnOf(line, x)
}

func (m *copyMode) wordBackward(isWord func(rune) bool) {
	line := []rune(m.line(m.cy))
	x := min(runeAtColumn(line, m.cx), len(line))
	if x == 0 && m.cy > 0 {
		m.cy--
		m.cx = textWidth(m.line(m.cy))
		m.wordBackward(isWord)
		return
	}
	x--
	for x > 0 && !isWord(line[x]) {
		x--
	}
	for x > 0 && isWord(line[x-1]) {
		x--
	}
	m.cx = columnOf(line, max(x, 0))
}

func (m *copyMode) wordEnd(isWord func(rune) bool) {
	line := []rune(m.line(m.cy))
	x := runeAtColumn(line, m.cx) + 1
	for x < len(line) && !isWord(line[x]) {
		x++
	}
	for x+1 < len(line) && isWord(line[x+1]) {
		x++
	}
	m.cx = columnOf(line, min(x, max(len(line)-1, 0)))
}

// reverseFind is the find that goes the other way, for ,.
var reverseFind = map[byte]byte{'f': 'F', 'F': 'f', 't': 'T', 'T': 't'}

// findChar moves the cursor on its line to the next r (f), the previous
// (F), or just before (t) or after (T) it; nowhere if there is none.
func (m *copyMode) findChar(how byte, r rune) {
	line := []rune(m.line(m.cy))
	x := runeAtColumn(line, m.cx)
	switch how {
	case 'f', 't':
		from := x + 1
		if how == 't' {
			from = x + 2 // t again from just before a match finds the next one
		}
		for i := from; i < len(line); i++ {
			if line[i] == r {
				if how == 't' {
					i--
				}
				m.cx = columnOf(line, i)
				return
			}
		}
	case 'F', 'T':
		from := min(x, len(line)) - 1
		if how == 'T' {
			from--
		}
		for i := from; i >= 0; i-- {
			if line[i] == r {
				if how == 'T' {
					i++
				}
				m.cx = columnOf(line, i)
				return
			}
		}
	}
}

func firstNonBlank(s string) int {
	for i, r := range []rune(s) {
		if r != ' ' {
			return i
		}
	}
	return 0
}

// ends returns the marked region's ends, first one first.
func (m *copyMode) ends() (x1, y1, x2, y2 int) {
	x1, y1, x2, y2 = m.mx, m.my, m.cx, m.cy
	if y2 < y1 || (y1 == y2 && x2 < x1) {
		x1, y1, x2, y2 = x2, y2, x1, y1
	}
	return x1, y1, x2, y2
}

// span returns the columns of document line y inside the marked region.
func (m *copyMode) span(y int) (from, to int, ok bool) {
	x1, y1, x2, y2 := m.ends()
	if !m.marked || y < y1 || y > y2 {
		return 0, 0, false
	}
	if m.rect {
		return min(m.mx, m.cx), max(m.mx, m.cx), true
	}
	from, to = 0, m.cols-1
	if y == y1 {
		from = x1
	}
	if y == y2 {
		to = x2
	}
	if m.margins {
		from, to = max(from, m.lm), min(to, m.rm)
	}
	return from, to, from <= to
}

// block reports whether the region is a block of columns (each line its
// own, never joined with the next).
func (m *copyMode) block() bool { return m.rect || m.margins }

// selected reports whether the cell at (x, y) is inside the marked region.
func (m *copyMode) selected(x, y int) bool {
	from, to, ok := m.span(y)
	return ok && x >= from && x <= to
}

// cellsText returns the text of cells [from, to] of document line y.
func (m *copyMode) cellsText(y, from, to int) string {
	cells := m.doc.Cells(y, m.cols)
	var b strings.Builder
	for x := max(from, 0); x <= to && x < len(cells); x++ {
		c := cells[x]
		switch {
		case c.IsWideTail():
		case c.R == 0:
			b.WriteByte(' ')
		default:
			b.WriteString(m.doc.TextOf(c))
		}
	}
	return b.String()
}

// copyRegion returns the text from the mark to the cursor: lines that were
// one line wrapped by the terminal are joined again.
func (m *copyMode) copyRegion() string {
	_, y1, _, y2 := m.ends()
	var b strings.Builder
	for y := y1; y <= y2; y++ {
		var text string
		if from, to, ok := m.span(y); ok {
			text = m.cellsText(y, from, to)
		}
		if y < y2 && m.doc.Wrapped(y) && !m.block() {
			b.WriteString(text)
			continue
		}
		b.WriteString(strings.TrimRight(text, " "))
		if y < y2 {
			b.WriteString(joinModes[m.join].sep)
		}
	}
	return b.String()
}

// copyLines returns whole lines y1..y2, each ending in a newline.
func (m *copyMode) copyLines(y1, y2 int) string {
	var b strings.Builder
	for y := y1; y <= y2; y++ {
		b.WriteString(m.line(y))
		if y == y2 {
			b.WriteByte('\n')
		} else if !m.doc.Wrapped(y) {
			b.WriteString(joinModes[m.join].sep)
		}
	}
	return b.String()
}

// indicator is the position shown in the top right corner.
func (m *copyMode) indicator() string {
	return fmt.Sprintf("[%d/%d]", m.cy+1, m.doc.Len())
}

// matchSpans is where the search pattern matches on document line y, as
// the search itself finds matches (ignorecase honoured), in cells: [from,
// to) column pairs, a wide character counting as its two cells.
func (m *copyMode) matchSpans(y int) [][2]int {
	if m.search == "" {
		return nil
	}
	line := m.line(y)
	var out [][2]int
	for from := 0; from < len(line); {
		i := m.index(line[from:], m.search)
		if i < 0 {
			break
		}
		start, end := from+i, from+i
		for range utf8.RuneCountInString(m.search) {
			_, n := utf8.DecodeRuneInString(line[end:])
			if n == 0 {
				break
			}
			end += n
		}
		out = append(out, [2]int{textWidth(line[:start]), textWidth(line[:end])})
		_, n := utf8.DecodeRuneInString(line[start:])
		from = start + max(n, 1)
	}
	return out
}
