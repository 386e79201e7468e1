package main

import (
	"fmt"
	"github.com/gmux/gmux/server/vt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// holdsTerminal reports whether process pid has the terminal named tty open.
func holdsTerminal(pid int, tty string) bool {
	fds, _ := filepath.Glob(fmt.Sprintf("/proc/%d/fd/*", pid))
	for _, fd := range fds {
		if target, err := os.Readlink(fd); err == nil && target == tty {
			return true
		}
	}
	return false
}

// clientTerminal is the name of the terminal the test's client runs in.
func clientTerminal(t *testing.T, tm *terminal) string {
	t.Helper()
	tty, err := os.Readlink(fmt.Sprintf("/proc/%d/fd/0", tm.cmd.Process.Pid))
	if err != nil || !strings.HasPrefix(tty, "/dev/pts/") {
		t.Fatalf("client's terminal: %q, %v", tty, err)
	}
	return tty
}

// The attached client passes its terminal: the server reads the keys and
// writes the frames itself, and lets go of the terminal on detach, so the
// shell the user returns to gets every key again.
func TestServerDrivesClientTerminal(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "direct")
	tty, pid := clientTerminal(t, tm), serverPID(t, e)
	if !holdsTerminal(pid, tty) {
		t.Fatalf("server %d does not hold the client's terminal %s", pid, tty)
	}
	tm.send("echo typed-$((3*5))\r")
	tm.waitText("typed-15")
	tm.send("\x01d")
	if code := tm.waitExit(); code != 0 {
		t.Fatalf("detach exit status %d", code)
	}
	waitFor(t, "the server to let go of "+tty, func() bool { return !holdsTerminal(pid, tty) })
	// Keys typed once the client has gone belong to the shell it returned
	// to, never to the window.
	tm.pty.Write([]byte("echo stolen-$((2*3))\r"))
	tm2 := e.attach(80, 24, "-r", "direct")
	tm2.waitText("typed-15")
	tm2.send("echo after-$((5*5))\r")
	tm2.waitText("after-25")
	if strings.Contains(tm2.text(), "stolen-6") {
		t.Fatalf("keys typed after the detach reached the window:\n%s", tm2.text())
	}
	tm2.send("exit\r")
	tm2.waitExit()
}

// GMUX_RELAY=1 keeps the terminal in the client, which relays the bytes in
// input and output frames: the path a client takes when it cannot pass its
// terminal (or the server cannot open it).
func TestRelayedTerminal(t *testing.T) {
	e := newEnv(t)
	e.env = append(e.env, "GMUX_RELAY=1")
	tm := startSession(t, e, "relay")
	tty, pid := clientTerminal(t, tm), serverPID(t, e)
	if holdsTerminal(pid, tty) {
		t.Fatalf("server holds the client's terminal despite GMUX_RELAY=1")
	}
	tm.send("echo relayed-$((4*4))\r")
	tm.waitText("relayed-16")
	tm.resize(100, 30)
	// The resize travels as a signal to the client, the keys as input: the
	// first stty may run before the window has its new size.
	waitFor(t, "the window to take the new size", func() bool {
		tm.send("stty size\r")
		return strings.Contains(tm.text(), "30 100") || waitBriefly(tm, "30 100")
	})
	tm.send("\x01d")
	if code := tm.waitExit(); code != 0 {
		t.Fatalf("detach exit status %d", code)
	}
	tm2 := e.attach(80, 24, "-r", "relay")
	tm2.waitText("relayed-16")
	tm2.send("exit\r")
	if code := tm2.waitExit(); code != 0 {
		t.Fatalf("exit status %d", code)
	}
}

// A program that asks its terminal's background colour (OSC 11, as vim and
// bat do to pick a theme) hears the outer terminal's, which the server asked
// it at attach; the answer never reaches the program as typed input.
func TestColorQueryAnsweredWithTheDisplays(t *testing.T) {
	e := newEnv(t)
	tm := e.attach(80, 24, "-S", "colors", "bash", "--norc", "--noprofile")
	tm.mu.Lock()
	tm.screen.SetDefaultColors("rgb:1111/2222/3333", "rgb:fdf6/e3e3/c0c0") // a light theme
	tm.mu.Unlock()
	tm.waitText("$ ")
	// Detach and reattach, so the query meets the colours set above.
	tm.send("\x01d")
	tm.waitExit()
	tm = e.startIn(80, 24, gmuxBin, "-r", "colors")
	tm.mu.Lock()
	tm.screen.SetDefaultColors("rgb:1111/2222/3333", "rgb:fdf6/e3e3/c0c0")
	tm.mu.Unlock()
	tm.send("\r")
	tm.waitText("$ ")
	tm.send(`printf '\e]11;?\e\\'; IFS= read -rs -d '\' reply; echo "answer:${reply#*;}" | tr -d '\033'` + "\r")
	tm.waitText("answer:rgb:fdf6/e3e3/c0c0")
}

// Direct colour reaches a terminal that takes it even when COLORTERM did
// not come along (ssh does not forward it): gmux asks the terminal at
// attach. `truecolor off` sends the nearest palette colour instead.
func TestTruecolorDetectedAndSwitchable(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "rgb")
	tm.send("printf '\\033[38;2;1;2;3mdirect\\033[m\\n'\r")
	tm.waitMatch(`(?m)^direct`) // the output: the command line holds the word too
	if !strings.Contains(tm.rawOutput(), "\x1b[38;2;1;2;3mdirect") {
		t.Fatalf("direct colour not sent to a terminal that answered it takes it: %q", tail(tm.rawOutput()))
	}
	if out, code := e.run("-S", "rgb", "-X", "truecolor", "off"); code != 0 {
		t.Fatalf("truecolor off: %d %s", code, out)
	}
	before := len(tm.rawOutput())
	tm.send("printf '\\033[38;2;1;2;3mnearest\\033[m\\n'\r")
	tm.waitText("nearest")
	waitFor(t, "the nearest colour drawn", func() bool {
		out := tm.rawOutput()[before:]
		return strings.Contains(out, "nearest\x1b") && !strings.Contains(out, "\x1b[38;2;")
	})
	if out, code := e.run("-S", "rgb", "-X", "truecolor", "sideways"); code == 0 || !strings.Contains(out, "on, off or auto") {
		t.Fatalf("bad value accepted: %d %s", code, out)
	}
}

// Resizing rewraps what is on the screen, and the shell's own redraw of
// its prompt line (readline on SIGWINCH) leaves one prompt, not copies of
// it: the cursor's line keeps its rows for the shell to redraw (tmux#516).
func TestResizeRewrapsAndPromptStaysOne(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "reflow")
	tm.send("printf 'A%.0s' $(seq 120); echo\r")
	tm.waitText(strings.Repeat("A", 80) + "\n" + strings.Repeat("A", 40) + "\n")
	const typed = "echo typed-but-not-run-and-long-enough-to-wrap-at-forty"
	tm.send(typed)
	tm.waitText("wrap-at-forty")
	tm.resize(40, 24)
	waitFor(t, "three rows of 40 A's", func() bool {
		return strings.Contains(tm.text(), strings.Repeat(strings.Repeat("A", 40)+"\n", 3))
	})
	// Let the shell finish its redraw for 40 columns before the next
	// resize: readline handles the pending SIGWINCH before it reads the
	// next key, so the key's echo comes after that redraw. A redraw still
	// meant for 40 columns that lands after the resize to 130 is drawn at
	// 130, in any terminal, and readline then clears a row it no longer
	// owns (the A's) — a race of the test's quick resizes, not of gmux.
	tm.send("X")
	tm.waitText("fortyX")
	tm.resize(130, 24)
	waitFor(t, "the 120 A's on one row again", func() bool {
		return strings.Contains(tm.text(), "\n"+strings.Repeat("A", 120)+"\n")
	})
	waitFor(t, "the prompt line redrawn once", func() bool {
		return strings.Count(tm.text(), "$ "+typed) == 1
	})
	if n := strings.Count(tm.text(), "typed-but"); n != 1 {
		t.Fatalf("the prompt line shows %d times after the resizes:\n%s", n, tm.text())
	}
}

// attrOf is the attributes the terminal shows text with, where it first
// shows it.
func attrOf(tm *terminal, text string) (vt.Attr, bool) {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	_, rows := tm.screen.Size()
	for y := range rows {
		if x := strings.Index(tm.screen.LineText(y), text); x >= 0 {
			return tm.screen.Row(y)[x].S.Attr, true
		}
	}
	return 0, false
}

// Standout under gmux's default TERM (screen's terminfo: smso is SGR 3, as
// less and man use it for search matches and their prompt) shows as reverse
// video, as in screen; under a TERM with italics, SGR 3 is italics.
func TestStandoutAsScreenDrawsIt(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "so")
	tm.send("tput smso; printf 'STAND%s' OUT; tput rmso; echo\r")
	tm.waitText("STANDOUT")
	if a, _ := attrOf(tm, "STANDOUT"); a&vt.Reverse == 0 || a&vt.Italic != 0 {
		t.Fatalf("standout shown with attributes %b, want reverse", a)
	}
	if out, code := e.run("-S", "so", "-X", "term", "xterm-256color"); code != 0 {
		t.Fatalf("term: %d %s", code, out)
	}
	e.run("-S", "so", "-X", "screen")
	tm.waitText("$ ")
	tm.send("tput sitm; printf 'ITAL%s' IC; tput ritm; echo\r")
	tm.waitText("ITALIC")
	if a, _ := attrOf(tm, "ITALIC"); a&vt.Italic == 0 || a&vt.Reverse != 0 {
		t.Fatalf("italics under xterm-256color shown with %b", a)
	}
}
