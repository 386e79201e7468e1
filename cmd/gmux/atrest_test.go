package main

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// After a burst of output the server packs the screens of windows nobody
// shows (server/memory.go); a packed window comes back exactly as it was,
// colours and wide characters too, and goes on taking output.
func TestPackedWindowComesBackTheSame(t *testing.T) {
	e := newSerialEnv(t)
	tm := startSession(t, e, "rest")
	logPath := serverLog(t, e)
	tm.send(`clear; printf '\033[1;31mred\033[0m \033[42mgreen\033[0m 中文 e\xcc\x81 \033[4munder\033[0m\n'; echo marker-$((6*7))` + "\r")
	tm.waitText("marker-42")
	before := tm.text()
	styled := cellsOf(tm)
	if !strings.HasPrefix(styled, "r:{Fg:") || strings.HasPrefix(styled, "r:{Fg:0 Bg:0 Attr:0}") {
		t.Fatalf("the first line shows no styles to compare: %s", styled)
	}

	tm.send("\x01c")
	tm.waitText("$ ")
	// More than the 4 MB of output after which the server packs at rest.
	tm.send("seq 1 800000; echo flood-$((5*5))\r")
	tm.waitText("flood-25")
	waitFor(t, "window 0 packed at rest", func() bool {
		b, _ := os.ReadFile(logPath)
		return strings.Contains(string(b), "1 hidden screens")
	})

	tm.send("\x010")
	tm.waitText("marker-42")
	waitFor(t, "window 0 redrawn", func() bool { return tm.text() == before })
	if got := cellsOf(tm); got != styled {
		t.Fatalf("the cells came back as\n%s\nwant\n%s", got, styled)
	}
	tm.send("echo after-$((2*3))\r")
	tm.waitText("after-6")
}

// cellsOf is the outer terminal's first line, cell by cell with styles.
func cellsOf(tm *terminal) string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	var b strings.Builder
	for _, c := range tm.screen.Row(0)[:24] {
		b.WriteString(tm.screen.Text(c))
		b.WriteString(":")
		fmt.Fprintf(&b, "%+v ", c.S)
	}
	return b.String()
}
