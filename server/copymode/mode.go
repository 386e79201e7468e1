package copymode

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gmux/gmux/server/vt"
	"github.com/rivo/uniseg"
)

// Mode is one display's view of a frozen copy of a window's history and
// screen: it moves a cursor with screen's (vi's) keys, searches, marks a
// region and gives the text to copy. The window keeps running, and other
// displays are unaffected.
type Mode struct {
	Doc        *vt.Document
	Rows, Cols int
	Top        int // document line on the first row
	CX, CY     int // cursor column and document line
	Marked     bool
	MX, MY     int // the mark
	count      int // numeric prefix being typed
	Search     string
	Backward   bool
	IgnoreCase bool // searches ignore case (ignorecase on)
	// The last f, F, t or T: its key and character, for ; and , to repeat.
	findKey  byte
	findRune rune
	pending  byte // f, F, t or T waiting for its character
	// screen's a and >: the copy is added to the buffer rather than
	// replacing it; the buffer goes to the exchange file after the copy.
	Appending, WriteFile bool
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

func New(doc *vt.Document, cols, rows, cursorX, cursorY int) *Mode {
	m := &Mode{Doc: doc, Cols: cols, Rows: max(rows, 1), rm: cols - 1}
	last := doc.Len() - 1
	// Start where the window's cursor is: on the screen, at the document's end.
	m.CY = max(0, min(last, doc.Len()-rowsOnScreen(doc, rows)+cursorY))
	m.CX = cursorX
	m.Top = max(0, doc.Len()-m.Rows)
	m.Clamp()
	return m
}

func rowsOnScreen(doc *vt.Document, rows int) int { return min(rows, doc.Len()) }

// Result is what a key did.
type Result int

const (
	Continue   Result = iota
	Exit              // left without copying
	Done              // copied into the buffer, left
	AskSearch         // asks for a search string (forward, or backward)
	Note              // goes on, with a message to show (the text)
	AskISearch        // asks for an incremental search (forward, or backward)
)

func (m *Mode) Line(i int) string { return m.Doc.Text(i) }

func (m *Mode) Clamp() {
	m.CY = max(0, min(m.CY, m.Doc.Len()-1))
	m.CX = max(0, min(m.CX, m.Cols-1))
	if m.CY < m.Top {
		m.Top = m.CY
	}
	if m.CY >= m.Top+m.Rows {
		m.Top = m.CY - m.Rows + 1
	}
	m.Top = max(0, min(m.Top, max(0, m.Doc.Len()-m.Rows)))
}

func (m *Mode) n() int {
	if m.count > 0 {
		return m.count
	}
	return 1
}

// Key handles one Key; text is set when something was copied.
func (m *Mode) Key(k []byte) (res Result, text string) {
	defer m.Clamp()
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
				return Continue, ""
			}
		default:
			return Continue, ""
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
		return Continue, ""
	}
	b := k[0]
	if b >= '1' && b <= '9' || (b == '0' && m.count > 0) {
		m.count = min(m.count*10+int(b-'0'), 1<<20)
		return Continue, ""
	}
	n := m.n()
	count := m.count
	m.count = 0
	switch b {
	case 'h', 0x08, 0x7f:
		m.CX -= n
	case 'l':
		m.CX += n
	case 'j', 0x0e, '+':
		m.CY += n
	case 'k', 0x10, '-':
		m.CY -= n
	case '0':
		m.CX = 0
	case '^':
		m.CX = firstNonBlank(m.Line(m.CY))
	case '$':
		m.CX = max(0, vt.TextWidth(m.Line(m.CY))-1)
	case '|': // column n (screen's)
		m.CX = max(count, 1) - 1
	case '%': // n percent of the way down (screen's)
		m.CY, m.CX = (m.Doc.Len()-1)*min(count, 100)/100, 0
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
		m.Top = max(0, min(m.Top+n, max(0, m.Doc.Len()-m.Rows)))
		m.CY = max(m.CY, m.Top)
	case 0x19: // C-y: one line up
		m.Top = max(0, m.Top-n)
		m.CY = min(m.CY, m.Top+m.Rows-1)
	case 'x', 'o': // the mark and the cursor change places
		if m.Marked {
			m.CX, m.CY, m.MX, m.MY = m.MX, m.MY, m.CX, m.CY
		}
	case 'a': // screen's append: the copy goes after what the buffer holds
		m.Appending = !m.Appending
	case '>': // screen's: the buffer goes to the exchange file after the copy
		m.WriteFile = true
	case 'H':
		m.CY = m.Top
	case 'M':
		m.CY = m.Top + min(m.Rows, m.Doc.Len()-m.Top)/2
	case 'L':
		m.CY = m.Top + min(m.Rows, m.Doc.Len()-m.Top) - 1
	case 'g':
		m.CY, m.CX = 0, 0
	case 'G':
		if count > 0 {
			m.CY = count - 1
		} else {
			m.CY = m.Doc.Len() - 1
		}
		m.CX = 0
	case 0x15: // C-u
		m.Scroll(-m.Rows / 2)
	case 0x04: // C-d
		m.Scroll(m.Rows / 2)
	case 0x02: // C-b
		m.Scroll(-m.Rows)
	case 0x06: // C-f
		m.Scroll(m.Rows)
	case '/':
		m.Backward = false
		return AskSearch, ""
	case '?':
		m.Backward = true
		return AskSearch, ""
	case 'n':
		m.Find(m.Search, m.Backward)
	case 'N':
		m.Find(m.Search, !m.Backward)
	case 'c': // screen's left margin: column n, or the cursor's
		m.margins, m.lm = true, m.CX
		if count > 0 {
			m.lm = count - 1
		}
		if m.rm < m.lm {
			m.rm = m.Cols - 1
		}
	case 'C': // and the right one
		m.margins, m.rm = true, m.CX
		if count > 0 {
			m.rm = count - 1
		}
		m.lm = min(m.lm, m.rm)
	case 0x16: // C-v: a rectangle, or not
		m.rect = !m.rect
	case 0x13: // C-s: screen's incremental search
		m.Backward = false
		return AskISearch, ""
	case 0x12: // C-r: backward
		m.Backward = true
		return AskISearch, ""
	case 'J': // screen's: the next way of joining the copy's lines
		m.join = (m.join + 1) % len(joinModes)
		return Note, joinModes[m.join].name
	case ' ', '\r', '\n', 'v': // v: vim's habit
		if !m.Marked {
			m.Marked, m.MX, m.MY = true, m.CX, m.CY
			return Continue, ""
		}
		return Done, m.CopyRegion()
	case 'y':
		if m.Marked {
			return Done, m.CopyRegion()
		}
		return Done, m.copyLines(m.CY, m.CY)
	case 'Y':
		from := m.CY
		if m.Marked {
			from = m.MY
		}
		return Done, m.copyLines(min(from, m.CY), max(from, m.CY))
	case 0x1b, 'q', 0x07, 0x03:
		return Exit, ""
	}
	return Continue, ""
}

func (m *Mode) Scroll(d int) {
	m.Top = max(0, min(m.Top+d, max(0, m.Doc.Len()-m.Rows)))
	m.CY = max(m.Top, min(m.CY+d, m.Top+m.Rows-1))
}

// Find moves to the next match of pat after (or before) the cursor, wrapping
// around the ends of the document as vi and tmux do.
func (m *Mode) Find(pat string, backward bool) bool {
	return m.FindFrom(pat, backward, false)
}

// FindFrom is find, which with here counts a match at the cursor too (an
// incremental search growing its pattern stays on its match).
func (m *Mode) FindFrom(pat string, backward, here bool) bool {
	if pat == "" {
		return false
	}
	n := m.Doc.Len()
	for step := 0; step <= n; step++ {
		if backward {
			y := ((m.CY-step)%n + n) % n
			line := m.Line(y)
			end := len(line)
			if step == 0 {
				end = byteAtColumn(line, m.CX)
				if here {
					end = min(len(line), end+len(pat))
				}
			}
			if i := m.lastIndex(line[:end], pat); i >= 0 {
				m.CY, m.CX = y, vt.TextWidth(line[:i])
				return true
			}
			continue
		}
		y := (m.CY + step) % n
		line := m.Line(y)
		from := 0
		if step == 0 {
			from = byteAtColumn(line, m.CX+1)
			if here {
				from = byteAtColumn(line, m.CX)
			}
		}
		if i := m.index(line[from:], pat); i >= 0 {
			m.CY, m.CX = y, vt.TextWidth(line[:from+i])
			return true
		}
	}
	return false
}

// index is strings.Index, less case with ignorecase on.
func (m *Mode) index(s, pat string) int {
	if !m.IgnoreCase {
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
func (m *Mode) lastIndex(s, pat string) int {
	if !m.IgnoreCase {
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

// RuneAtColumn returns the index in line of the character covering col.
func RuneAtColumn(line []rune, col int) int {
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

// ColumnOf returns the column where the i-th character of line starts.
func ColumnOf(line []rune, i int) int {
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
func (m *Mode) wordMotion(key byte, n int) {
	isWord := isWordRune
	if key >= 'A' && key <= 'Z' {
		isWord = isNonBlank
	}
	move := map[byte]func(func(rune) bool){'w': m.wordForward, 'b': m.wordBackward, 'e': m.wordEnd}[key|0x20]
	for range n {
		move(isWord)
	}
}

func (m *Mode) wordForward(isWord func(rune) bool) {
	line := []rune(m.Line(m.CY))
	x := RuneAtColumn(line, m.CX)
	for x < len(line) && isWord(line[x]) {
		x++
	}
	for x < len(line) && !isWord(line[x]) {
		x++
	}
	if x >= len(line) && m.CY+1 < m.Doc.Len() {
		m.CY++
		m.CX = firstNonBlank(m.Line(m.CY))
		return
	}
	m.CX = ColumnOf(line, x)
}

func (m *Mode) wordBackward(isWord func(rune) bool) {
	line := []rune(m.Line(m.CY))
	x := min(RuneAtColumn(line, m.CX), len(line))
	if x == 0 && m.CY > 0 {
		m.CY--
		m.CX = vt.TextWidth(m.Line(m.CY))
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
	m.CX = ColumnOf(line, max(x, 0))
}

func (m *Mode) wordEnd(isWord func(rune) bool) {
	line := []rune(m.Line(m.CY))
	x := RuneAtColumn(line, m.CX) + 1
	for x < len(line) && !isWord(line[x]) {
		x++
	}
	for x+1 < len(line) && isWord(line[x+1]) {
		x++
	}
	m.CX = ColumnOf(line, min(x, max(len(line)-1, 0)))
}

// reverseFind is the find that goes the other way, for ,.
var reverseFind = map[byte]byte{'f': 'F', 'F': 'f', 't': 'T', 'T': 't'}

// findChar moves the cursor on its line to the next r (f), the previous
// (F), or just before (t) or after (T) it; nowhere if there is none.
func (m *Mode) findChar(how byte, r rune) {
	line := []rune(m.Line(m.CY))
	x := RuneAtColumn(line, m.CX)
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
				m.CX = ColumnOf(line, i)
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
				m.CX = ColumnOf(line, i)
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
func (m *Mode) ends() (x1, y1, x2, y2 int) {
	x1, y1, x2, y2 = m.MX, m.MY, m.CX, m.CY
	if y2 < y1 || (y1 == y2 && x2 < x1) {
		x1, y1, x2, y2 = x2, y2, x1, y1
	}
	return x1, y1, x2, y2
}

// span returns the columns of document line y inside the marked region.
func (m *Mode) span(y int) (from, to int, ok bool) {
	x1, y1, x2, y2 := m.ends()
	if !m.Marked || y < y1 || y > y2 {
		return 0, 0, false
	}
	if m.rect {
		return min(m.MX, m.CX), max(m.MX, m.CX), true
	}
	from, to = 0, m.Cols-1
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
func (m *Mode) block() bool { return m.rect || m.margins }

// Selected reports whether the cell at (x, y) is inside the marked region.
func (m *Mode) Selected(x, y int) bool {
	from, to, ok := m.span(y)
	return ok && x >= from && x <= to
}

// cellsText returns the text of cells [from, to] of document line y.
func (m *Mode) cellsText(y, from, to int) string {
	cells := m.Doc.Cells(y, m.Cols)
	var b strings.Builder
	for x := max(from, 0); x <= to && x < len(cells); x++ {
		c := cells[x]
		switch {
		case c.IsWideTail():
		case c.R == 0:
			b.WriteByte(' ')
		default:
			b.WriteString(m.Doc.TextOf(c))
		}
	}
	return b.String()
}

// CopyRegion returns the text from the mark to the cursor: lines that were
// one line wrapped by the terminal are joined again.
func (m *Mode) CopyRegion() string {
	_, y1, _, y2 := m.ends()
	var b strings.Builder
	for y := y1; y <= y2; y++ {
		var text string
		if from, to, ok := m.span(y); ok {
			text = m.cellsText(y, from, to)
		}
		if y < y2 && m.Doc.Wrapped(y) && !m.block() {
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
func (m *Mode) copyLines(y1, y2 int) string {
	var b strings.Builder
	for y := y1; y <= y2; y++ {
		b.WriteString(m.Line(y))
		if y == y2 {
			b.WriteByte('\n')
		} else if !m.Doc.Wrapped(y) {
			b.WriteString(joinModes[m.join].sep)
		}
	}
	return b.String()
}

// Indicator is the position shown in the top right corner.
func (m *Mode) Indicator() string {
	return fmt.Sprintf("[%d/%d]", m.CY+1, m.Doc.Len())
}

// MatchSpans is where the search pattern matches on document line y, as
// the search itself finds matches (ignorecase honoured), in cells: [from,
// to) column pairs, a wide character counting as its two cells.
func (m *Mode) MatchSpans(y int) [][2]int {
	if m.Search == "" {
		return nil
	}
	line := m.Line(y)
	var out [][2]int
	for from := 0; from < len(line); {
		i := m.index(line[from:], m.Search)
		if i < 0 {
			break
		}
		start, end := from+i, from+i
		for range utf8.RuneCountInString(m.Search) {
			_, n := utf8.DecodeRuneInString(line[end:])
			if n == 0 {
				break
			}
			end += n
		}
		out = append(out, [2]int{vt.TextWidth(line[:start]), vt.TextWidth(line[:end])})
		_, n := utf8.DecodeRuneInString(line[start:])
		from = start + max(n, 1)
	}
	return out
}
