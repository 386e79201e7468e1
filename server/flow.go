package server

import (
	"bytes"
)

// Flow control, as screen's flow command: with flow on, gmux itself takes
// C-s and C-q typed in a window: C-s stops reading the program's output (it
// blocks once its terminal's buffer fills, as on a real terminal), C-q goes
// on. With flow off, both reach the program as data (its terminal's IXON is
// turned off); auto, the default, leaves them to the terminal's own setting,
// which the program controls (stty, a full-screen editor).

// Flow modes of a window.
const (
	flowAuto = iota
	flowOn
	flowOff
)

// flowKeys takes C-s and C-q out of input for a window with flow on, and
// acts on them.
func (w *window) flowKeys(s *session, b []byte) []byte {
	if w.Flow != flowOn || !bytes.ContainsAny(b, "\x13\x11") {
		return b
	}
	out := make([]byte, 0, len(b))
	for _, c := range b {
		switch c {
		case 0x13:
			w.Gate.Hold()
		case 0x11:
			w.resumeOutput(s)
		default:
			out = append(out, c)
		}
	}
	return out
}

// holdOutput keeps output the reader had already read when C-s came: it
// is shown with the rest when output goes on.
func (w *window) holdOutput(data []byte) bool {
	if !w.Gate.Held() {
		return false
	}
	w.heldOutput = append(w.heldOutput, data...)
	return true
}

// resumeOutput opens the gate and shows what was held.
func (w *window) resumeOutput(s *session) {
	w.Gate.Release()
	if held := w.heldOutput; len(held) > 0 {
		w.heldOutput = nil
		s.windowOutput(w, held)
	}
}

// setFlow sets a window's flow mode.
func (w *window) setFlow(s *session, mode int) error {
	if mode != flowOn {
		w.resumeOutput(s)
	}
	w.Flow = mode
	if mode == flowOff {
		return setIXON(w, false)
	}
	return nil
}
