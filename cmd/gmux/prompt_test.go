package main

import (
	"fmt"
	"strings"
	"testing"
)

// waitPrompt waits until the terminal's last line is line (trailing blanks
// aside) with the cursor on it at column x, where the typing goes.
func waitPrompt(t *testing.T, tm *terminal, line string, x int) {
	t.Helper()
	state := func() (string, int, int) {
		tm.mu.Lock()
		defer tm.mu.Unlock()
		_, rows := tm.screen.Size()
		cx, cy := tm.screen.Cursor()
		return strings.TrimRight(tm.screen.LineText(rows-1), " "), cx, cy - (rows - 1)
	}
	waitFor(t, fmt.Sprintf("prompt %q, cursor at %d", line, x), func() bool {
		got, cx, dy := state()
		return got == line && cx == x && dy == 0
	})
}

// The C-a : line edits as screen's input line does: the cursor is where the
// typing goes, moves with C-a, C-b, the arrows; Tab completes a command's
// name (or shows the choices); Up brings the last line back; a paste is
// typed, never run by the line end in it.
func TestColonPromptEditsAndCompletes(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "prompt")
	tm.send("\x01:")
	waitPrompt(t, tm, ":", 1)
	tm.send("ses\t")
	waitPrompt(t, tm, ":session   sessioninfo sessionname", 8)
	tm.send("n\t")
	waitPrompt(t, tm, ":sessionname", 13)
	tm.send("\x15itle edited")
	waitPrompt(t, tm, ":itle edited", 12)
	tm.send("\x01t\x1b[C\x1b[C\x1b[D")
	waitPrompt(t, tm, ":title edited", 3)
	tm.send("\r")
	waitFor(t, "the title set", func() bool {
		out, _ := e.run("-S", "prompt", "-X", "title")
		return strings.TrimSpace(out) == "edited"
	})

	tm.send("\x01:\x1b[A")
	waitPrompt(t, tm, ":title edited", 13)
	tm.send("\x17\x1b[200~pasted\r\x1b[201~")
	waitPrompt(t, tm, ":title pasted", 13)
	tm.send("\x1b")
	waitFor(t, "the prompt gone", func() bool { return !strings.Contains(tm.text(), ":title") })
	if out, _ := e.run("-S", "prompt", "-X", "title"); strings.TrimSpace(out) != "edited" {
		t.Fatalf("an aborted line with a pasted line end ran: title %q", out)
	}
}
