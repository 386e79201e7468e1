package server

import "time"

// A paste is bracketed (ESC [200~ ... ESC [201~) when the program asked for
// it, and that must be judged when the paste reaches the program, not when it
// is asked for: typed in one burst, "cat > file" Enter and C-a ] find the
// shell still in bracketed-paste mode, and cat would get the marks. So a
// paste waits until the window's output has been quiet for pasteSettle (the
// program has taken what was typed before and set its modes), at most
// pasteWait; what is typed meanwhile waits behind it, in order.
const (
	pasteSettle = 20 * time.Millisecond
	pasteWait   = 250 * time.Millisecond
)

// heldInput is input waiting behind a paste: pasted text (bracketed or not
// as the program wants when it is sent) or bytes as typed.
type heldInput struct {
	paste bool
	b     []byte
}

// paste types text into w as a paste.
func (s *session) paste(w *window, text []byte) {
	if w.exited {
		return
	}
	start := len(w.held) == 0
	w.held = append(w.held, heldInput{paste: true, b: append([]byte(nil), text...)})
	if start {
		s.settlePaste(w, time.Now())
	}
}

// settlePaste sends w's held input once its output is quiet.
func (s *session) settlePaste(w *window, since time.Time) {
	if quiet := time.Since(w.lastOutput); quiet < pasteSettle && time.Since(since) < pasteWait {
		time.AfterFunc(pasteSettle-quiet, func() { s.post(func() { s.settlePaste(w, since) }) })
		return
	}
	held := w.held
	w.held = nil
	for _, h := range held {
		b := h.b
		if h.paste && w.screen.Modes().BracketedPaste {
			b = append(append([]byte("\x1b[200~"), b...), "\x1b[201~"...)
		}
		w.send(b)
	}
}
