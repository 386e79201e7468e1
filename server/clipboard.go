package server

import (
	"encoding/base64"

	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/window"
)

// A program's clipboard (OSC 52), as tmux's set-clipboard and mosh do:
// Neovim over ssh yanks this way (it asks for Ms, which the emulator then
// answers), as do vim-oscyank and shell tools. By default (programclipboard
// external, tmux's default) a copy goes on to each terminal showing the
// window that takes OSC 52 (clipboardFor), the terminal's own rules deciding
// the rest, and leaves the paste buffer alone: any program's output (a file
// being cat'ed) could otherwise put in it what C-a ] then types into a shell.
// programclipboard on makes a copy the paste buffer too, as one made in copy
// mode is. A read is answered only with programclipboardread on and while a
// display shows the window, and with the paste buffer, never with a
// terminal's clipboard: that would hand whatever the user copied anywhere to
// any program in the session; the answer is base64, so a read cannot make
// gmux type text of a program's choosing. With programclipboard off, the
// emulator drops both.

// programClipboard acts on what w's program asked of the clipboard in the
// output just shown.
func (s *session) programClipboard(w *window.Window) {
	req, ok := w.Screen.TakeClipboard()
	if !ok {
		return
	}
	shown := false
	for c := range s.clients {
		if c.attached && c.shows(w) {
			shown = true
			if req.Set {
				s.offerClipboard(c, req.Selection, req.Text)
			}
		}
	}
	if req.Set && s.set.ProgramClipboardBuffer {
		s.Buffer = string(req.Text)
	}
	if req.Query && shown && s.set.ProgramClipboardRead {
		answer := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(s.Buffer)) + req.QueryEnd
		// A program asking again and again while reading nothing gets no
		// more answers than its input queue holds.
		if w.Input.Len()+len(answer) <= pane.InputHigh {
			w.Send([]byte(answer))
		}
	}
}
