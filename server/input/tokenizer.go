package input

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// maxSequence bounds an escape sequence or reply held while it is
// incomplete; a longer one is passed on as it is.
const maxSequence = 4096

var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

// Tokenizer splits a terminal's bytes into events. Bytes that may be the
// start of a longer sequence (ESC, ESC [ 1 ;, half a UTF-8 character) are
// held until the next Feed; if none comes soon, the caller calls Flush
// (a lone ESC is a key of its own).
type Tokenizer struct {
	// Split is a byte that is always a Key by itself, never part of Text
	// (the command key, C-a; NUL too, for C-Space as screen's escape ^@).
	Split   byte
	pending []byte
	inPaste bool
}

// Pending reports whether bytes are held for the next Feed.
func (t *Tokenizer) Pending() bool { return len(t.pending) > 0 }

// Feed tokenizes b after what is pending and calls emit for each event.
func (t *Tokenizer) Feed(b []byte, emit func(Event)) {
	if len(t.pending) > 0 {
		t.pending = append(t.pending, b...)
		b, t.pending = t.pending, nil
	}
	for len(b) > 0 {
		n := t.next(b, emit, false)
		if n == 0 { // incomplete: keep it for the next Feed
			t.pending = append(t.pending[:0], b...)
			return
		}
		b = b[n:]
	}
}

// Flush passes on what is pending as it is: the wait for the rest of a
// sequence is over.
func (t *Tokenizer) Flush(emit func(Event)) {
	b := t.pending
	t.pending = nil
	for len(b) > 0 {
		b = b[t.next(b, emit, true):]
	}
}

// next emits the event at the start of b and returns its length, or 0 if b
// holds only part of one (and final is false).
func (t *Tokenizer) next(b []byte, emit func(Event), final bool) int {
	if t.inPaste {
		return t.paste(b, emit, final)
	}
	if b[0] == 0x1b {
		return t.escape(b, emit, final)
	}
	if b[0] == t.Split {
		emit(Event{Kind: Key, Bytes: b[:1]})
		return 1
	}
	n := 0
	for n < len(b) && b[n] != 0x1b && b[n] != t.Split {
		n++
	}
	// Never end a run inside a UTF-8 character: hold its start back.
	if !final && n == len(b) {
		n = len(b) - partialRune(b)
		if n == 0 {
			return 0
		}
	}
	emit(Event{Kind: Text, Bytes: b[:n]})
	return n
}

// partialRune returns how many bytes at the end of b begin a UTF-8 character
// that is not complete.
func partialRune(b []byte) int {
	for i := 1; i <= 3 && i <= len(b); i++ {
		c := b[len(b)-i]
		if c < 0x80 {
			return 0
		}
		if c >= 0xc0 { // a lead byte
			need := 2
			if c >= 0xe0 {
				need = 3
			}
			if c >= 0xf0 {
				need = 4
			}
			if i < need && utf8.RuneStart(c) {
				return i
			}
			return 0
		}
	}
	return 0
}

// escape handles b starting with ESC.
func (t *Tokenizer) escape(b []byte, emit func(Event), final bool) int {
	lone := func() int { emit(Event{Kind: Key, Bytes: b[:1]}); return 1 }
	if len(b) < 2 {
		if final {
			return lone()
		}
		return 0
	}
	switch b[1] {
	case '[':
		return t.csi(b, emit, final)
	case 'O':
		if len(b) < 3 {
			if final {
				return lone()
			}
			return 0
		}
		emit(Event{Kind: Key, Bytes: b[:3]})
		return 3
	case ']', 'P', 'X', '^', '_':
		return t.reply(b, emit, final)
	case 0x1b, t.Split:
		// The first of two ESCs is a key of its own; so is an ESC before
		// the command key (leaving vi's insert mode, then C-a d).
		return lone()
	}
	// ESC and one more key: Alt+key. A UTF-8 character goes whole.
	n := 2
	if b[1] >= 0xc0 {
		_, size := utf8.DecodeRune(b[1:])
		if size == 1 && !final && partialRune(b[1:]) == len(b)-1 {
			return 0
		}
		n = 1 + size
	}
	emit(Event{Kind: Key, Bytes: b[:n]})
	return n
}

// csi handles b starting with ESC [.
func (t *Tokenizer) csi(b []byte, emit func(Event), final bool) int {
	if len(b) >= 3 && b[2] == 'M' { // X10 mouse: three raw bytes follow
		if len(b) < 6 {
			if final {
				emit(Event{Kind: Key, Bytes: b})
				return len(b)
			}
			return 0
		}
		emit(Event{Kind: Mouse, Bytes: b[:6], Mouse: x10Mouse(b[3:6])})
		return 6
	}
	i := 2
	for i < len(b) && b[i] >= 0x20 && b[i] <= 0x3f {
		i++
	}
	if i == len(b) || i >= maxSequence {
		if final || i >= maxSequence {
			emit(Event{Kind: Key, Bytes: b[:i]})
			return i
		}
		return 0
	}
	seq := b[:i+1]
	switch {
	case b[i] < 0x40 || b[i] > 0x7e: // not a final byte: a broken sequence, passed on as it is
		emit(Event{Kind: Key, Bytes: b[:i]})
		return i
	case bytes.Equal(seq, pasteStart):
		t.inPaste = true
		emit(Event{Kind: PasteStart, Bytes: seq})
	case len(seq) > 3 && seq[2] == '<' && (b[i] == 'M' || b[i] == 'm'):
		if m, ok := sgrMouse(seq); ok {
			emit(Event{Kind: Mouse, Bytes: seq, Mouse: m})
		} else {
			emit(Event{Kind: Key, Bytes: seq})
		}
	default:
		emit(Event{Kind: Key, Bytes: seq})
	}
	return len(seq)
}

// reply handles a string sequence (OSC, DCS...) ended by BEL or ST.
func (t *Tokenizer) reply(b []byte, emit func(Event), final bool) int {
	for i := 2; i < len(b) && i < maxSequence; i++ {
		if b[i] == 0x07 {
			emit(Event{Kind: Reply, Bytes: b[:i+1]})
			return i + 1
		}
		if b[i] == 0x1b && i+1 < len(b) && b[i+1] == '\\' {
			emit(Event{Kind: Reply, Bytes: b[:i+2]})
			return i + 2
		}
	}
	if !final && len(b) < maxSequence {
		return 0
	}
	n := min(len(b), maxSequence)
	emit(Event{Kind: Reply, Bytes: b[:n]})
	return n
}

// paste passes pasted bytes on until the end mark, which a read may split.
func (t *Tokenizer) paste(b []byte, emit func(Event), final bool) int {
	if i := bytes.Index(b, pasteEnd); i >= 0 {
		if i > 0 {
			emit(Event{Kind: Paste, Bytes: b[:i]})
		}
		t.inPaste = false
		emit(Event{Kind: PasteEnd, Bytes: b[i : i+len(pasteEnd)]})
		return i + len(pasteEnd)
	}
	n := len(b)
	if !final {
		// Keep back what could be the start of the end mark.
		for k := min(len(pasteEnd)-1, len(b)); k > 0; k-- {
			if bytes.HasPrefix(pasteEnd, b[len(b)-k:]) {
				n = len(b) - k
				break
			}
		}
		if n == 0 {
			return 0
		}
	}
	emit(Event{Kind: Paste, Bytes: b[:n]})
	return n
}

// sgrMouse decodes ESC [ < b ; x ; y M|m.
func sgrMouse(seq []byte) (MouseReport, bool) {
	f := bytes.Split(seq[3:len(seq)-1], []byte(";"))
	if len(f) != 3 {
		return MouseReport{}, false
	}
	var v [3]int
	for i := range f {
		n, err := strconv.Atoi(string(f[i]))
		if err != nil || n < 0 {
			return MouseReport{}, false
		}
		v[i] = n
	}
	m := decodeButton(v[0])
	m.X, m.Y = max(v[1]-1, 0), max(v[2]-1, 0)
	m.Release = seq[len(seq)-1] == 'm'
	return m, true
}

// x10Mouse decodes the three bytes after ESC [ M.
func x10Mouse(p []byte) MouseReport {
	m := decodeButton(int(p[0]) - 32)
	m.X, m.Y = max(int(p[1])-33, 0), max(int(p[2])-33, 0)
	m.Release = m.Button == 3
	return m
}

func decodeButton(b int) MouseReport {
	return MouseReport{
		Button: b &^ (4 | 8 | 16 | 32),
		Shift:  b&4 != 0, Meta: b&8 != 0, Control: b&16 != 0, Motion: b&32 != 0,
	}
}
