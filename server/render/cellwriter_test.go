package render

import (
	"strings"
	"testing"

	"github.com/gmux/gmux/server/vt"
)

// drawOnce renders a window holding in and returns the bytes sent.
func drawOnce(t *testing.T, colorterm, in string) string {
	t.Helper()
	r, err := New("xterm-256color", colorterm, "C.UTF-8", 20, 4)
	if err != nil {
		t.Fatal(err)
	}
	sc := vt.New(20, 4, 0)
	sc.Write([]byte(in))
	return string(r.Draw(Frame{Screen: sc}))
}

func TestCellWriterLeavesTheTerminalAsTheWindow(t *testing.T) {
	out := drawOnce(t, "", "ab\r\n\x1b[38;5;1mred\x1b[31mred\x1b[m \x1b[8msecret\x1b[m")
	if strings.Contains(out, "ab ") || !strings.Contains(out, "ab\x1b[K") {
		t.Errorf("trailing blanks not cleared with EL: %q", out)
	}
	if !strings.Contains(out, "\x1b[38;5;1mred") || !strings.Contains(out, "\x1b[31mred") {
		t.Errorf("colour forms not kept: %q", out)
	}
	if !strings.Contains(out, "\x1b[8msecret") {
		t.Errorf("conceal not passed through: %q", out)
	}
}

func TestCellWriterColours(t *testing.T) {
	const in = "\x1b]4;1;#ff8000\x07\x1b[31mA\x1b[38;2;1;2;3mB"
	if out := drawOnce(t, "truecolor", in); !strings.Contains(out, "\x1b[38;2;255;128;0mA") || !strings.Contains(out, "\x1b[38;2;1;2;3mB") {
		t.Errorf("truecolor terminal: palette change or direct colour lost: %q", out)
	}
	// Without direct colour the nearest of the terminal's 256 is sent.
	if out := drawOnce(t, "", in); strings.Contains(out, "38;2;") || !strings.Contains(out, "\x1b[38;5;208mA") {
		t.Errorf("256-colour terminal: %q", out)
	}
}

// A keystroke's echo at the cursor is the character alone, as tmux sends it.
func TestEchoIsTheCharacterAlone(t *testing.T) {
	r, err := New("xterm-256color", "", "C.UTF-8", 40, 5)
	if err != nil {
		t.Fatal(err)
	}
	sc := vt.New(40, 5, 0)
	sc.Write([]byte("$ "))
	r.Draw(Frame{Screen: sc})
	r.Draw(Frame{Screen: sc})
	sc.Write([]byte("l"))
	if out := string(r.Draw(Frame{Screen: sc})); out != "l" {
		t.Fatalf("echo of one key sent %q", out)
	}
	sc.Write([]byte("s"))
	if out := string(r.Draw(Frame{Screen: sc})); out != "s" {
		t.Fatalf("echo of the next key sent %q", out)
	}
	sc.Write([]byte("\b \b"))
	if out := string(r.Draw(Frame{Screen: sc})); len(out) > 24 {
		t.Fatalf("a backspace's echo took %d bytes: %q", len(out), out)
	}
}
