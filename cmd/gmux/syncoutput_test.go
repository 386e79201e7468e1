package main

import (
	"fmt"
	"strconv"
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
	// letters; read -t is a builtin pause, far shorter than the hold's
	// bound. A busy machine may still stall the shell past the bound
	// between its two writes (the hold then rightly ends), so the frame is
	// tried three times: without the hold, every try shows the half frame.
	shown := 0
	for try := range 3 {
		before := len(tm.rawOutput())
		tm.send(`printf '\e[?2026h\170\170\170\170'; read -t 0.01 _; printf '\r\171\171\171\171\e[?2026l'; echo " try-$((` + strconv.Itoa(try) + `+1))"` + "\r")
		tm.waitText(fmt.Sprintf("yyyy try-%d", try+1))
		if strings.Contains(tm.rawOutput()[before:], "xxxx") {
			shown++
		}
	}
	if shown == 3 {
		t.Fatalf("the half-drawn frame was shown each time: %q", tail(tm.rawOutput()))
	}
	tm.send(`printf '\e[?2026h\172\172\172\172'; sleep 2; printf '\e[?2026l'` + "\r")
	tm.waitText("zzzz") // drawn though the bracket is still open
}
