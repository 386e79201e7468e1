package main

import (
	"strings"
	"testing"
)

// Two displays of different sizes on one window, under each windowsize
// policy: the window takes the size the policy says; a display smaller than
// the window scrolls to keep the cursor in view; a larger one shows dots
// where the window is not; C-a F fits the window to this display.
func TestWindowSizePolicies(t *testing.T) {
	e := newEnv(t)
	small := startSession(t, e, "ws")
	big := e.attach(100, 30, "-x", "ws")
	big.waitText("$ ")
	size := func(cols, rows int, why string) {
		t.Helper()
		waitFor(t, why, func() bool { c, r := windowSize(t, e, "ws"); return c == cols && r == rows })
	}

	// smallest, the default: nothing is cut off anywhere.
	size(80, 24, "the window to fit the smaller display")
	waitFor(t, "dots beyond the window on the larger display", func() bool {
		lines := strings.Split(big.text(), "\n")
		return len(lines) >= 30 && strings.HasSuffix(lines[0], strings.Repeat(".", 20)) && strings.Trim(lines[29], ".") == ""
	})

	// largest: the smaller display scrolls with the cursor.
	e.run("-S", "ws", "-X", "windowsize", "largest")
	size(100, 30, "the window to fill the larger display")
	big.send("clear; for i in $(seq 1 29); do echo line$i; done\r")
	big.waitText("line29")
	waitFor(t, "the smaller display to follow the cursor", func() bool {
		text := small.text()
		return strings.Contains(text, "line29") && !strings.Contains(text, "line3\n")
	})
	small.send("echo typed-on-the-small-one\r")
	small.waitText("typed-on-the-small-one")

	// latest: the display that typed last.
	e.run("-S", "ws", "-X", "windowsize", "latest")
	small.send("\r")
	size(80, 24, "the window to follow the display that typed")
	big.send("\r")
	size(100, 30, "the window to follow the other display")

	// manual: it stays, until C-a F.
	e.run("-S", "ws", "-X", "windowsize", "manual")
	small.send("\x01F")
	size(80, 24, "C-a F to fit the window to the smaller display")
	big.send("echo still\r")
	big.waitText("still")
	if c, r := windowSize(t, e, "ws"); c != 80 || r != 24 {
		t.Fatalf("with windowsize manual the window moved to %dx%d", c, r)
	}
	if out, _ := e.run("-S", "ws", "-Q", "windowsize"); !strings.Contains(out, "manual") {
		t.Fatalf("windowsize asked: %q", out)
	}
	if out, code := e.run("-S", "ws", "-X", "windowsize", "huge"); code == 0 || !strings.Contains(out, "smallest, largest, latest or manual") {
		t.Fatalf("a bad policy: (%d) %q", code, out)
	}
}
