package window

import (
	"bytes"
	"time"
	"unicode/utf8"

	"github.com/gmux/gmux/server/sched"
)

// A paste is bracketed (ESC [200~ ... ESC [201~) when the program asked for
// it, and that must be judged when the paste reaches the program, not when it
// is asked for: typed in one burst, "cat > file" Enter and C-a ] find the
// shell still in bracketed-paste mode, and cat would get the marks. So a
// paste waits until the program has had pasteSettle to take what was typed
// before it and to answer (no input sent and no output for that long), at
// most pasteWait; what is typed meanwhile waits behind it, in order. A paste
// after a pause, the usual case, goes at once.
const (
	pasteSettle = 50 * time.Millisecond
	pasteWait   = 500 * time.Millisecond
)

// The marks of a bracketed paste. What is pasted between them never holds
// the end mark: a buffer with one (a program's output copied, a file read
// in) would end the paste early, and the shell would run what follows it
// as typed keys. As xterm and tmux do, it is taken out.
const (
	pasteStart = "\x1b[200~"
	pasteEnd   = "\x1b[201~"
)

// withoutPasteEnd is b without pasteEnd, taken out until none is left
// (taking one out of "\x1b[20\x1b[201~1~" makes another).
func withoutPasteEnd(b []byte) []byte {
	for bytes.Contains(b, []byte(pasteEnd)) {
		b = bytes.ReplaceAll(b, []byte(pasteEnd), nil)
	}
	return b
}

// heldInput is input waiting behind a paste: pasted text (bracketed or not
// as the program wants when it is sent) or bytes as typed.
type heldInput struct {
	paste bool
	b     []byte
	slow  [][]byte // a slow paste's pieces still to write (slowpaste)
}

// Paste types text into w as a Paste.
func (w *Window) Paste(h Host, text []byte) {
	if w.Exited {
		return
	}
	start := len(w.held) == 0
	w.held = append(w.held, heldInput{paste: true, b: bytes.Clone(text)})
	if start {
		w.settlePaste(h, time.Now())
	}
}

// lastIO is when w's program last wrote, or was written to.
func (w *Window) lastIO() time.Time {
	if w.LastInput.After(w.LastOutput) {
		return w.LastInput
	}
	return w.LastOutput
}

// settlePaste sends w's held input once its output is quiet.
func (w *Window) settlePaste(h Host, since time.Time) {
	if quiet := time.Since(w.lastIO()); quiet < pasteSettle && time.Since(since) < pasteWait {
		h.After(sched.Key{Kind: sched.PasteSettle, ID: w.ID}, pasteSettle-quiet, func() { w.settlePaste(h, since) })
		return
	}
	held := w.held
	w.held = nil
	for i, hi := range held {
		b := hi.b
		if hi.paste && h.Settings().SlowPaste > 0 {
			// slowpaste: the rest waits behind the paste, which goes a
			// character at a time.
			w.held = append([]heldInput{{slow: slowPieces(b, w.Screen.Modes().BracketedPaste)}}, held[i+1:]...)
			w.trickle(h)
			return
		}
		if hi.paste && w.Screen.Modes().BracketedPaste {
			b = append(append([]byte(pasteStart), withoutPasteEnd(b)...), pasteEnd...)
		}
		w.Send(b)
	}
}

// slowPieces is a paste cut into what slowpaste writes at a time: one
// character, and the bracketed paste marks whole.
func slowPieces(b []byte, bracketed bool) [][]byte {
	var pieces [][]byte
	if bracketed {
		pieces = append(pieces, []byte(pasteStart))
		b = withoutPasteEnd(b)
	}
	for len(b) > 0 {
		_, n := utf8.DecodeRune(b)
		pieces = append(pieces, b[:n])
		b = b[n:]
	}
	if bracketed {
		pieces = append(pieces, []byte(pasteEnd))
	}
	return pieces
}

// trickle writes the next piece of a slow paste, then waits slowpaste; when
// the paste is done, what was held behind it goes on.
func (w *Window) trickle(h Host) {
	if w.Exited || len(w.held) == 0 || w.held[0].slow == nil {
		return
	}
	next := &w.held[0]
	w.Deliver(next.slow[0])
	next.slow = next.slow[1:]
	if len(next.slow) > 0 {
		h.After(sched.Key{Kind: sched.SlowPaste, ID: w.ID}, h.Settings().SlowPaste, func() { w.trickle(h) })
		return
	}
	w.held = w.held[1:]
	if len(w.held) > 0 {
		w.settlePaste(h, time.Now())
	}
}
