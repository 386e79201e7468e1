package main

import (
	"strings"
	"testing"
)

// A frame a program brackets with synchronized output (mode 2026) reaches
// the terminal whole: what it drew and overwrote inside the bracket is never
// shown. A bracket left open holds the display only briefly.
func TestSynchronizedOutputShowsWholeFrames(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "sync")
	// Octal escapes, so that the command line's echo does not carry the
	// letters; read -t is a builtin pause, shorter than the hold's bound.
	tm.send(`printf '\e[?2026h\170\170\170\170'; read -t 0.03 _; printf '\r\171\171\171\171\e[?2026l'; echo` + "\r")
	tm.waitText("yyyy")
	if strings.Contains(tm.rawOutput(), "xxxx") {
		t.Fatalf("the half-drawn frame was shown: %q", tail(tm.rawOutput()))
	}
	tm.send(`printf '\e[?2026h\172\172\172\172'; sleep 2; printf '\e[?2026l'` + "\r")
	tm.waitText("zzzz") // drawn though the bracket is still open
}
