package window

import (
	"bytes"
	"fmt"

	"golang.org/x/sys/unix"
)

// Flow control, as screen's flow command: with flow on, gmux itself takes
// C-s and C-q typed in a window: C-s stops reading the program's output (it
// blocks once its terminal's buffer fills, as on a real terminal), C-q goes
// on. With flow off, both reach the program as data (its terminal's IXON is
// turned off); auto, the default, leaves them to the terminal's own setting,
// which the program controls (stty, a full-screen editor).

// Flow modes of a window.
const (
	FlowAuto = iota
	FlowOn
	FlowOff
)

// FlowKeys takes C-s and C-q out of input for a window with flow on, and
// acts on them.
func (w *Window) FlowKeys(h Host, b []byte) []byte {
	if w.Flow != FlowOn || !bytes.ContainsAny(b, "\x13\x11") {
		return b
	}
	out := make([]byte, 0, len(b))
	for _, c := range b {
		switch c {
		case 0x13:
			w.Gate.Hold()
		case 0x11:
			w.ResumeOutput(h)
		default:
			out = append(out, c)
		}
	}
	return out
}

// HoldOutput keeps output the reader had already read when C-s came: it
// is shown with the rest when output goes on.
func (w *Window) HoldOutput(data []byte) bool {
	if !w.Gate.Held() {
		return false
	}
	w.HeldOutput = append(w.HeldOutput, data...)
	return true
}

// ResumeOutput opens the gate and shows what was held.
func (w *Window) ResumeOutput(h Host) {
	w.Gate.Release()
	if held := w.HeldOutput; len(held) > 0 {
		w.HeldOutput = nil
		h.Output(w, held)
	}
}

// SetFlow sets a window's flow mode.
func (w *Window) SetFlow(h Host, mode int) error {
	if mode != FlowOn {
		w.ResumeOutput(h)
	}
	w.Flow = mode
	if mode == FlowOff {
		return SetIXON(w, false)
	}
	return nil
}

// SetIXON turns the window's terminal's IXON on or off: with it off, C-s
// and C-q reach the program.
func SetIXON(w *Window, on bool) error {
	t, err := termios(w)
	if err != nil {
		return err
	}
	if on {
		t.Iflag |= unix.IXON
	} else {
		t.Iflag &^= unix.IXON
	}
	if err := w.SetTermios(t); err != nil {
		return fmt.Errorf("flow: %w", err)
	}
	return nil
}

func termios(w *Window) (*unix.Termios, error) {
	t, err := w.Termios()
	if err != nil {
		return nil, fmt.Errorf("flow: %w", err)
	}
	return t, nil
}
