package lineedit

import (
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Result is what a key did to the line.
type Result uint8

const (
	// Editing: the line is still being typed.
	Editing Result = iota
	// Accepted: Enter ended the line; Text is what was typed.
	Accepted
	// Aborted: Esc, C-g or C-c ended the line without an answer.
	Aborted
	// Complete: Tab asks the caller to complete the word before the
	// cursor (Complete below); the line goes on.
	Complete
)

// History is what was entered before, oldest first, shared by the lines
// that use it.
type History struct {
	entries []string
	limit   int
}

// NewHistory returns a history keeping the newest limit entries.
func NewHistory(limit int) *History { return &History{limit: limit} }

// Add puts text at the newest end; an entry equal to it moves there rather
// than being kept twice (as screen does).
func (h *History) Add(text string) {
	if text == "" {
		return
	}
	for i, e := range h.entries {
		if e == text {
			h.entries = append(h.entries[:i], h.entries[i+1:]...)
			break
		}
	}
	h.entries = append(h.entries, text)
	if len(h.entries) > h.limit {
		h.entries = h.entries[len(h.entries)-h.limit:]
	}
}

// Entries returns the history, oldest first.
func (h *History) Entries() []string { return h.entries }

// Line is a line being typed.
type Line struct {
	text []rune
	pos  int // the cursor, as an index into text

	history *History
	histPos int    // the entry shown; len(entries): the line being typed
	typed   []rune // the line being typed, kept while the history is walked
	search  string // what C-r looks for, while it is pressed again and again
}

// New starts a line holding text, the cursor at its end; history may be nil.
func New(text string, history *History) *Line {
	l := &Line{text: []rune(text), history: history}
	l.pos = len(l.text)
	if history != nil {
		l.histPos = len(history.entries)
	}
	return l
}

// Text returns what the line holds.
func (l *Line) Text() string { return string(l.text) }

// Cursor returns the cursor's place, in runes from the start.
func (l *Line) Cursor() int { return l.pos }

// Feed edits the line with data, a terminal's keys, until one ends it (or
// asks for completion); it returns what was not used and what happened.
func (l *Line) Feed(data []byte) (rest []byte, res Result) {
	for len(data) > 0 {
		k := NextKey(data)
		data = data[len(k):]
		if res = l.Key(k); res != Editing {
			return data, res
		}
	}
	return nil, Editing
}

// Insert puts text at the cursor, as typed but with no key acting: a paste.
// Control characters (a pasted line's end among them) are left out, so a
// paste never runs a line by itself.
func (l *Line) Insert(text string) {
	var add []rune
	for _, r := range text {
		if r >= 0x20 && r != 0x7f && !(r >= 0x80 && r < 0xa0) && r != utf8.RuneError {
			add = append(add, r)
		}
	}
	l.insertRunes(add)
}

// MaxLength is the most runes a line holds (screen's is 768): what is typed
// or pasted past it is dropped.
const MaxLength = 4096

func (l *Line) insertRunes(add []rune) {
	add = add[:min(len(add), MaxLength-len(l.text))]
	if len(add) == 0 {
		return
	}
	l.text = append(l.text[:l.pos], append(add, l.text[l.pos:]...)...)
	l.pos += len(add)
	l.search = ""
}

// Key acts on one key: a character, a control character or an escape
// sequence (cursor keys, Home, End, Delete).
func (l *Line) Key(k []byte) Result {
	if len(k) > 1 && k[0] == 0x1b {
		return l.sequence(k)
	}
	if k[0] >= 0x20 && k[0] != 0x7f {
		r, _ := utf8.DecodeRune(k)
		if r != utf8.RuneError {
			l.insertRunes([]rune{r})
		}
		return Editing
	}
	if k[0] != 0x12 { // any key but C-r ends a search
		l.search = ""
	}
	switch k[0] {
	case '\r', '\n':
		if l.history != nil {
			l.history.Add(l.Text())
		}
		return Accepted
	case 0x1b, 0x07, 0x03: // Esc, C-g, C-c
		return Aborted
	case '\t':
		return Complete
	case 0x7f, 0x08: // Backspace
		if l.pos > 0 {
			l.delete(l.pos-1, l.pos)
		}
	case 0x04: // C-d: the character under the cursor
		if l.pos < len(l.text) {
			l.delete(l.pos, l.pos+1)
		}
	case 0x15: // C-u: the whole line, as screen has it
		l.text, l.pos = l.text[:0], 0
	case 0x0b: // C-k: to the end
		l.text = l.text[:l.pos]
	case 0x17: // C-w: the word before the cursor
		from := l.pos
		for from > 0 && l.text[from-1] == ' ' {
			from--
		}
		for from > 0 && l.text[from-1] != ' ' {
			from--
		}
		l.delete(from, l.pos)
	case 0x01: // C-a
		l.pos = 0
	case 0x05: // C-e
		l.pos = len(l.text)
	case 0x02: // C-b
		l.pos = max(l.pos-1, 0)
	case 0x06: // C-f
		l.pos = min(l.pos+1, len(l.text))
	case 0x10: // C-p
		l.walk(-1)
	case 0x0e: // C-n
		l.walk(+1)
	case 0x12: // C-r
		l.searchBack()
	}
	return Editing
}

// sequence acts on a key sent as an escape sequence; ones it does not know
// (function keys, Alt+key) do nothing.
func (l *Line) sequence(k []byte) Result {
	l.search = ""
	switch string(k) {
	case "\x1b[A", "\x1bOA":
		l.walk(-1)
	case "\x1b[B", "\x1bOB":
		l.walk(+1)
	case "\x1b[C", "\x1bOC":
		l.pos = min(l.pos+1, len(l.text))
	case "\x1b[D", "\x1bOD":
		l.pos = max(l.pos-1, 0)
	case "\x1b[H", "\x1bOH", "\x1b[1~", "\x1b[7~":
		l.pos = 0
	case "\x1b[F", "\x1bOF", "\x1b[4~", "\x1b[8~":
		l.pos = len(l.text)
	case "\x1b[3~": // Delete
		if l.pos < len(l.text) {
			l.delete(l.pos, l.pos+1)
		}
	}
	return Editing
}

func (l *Line) delete(from, to int) {
	l.text = append(l.text[:from], l.text[to:]...)
	l.pos = from
}

// walk shows the history entry dir steps older (-1) or newer (+1); past the
// newest is the line that was being typed.
func (l *Line) walk(dir int) {
	if l.history == nil {
		return
	}
	n := len(l.history.entries)
	to := min(max(l.histPos+dir, 0), n)
	if to == l.histPos {
		return
	}
	l.show(to)
}

// show puts history entry i (or, at the end, the typed line) on the line.
func (l *Line) show(i int) {
	entries := l.history.entries
	if l.histPos >= len(entries) {
		l.typed = append(l.typed[:0], l.text...)
	}
	l.histPos = i
	if i >= len(entries) {
		l.text = append(l.text[:0], l.typed...)
	} else {
		l.text = []rune(entries[i])
	}
	l.pos = len(l.text)
}

// searchBack is C-r: the next older history entry holding what the line
// held when C-r was first pressed, the cursor on the match (screen's).
func (l *Line) searchBack() {
	if l.history == nil {
		return
	}
	if l.search == "" {
		if len(l.text) == 0 {
			return
		}
		l.search = string(l.text)
	}
	entries := l.history.entries
	for i := min(l.histPos, len(entries)) - 1; i >= 0; i-- {
		if at := strings.Index(entries[i], l.search); at >= 0 {
			search := l.search
			l.show(i)
			l.search = search
			l.pos = utf8.RuneCountInString(entries[i][:at])
			return
		}
	}
}

// Word returns the word before the cursor (from the last space before it)
// and which word of the line it is, counted from 0.
func (l *Line) Word() (word string, index int) {
	from := l.pos
	for from > 0 && l.text[from-1] != ' ' {
		from--
	}
	return string(l.text[from:l.pos]), len(strings.Fields(string(l.text[:from])))
}

// Complete completes the word before the cursor from candidates (those that
// start with it): one is put in whole, followed by a space; several extend
// the word as far as they agree and are returned, for the caller to show.
func (l *Line) Complete(candidates []string) (several []string) {
	word, _ := l.Word()
	var matches []string
	for _, c := range candidates {
		if strings.HasPrefix(c, word) {
			matches = append(matches, c)
		}
	}
	switch len(matches) {
	case 0:
		return nil
	case 1:
		l.insertRunes([]rune(matches[0][len(word):] + " "))
		return nil
	}
	common := matches[0]
	for _, m := range matches[1:] {
		n := 0
		for n < len(common) && n < len(m) && common[n] == m[n] {
			n++
		}
		common = common[:n]
	}
	l.insertRunes([]rune(common[len(word):]))
	return matches
}

// View returns what of the line to show in width columns after a label
// label columns wide, and the cursor's column within it: the whole line
// when it fits, else the part around the cursor.
func (l *Line) View(label, width int) (text string, cursor int) {
	room := width - label - 1 // the cursor's cell after the last character
	start := l.pos
	for start > 0 {
		w := uniseg.StringWidth(string(l.text[start-1]))
		if cursor+w > room {
			break
		}
		start--
		cursor += w
	}
	return string(l.text[start:]), cursor
}

// NextKey returns the first key of data: an escape sequence (ESC [ or ESC O
// and what ends it), else one character.
func NextKey(data []byte) []byte {
	if len(data) > 2 && data[0] == 0x1b && (data[1] == '[' || data[1] == 'O') {
		j := 2
		for j < len(data) && (data[j] < 0x40 || data[j] > 0x7e) {
			j++
		}
		return data[:min(j+1, len(data))]
	}
	if data[0] >= 0x80 {
		if _, n := utf8.DecodeRune(data); n > 1 {
			return data[:n]
		}
	}
	return data[:1]
}
