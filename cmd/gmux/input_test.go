package main

import (
	"encoding/json"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gmux/gmux/proto"
)

// The input pipeline: one tokenizer per display, layers top-down.

// The command key works in copy mode: C-a d detaches from it.
func TestCommandKeyInCopyMode(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "ck")
	tm.send("seq 1 50\r")
	tm.waitText("50")
	tm.send("\x01[")
	tm.waitMatch(`\[\d+/\d+\]`)
	tm.send("\x01d")
	if code := tm.waitExit(); code != 0 || !strings.Contains(tm.rawOutput(), "[detached from ") {
		t.Fatalf("C-a d in copy mode: status %d, %q", code, tail(tm.rawOutput()))
	}
}

// copyLine returns the line number in copy mode's [line/lines] indicator.
func copyLine(t *testing.T, tm *terminal) int {
	t.Helper()
	m := tm.waitMatch(`\[(\d+)/\d+\]`)
	n, _ := strconv.Atoi(m[1])
	return n
}

// One wheel step scrolls three lines, not six, in copy mode too.
func TestWheelStepScrollsThreeLines(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "wh")
	tm.send("seq 1 100\r")
	tm.waitText("100")
	e.run("-S", "wh", "-X", "mousetrack", "on")
	waitFor(t, "mouse reporting on the terminal", func() bool { return strings.Contains(tm.rawOutput(), "\x1b[?1006h") })
	tm.send("\x01[")
	start := copyLine(t, tm)
	tm.send("q")
	waitFor(t, "copy mode to end", func() bool { return !regexp.MustCompile(`\[\d+/\d+\]`).MatchString(tm.text()) })
	// A frame may show copy mode before the scroll; wait for the line.
	for _, want := range []int{start - 3, start - 6} {
		tm.send("\x1b[<64;10;5M")
		tm.waitText("[" + strconv.Itoa(want) + "/")
	}
	// A double step would have passed start-6 by and stopped at start-9.
}

// Copy mode belongs to its window: selecting another ends it there.
func TestCopyModeTiedToWindow(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "tie")
	tm.send("echo in-zero\r")
	tm.waitText("in-zero")
	e.run("-S", "tie", "-X", "screen")
	waitFor(t, "window 1", func() bool { out, _ := e.run("-S", "tie", "-X", "windows"); return strings.Contains(out, "1") })
	tm.send("\x01 0")
	tm.send("\x010")
	tm.waitText("in-zero")
	tm.send("\x01[")
	tm.waitMatch(`\[\d+/\d+\]`)
	e.run("-S", "tie", "-X", "select", "1")
	waitFor(t, "window 1 shown", func() bool { return !strings.Contains(tm.text(), "in-zero") })
	if regexp.MustCompile(`\[\d+/\d+\]`).MatchString(tm.text()) {
		t.Fatalf("copy mode of window 0 still shown over window 1:\n%s", tm.text())
	}
	tm.send("echo typed-in-one\r")
	tm.waitText("typed-in-one")
}

// Copy mode's cursor is a column: after wide characters, a search lands on
// the column the match is drawn at.
func TestCopySearchAfterWideCharacters(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "wide")
	tm.send("clear; printf '日本語 foo\\n'\r")
	tm.waitMatch(`(?m)^日本語 foo`) // the output: the command line holds the text too
	tm.send("\x01[")
	tm.waitMatch(`\[\d+/\d+\]`)
	tm.send("gg/foo\r")
	waitFor(t, "the cursor on foo", func() bool {
		tm.mu.Lock()
		defer tm.mu.Unlock()
		x, y := tm.screen.Cursor()
		return y == 0 && x == 7
	})
}

// A key after the command key that arrives in two reads (ESC, then [A) is
// one key, not ESC (bound to copy) and garbage.
func TestSplitKeyAfterCommandKey(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "split")
	tm.send("\x01\x1b")
	time.Sleep(5 * time.Millisecond) // a separate read, well within the escape time
	tm.send("[A")
	tm.waitText("no command bound to that key")
	if regexp.MustCompile(`\[\d+/\d+\]`).MatchString(tm.text()) {
		t.Fatalf("the split arrow ran copy:\n%s", tm.text())
	}
	// A lone ESC after the command key is still C-a ESC (copy).
	tm.send("\x01\x1b")
	tm.waitMatch(`\[\d+/\d+\]`)
}

// A pasted C-a is text for the program, not the command key.
func TestPasteIsNotCommands(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "bp")
	tm.send("printf '\\033[?2004h'; cat -v\r")
	waitFor(t, "bracketed paste on the terminal", func() bool { return strings.Contains(tm.rawOutput(), "\x1b[?2004h") })
	tm.send("\x1b[200~a\x01db\x1b[201~\r")
	tm.waitText("^[[200~a^Adb^[[201~")
	tm.send("\x03")
}

// sessionInfo returns the session's -X sessioninfo.
func sessionInfo(t *testing.T, e *env, name string) map[string]any {
	t.Helper()
	out, code := e.run("-S", name, "-X", "sessioninfo")
	var info map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &info) != nil {
		t.Fatalf("sessioninfo: %d %q", code, out)
	}
	return info
}

// Clients that drop without a word leave nothing behind in the server.
func TestAbruptDropsLeakNothing(t *testing.T) {
	e := newEnv(t)
	e.startDetached("drops", "sleep", "1000")
	drop := func() {
		conn, err := net.Dial("unix", socketOf(t, e))
		if err != nil {
			t.Fatal(err)
		}
		proto.WriteFrame(conn, proto.TypeHello, proto.EncodeHello(proto.Hello{
			Mode: proto.ModeAttach, Term: "xterm-256color", Cols: 200, Rows: 50, Shared: true}))
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		proto.NewReader(conn).ReadFrame() // the welcome: it is attached
		conn.Close()
	}
	for range 5 {
		drop()
	}
	settled := func() float64 {
		var n float64
		waitFor(t, "the drops to be seen", func() bool { return sessionInfo(t, e, "drops")["attached"].(float64) == 0 })
		time.Sleep(100 * time.Millisecond) // goroutines end just after the drop is handled
		n = sessionInfo(t, e, "drops")["goroutines"].(float64)
		return n
	}
	before := settled()
	for range 100 {
		drop()
	}
	after := settled()
	t.Logf("goroutines: %v after 5 drops, %v after 105", before, after)
	if after > before+2 {
		t.Fatalf("goroutines grew from %v to %v over 100 abrupt drops", before, after)
	}
}

// With mousetrack on, dragging with the left button selects and copies, as
// tmux's mouse does; a click alone changes nothing.
func TestMouseDragCopies(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "drag")
	tm.send("clear; printf 'alpha beta\\ngamma delta\\n'\r")
	tm.waitMatch(`(?m)^gamma delta`)
	e.run("-S", "drag", "-X", "mousetrack", "on")
	waitFor(t, "button-motion reports on the terminal", func() bool { return strings.Contains(tm.rawOutput(), "\x1b[?1002h") })
	// From "beta" (column 7, row 1, counted from 1) down to "gam".
	tm.send("\x1b[<0;7;1M\x1b[<32;5;2M")
	tm.waitMatch(`\[\d+/\d+\]`) // in copy mode
	tm.send("\x1b[<32;3;2M\x1b[<0;3;2m")
	tm.waitText("Copied 8 characters into buffer")
	if b := e.pasteBuffer("drag"); b != "beta\ngam" {
		t.Fatalf("dragged selection copied %q", b)
	}
	if regexp.MustCompile(`\[\d+/\d+\]`).MatchString(tm.text()) {
		t.Fatalf("copy mode still shown after the copy:\n%s", tm.text())
	}
	// A click alone: no copy mode, the buffer as it was.
	tm.send("\x1b[<0;2;1M\x1b[<0;2;1m")
	tm.send("echo after-$((40+2))\r")
	tm.waitText("after-42")
	if b := e.pasteBuffer("drag"); b != "beta\ngam" {
		t.Fatalf("a click changed the buffer to %q", b)
	}
	// A double click copies a word, a triple click its line.
	copied := func(what, want string) {
		t.Helper()
		waitFor(t, what, func() bool { return e.pasteBuffer("drag") == want })
	}
	// The middle button pastes the buffer.
	tm.send("\x1b[<1;1;5M\x1b[<1;1;5m")
	tm.send("\r")
	tm.waitMatch(`(?m)^gam: command not found|^bash: .*gam`)
	click := "\x1b[<0;9;2M\x1b[<0;9;2m"
	tm.send(click + click)
	copied("a double click's word", "delta")
	tm.send(click + click + click)
	copied("a triple click's line", "gamma delta")

	// Split, in the lower region: the region's own cells are selected.
	for _, cmd := range [][]string{{"split"}, {"focus"}, {"screen"}} {
		e.run(append([]string{"-S", "drag", "-X"}, cmd...)...)
	}
	tm.waitText("0 bash")
	tm.send("clear; printf 'lower one\\nlower two\\n'\r")
	tm.waitMatch(`(?m)^lower two`) // the output, not the command line
	row := -1
	for y, line := range strings.Split(tm.text(), "\n") {
		if strings.HasPrefix(line, "lower one") {
			row = y + 1 // counted from 1, as the reports count
		}
	}
	tm.send(fmt.Sprintf("\x1b[<0;7;%dM\x1b[<32;5;%dM\x1b[<0;5;%dm", row, row+1, row+1))
	waitFor(t, "the region's selection copied", func() bool { return e.pasteBuffer("drag") == "one\nlower" })
}

// With mousetrack on, a click on a window's name in the status line
// selects it, as in tmux; elsewhere on the line it does nothing.
func TestStatusLineClickSelects(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "sc")
	for _, cmd := range [][]string{{"hardstatus", "alwayslastline", "%=%w"}, {"mousetrack", "on"}, {"screen", "-t", "second"}} {
		e.run(append([]string{"-S", "sc", "-X"}, cmd...)...)
	}
	tm.send("\x010") // window 0 (which also clears the new window's message)
	m := tm.waitMatch(`(?m)^( +)0\* bash  1 second\s*$`)
	col := len(m[1]) + 1 + len("0* bash  ") // where "1 second" starts, counted from 1
	selected := func() string { out, _ := e.run("-S", "sc", "-Q", "select"); return strings.TrimSpace(out) }
	tm.send("\x1b[<0;1;24M\x1b[<0;1;24m") // the fill before the list
	tm.send(fmt.Sprintf("\x1b[<0;%d;24M\x1b[<0;%d;24m", col+3, col+3))
	waitFor(t, "window 1 selected by its name", func() bool { return selected() == "1" })
	tm.waitMatch(`(?m)^ +0 bash  1\* second\s*$`)
}
