package render

import (
	"strings"
	"testing"

	"github.com/gmux/gmux/server/vt"
)

// tcell's extended keyboard protocols never reach the client's terminal.
func TestKeyboardProtocolsDropped(t *testing.T) {
	r, err := New("xterm-256color", "", "C.UTF-8", 80, 24)
	if err != nil {
		t.Fatal(err)
	}
	out := string(r.Draw(Frame{Screen: vt.New(80, 24, 0)})) + string(r.Fini())
	for _, seq := range droppedSequences {
		if strings.Contains(out, string(seq)) {
			t.Errorf("%q reached the terminal", seq)
		}
	}
	if !strings.Contains(out, "\x1b[?1049h") {
		t.Errorf("the rest of tcell's set-up is missing: %q", out)
	}
}
