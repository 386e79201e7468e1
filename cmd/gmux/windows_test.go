package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The window list as screen's: a number then Enter picks (the Enter is
// not the shell's), / searches, . and , reorder, K kills; it stays live.
func TestWindowListKeys(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "wl")
	for _, title := range []string{"editor", "logs"} {
		e.run("-S", "wl", "-X", "screen", "-t", title)
	}
	windows := func() string {
		out, _ := e.run("-S", "wl", "-X", "windows")
		return strings.TrimSpace(out)
	}
	waitFor(t, "three windows", func() bool { return strings.Contains(windows(), "2* logs") })
	tm.send("\x01\"")
	tm.waitText("Num Name")
	tm.send("0\r")
	waitFor(t, "window 0 picked", func() bool { return strings.HasPrefix(windows(), "0* ") })
	// The Enter picked the window and went no further: one prompt, no
	// empty command line under it.
	if n := strings.Count(tm.settled(200*time.Millisecond), "$ "); n != 1 {
		t.Fatalf("%d prompts in window 0 after the list's Enter:\n%s", n, tm.text())
	}
	tm.send("\x01\"/edi\r\r")
	waitFor(t, "the window found by / picked", func() bool { return strings.Contains(windows(), "1* editor") })
	tm.send("\x01\".")
	waitFor(t, "editor moved down", func() bool { return windows() == "0- bash  1 logs  2* editor" })
	tm.send("0K")
	tm.waitText("Really kill")
	tm.send("y")
	waitFor(t, "the list, live, without window 0", func() bool {
		text := tm.text()
		return strings.Contains(text, "Num Name") && strings.Contains(text, "logs") && !strings.Contains(text, "bash")
	})
	tm.send("\x1b")
	waitFor(t, "window 0 gone", func() bool { w := windows(); return !strings.Contains(w, "bash") && strings.Contains(w, "2* editor") })
}

func TestWindowsByKeys(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "win")
	tm.send("echo in-window-zero\r")
	tm.waitText("in-window-zero")
	tm.send("\x01c") // new window 1
	waitFor(t, "window 1", func() bool { return !strings.Contains(tm.text(), "in-window-zero") })
	tm.waitText("$ ")
	tm.send("echo in-window-one\r")
	tm.waitText("in-window-one")
	tm.send("\x01N")
	tm.waitText("This is window 1 (tsh)")
	tm.send("\x01" + "0")
	tm.waitText("in-window-zero")
	tm.send("\x01\x01") // C-a C-a: the other window
	tm.waitText("in-window-one")
	tm.send("\x01n")
	tm.waitText("in-window-zero")
	tm.send("\x01p")
	tm.waitText("in-window-one")
	// Rename with C-a A: the prompt holds the old title; C-u clears it.
	tm.send("\x01A\x15editor\r")
	tm.send("\x01w")
	tm.waitText("0- bash  1* editor") // screen's flags: - the previous window
	// The window list: up to window 0, Enter.
	tm.send("\x01\"")
	tm.waitText("Num Name")
	tm.send("k\r")
	tm.waitText("in-window-zero")
	// Kill window 0 (asks y/n): we land on window 1.
	tm.send("\x01k")
	tm.waitText("Really kill this window")
	tm.send("y")
	tm.waitText("in-window-one")
	out, _ := e.run("-S", "win", "-X", "windows")
	if strings.TrimSpace(out) != "1* editor" {
		t.Fatalf("windows after kill: %q", out)
	}
}

func TestWindowsByCommands(t *testing.T) {
	e := newEnv(t)
	e.startDetached("x", "bash", "--norc", "--noprofile")
	x := func(args ...string) string {
		t.Helper()
		out, code := e.run(append([]string{"-S", "x", "-X"}, args...)...)
		if code != 0 {
			t.Fatalf("-X %v: status %d %q", args, code, out)
		}
		return strings.TrimSpace(out)
	}
	x("screen", "-t", "logs", "tail", "-f", "/dev/null")
	x("screen", "-t", "top", "5", "sleep", "1000")
	if got := x("windows"); got != "0 bash  1 logs  5* top" {
		t.Fatalf("windows: %q", got)
	}
	x("select", "logs")
	x("title", "renamed")
	if got := x("windows"); got != "0 bash  1* renamed  5 top" {
		t.Fatalf("after select+title: %q", got)
	}
	// -p picks the window a command acts on.
	if out, _ := e.run("-S", "x", "-p", "5", "-X", "number"); !strings.Contains(out, "5 (top)") {
		t.Fatalf("-p 5 number: %q", out)
	}
	x("-p", "5", "kill")
	waitFor(t, "window 5 to close", func() bool { return !strings.Contains(x("windows"), "top") })
	out, code := e.run("-S", "x", "-X", "select", "9")
	if code != 1 || !strings.Contains(out, "window 9 does not exist") {
		t.Fatalf("select 9: %d %q", code, out)
	}
	if out, code := e.run("-S", "x", "-X", "bind"); code != 1 || !strings.Contains(out, "usage: bind") {
		t.Fatalf("bind without args: %d %q", code, out)
	}
}

func TestConfigFile(t *testing.T) {
	e := newEnv(t)
	rc := filepath.Join(e.home, "gmuxrc")
	os.WriteFile(rc, []byte(`# a comment
escape ^Bb
bind E echo "hello from config"
this-is-not-a-command
hardstatus alwayslastline "[%S] %w"
setenv FROM_RC yes
`), 0o600)
	tm := e.attach(80, 24, "-c", rc, "-S", "rc", "bash", "--norc", "--noprofile")
	tm.waitText("gmuxrc:4: unknown command")
	tm.waitText("[rc] 0* bash")
	tm.send("echo $FROM_RC-rc\r")
	tm.waitText("yes-rc")
	tm.send("\x02E")
	tm.waitText("hello from config")
	// C-a is an ordinary key now, and C-b b sends C-b itself.
	tm.send("\x02c")
	tm.waitText("[rc] 0 bash  1* tsh") // %w marks only the current window, as screen
	tm.send("\x02?")
	tm.waitText("Command key: ^B")
	tm.send("q")
	help, _ := e.run("-S", "rc", "-X", "help")
	for _, want := range []string{"^B     other", "b      meta", "E      echo hello from config", "d      detach", "c      screen"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, "^A     other") {
		t.Errorf("the old escape is still bound:\n%s", help)
	}
}

func TestHelpListsEveryBinding(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "help")
	tm.send("\x01?")
	tm.waitText("Command key: ^A")
	screen := tm.text()
	for _, want := range []string{"d      detach", "c      screen", "\"      windowlist", "a      meta", "^A     other", ":      colon", "k      kill"} {
		if !strings.Contains(screen, want) {
			t.Errorf("help screen lacks %q:\n%s", want, screen)
		}
	}
	tm.send("q")
	tm.waitText("$ ")
}

// Every default binding is listed by help (which reads the live table).
func TestHelpFromShellListsAll(t *testing.T) {
	e := newEnv(t)
	e.startDetached("h", "sleep", "1000")
	help, code := e.run("-S", "h", "-X", "help")
	if code != 0 {
		t.Fatalf("help: %d", code)
	}
	for _, line := range strings.Split(strings.TrimSpace(help), "\n")[1:] {
		if len(strings.Fields(line)) < 2 {
			t.Errorf("odd help line %q", line)
		}
	}
	for _, want := range []string{"c      screen", "^C     screen", "space  next", "^?     prev", "0      select 0", "9      select 9",
		"'      select", "\"      windowlist", "A      title", "k      kill", "w      windows", "N      number", "?      help",
		":      colon", "[      copy", "]      paste", "H      log", "h      hardcopy", "^A     other", "a      meta", "d      detach"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

func TestOSCTitles(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "titles")
	tm.send("printf '\\033]2;from-program\\007'\r")
	waitFor(t, "the program's title", func() bool {
		out, _ := e.run("-S", "titles", "-X", "windows")
		return strings.Contains(out, "0* from-program")
	})
	e.run("-S", "titles", "-X", "dynamictitle", "off")
	e.run("-S", "titles", "-X", "screen", "-t", "fixed")
	tm.send("printf '\\033]2;ignored\\007'\r")
	tm.send("echo sent-$((4+4))\r")
	tm.waitText("sent-8")
	if out, _ := e.run("-S", "titles", "-X", "windows"); !strings.Contains(out, "1* fixed") {
		t.Fatalf("windows: %q", out)
	}
}

func TestColonPrompt(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "colon")
	tm.send("\x01:title viaprompt\r")
	tm.send("\x01:windows\r")
	tm.waitText("0* viaprompt")
	tm.send("\x01:nonsense\r")
	tm.waitText(`unknown command "nonsense"`)
}

func TestZombie(t *testing.T) {
	e := newEnv(t)
	rc := filepath.Join(e.home, "gmuxrc")
	os.WriteFile(rc, []byte("zombie kr\n"), 0o600)
	tm := e.attach(80, 24, "-c", rc, "-S", "z", "sh", "-c", "echo x >> runs; echo run-$(wc -l < runs); exit 7")
	tm.waitText("run-1")
	tm.waitText("exited 7: k kills it, r restarts it")
	tm.send("r")
	tm.waitText("run-2")
	tm.waitText("exited 7: k kills it, r restarts it")
	tm.send("k")
	if code := tm.waitExit(); code != 7 {
		t.Fatalf("status %d", code)
	}
}

// Programs get the signals a terminal sends: C-c interrupts, and the server's
// own deafness to SIGINT and SIGHUP is not inherited.
func TestInterruptReachesProgram(t *testing.T) {
	e := newSerialEnv(t)
	tm := startSession(t, e, "intr")
	tm.send("sleep 1357\r")
	waitFor(t, "sleep to run", func() bool { return len(processesRunning("sleep 1357")) > 0 })
	tm.send("\x03")
	waitFor(t, "sleep to be interrupted", func() bool { return len(processesRunning("sleep 1357")) == 0 })
	tm.send("echo status-$?\r")
	tm.waitText("status-130")
	tm.send("grep SigIgn /proc/self/status\r")
	m := tm.waitMatch(`SigIgn:\s+([0-9a-f]+)\s`)
	// Bits are signal numbers less one: SIGHUP 0x1, SIGINT 0x2, SIGQUIT 0x4,
	// SIGPIPE 0x1000, SIGTERM 0x4000, SIGTSTP 0x80000.
	mask, _ := strconv.ParseUint(m[1], 16, 64)
	if bad := mask & (1<<0 | 1<<1 | 1<<2 | 1<<12 | 1<<14 | 1<<19); bad != 0 {
		t.Fatalf("programs start with signals ignored: SigIgn %s", m[1])
	}
}

// -X arguments are parsed as screen parses them (each as if in double
// quotes): \n, octal, ^X, $VAR; the result is checked beside GNU screen.
func TestStuffEscapesLikeScreen(t *testing.T) {
	e := newEnv(t)
	e.startDetached("st", "bash", "--norc", "--noprofile")
	out := filepath.Join(e.home, "stuffed")
	arg := `echo A\101-$HOME-\$HOME > ` + out + `^M`
	if o, code := e.run("-S", "st", "-X", "stuff", arg); code != 0 {
		t.Fatalf("-X stuff: %d %q", code, o)
	}
	want := "AA-" + e.home + "-" + e.home + "\n"
	waitFor(t, "the stuffed line to run", func() bool { b, _ := os.ReadFile(out); return len(b) > 0 })
	if b, _ := os.ReadFile(out); string(b) != want {
		t.Fatalf("got %q, want %q", b, want)
	}
	screenBin, err := exec.LookPath("screen")
	if err != nil {
		t.Skip("GNU screen is not installed: no comparison")
	}
	// The same argument to GNU screen gives the same line.
	sdir := filepath.Join(e.home, "screendir")
	os.Mkdir(sdir, 0o700)
	scr := func(args ...string) error {
		cmd := exec.Command(screenBin, args...)
		cmd.Env = append(e.env, "SCREENDIR="+sdir)
		cmd.Dir = e.home
		return cmd.Run()
	}
	if err := scr("-dmS", "ref", "bash", "--norc", "--noprofile"); err != nil {
		t.Fatalf("screen -dmS: %v", err)
	}
	defer scr("-S", "ref", "-X", "quit")
	sout := filepath.Join(e.home, "screen-stuffed")
	waitFor(t, "GNU screen's session", func() bool { return scr("-S", "ref", "-Q", "number") == nil })
	if err := scr("-S", "ref", "-X", "stuff", strings.Replace(arg, out, sout, 1)); err != nil {
		t.Fatalf("screen -X stuff: %v", err)
	}
	waitFor(t, "screen's stuffed line to run", func() bool { b, _ := os.ReadFile(sout); return len(b) > 0 })
	if b, _ := os.ReadFile(sout); string(b) != want {
		t.Fatalf("GNU screen made %q of it, gmux %q", b, want)
	}
}

// screen N takes the next free number from N when N is taken, as screen does.
func TestScreenNumberTakesNextFree(t *testing.T) {
	e := newEnv(t)
	e.startDetached("num", "sleep", "1000")
	for _, want := range []string{"window 1", "window 2", "window 3"} {
		if out, code := e.run("-S", "num", "-X", "screen", "1", "sleep", "1000"); code != 0 || !strings.Contains(out, want) {
			t.Fatalf("screen 1: %d %q, want %q", code, out, want)
		}
	}
	if out, code := e.run("-S", "num", "-X", "screen", "100"); code == 0 || !strings.Contains(out, "out of range") {
		t.Fatalf("screen 100: %d %q", code, out)
	}
}

// Dead windows (zombie kr) can be shown, selected, listed with Z, and
// killed; a reattach onto one shows it.
func TestZombieWindowsSelectable(t *testing.T) {
	e := newEnv(t)
	rc := filepath.Join(e.home, "gmuxrc")
	os.WriteFile(rc, []byte("zombie kr\n"), 0o600)
	tm := e.attach(80, 24, "-c", rc, "-S", "zs", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	e.run("-S", "zs", "-X", "screen", "5", "sh", "-c", "echo dead-$((4+1)); exit 3")
	tm.waitText("exited 3: k kills it, r restarts it")
	tm.send("\x010")
	waitFor(t, "window 0", func() bool { return !strings.Contains(tm.text(), "dead-5") })
	if out, _ := e.run("-S", "zs", "-X", "windows"); !strings.Contains(out, "5-Z sh") && !strings.Contains(out, "5Z sh") {
		t.Fatalf("the dead window is not marked Z: %q", out)
	}
	tm.send("\x015")
	tm.waitText("dead-5")
	tm.send("\x01d")
	tm.waitExit()
	tm2 := e.attach(80, 24, "-r", "zs")
	tm2.waitText("dead-5") // reattached onto the dead window: it is shown
	tm2.send("\x010")
	waitFor(t, "window 0", func() bool { return !strings.Contains(tm2.text(), "dead-5") })
	if out, code := e.run("-S", "zs", "-p", "5", "-X", "kill"); code != 0 {
		t.Fatalf("kill of the dead window: %d %q", code, out)
	}
	if out, _ := e.run("-S", "zs", "-X", "windows"); strings.Contains(out, "5") {
		t.Fatalf("the dead window is still listed: %q", out)
	}
}

// C-a k y removes the window at once and says so.
func TestKillRemovesAtOnce(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "ka")
	e.run("-S", "ka", "-X", "screen", "bash", "--norc", "-c", `trap "" HUP; echo stubborn-$((3*3)); while :; do sleep 1; done`)
	tm.waitText("stubborn-9")
	tm.send("\x01k")
	tm.waitText("Really kill this window")
	tm.send("y")
	tm.waitText("Window 1 (bash) killed.")
	if out, _ := e.run("-S", "ka", "-X", "windows"); strings.Contains(out, "1") {
		t.Fatalf("the killed window is still listed: %q", out)
	}
}

// A message goes with the window switch that makes it stale.
func TestMessageClearedOnWindowSwitch(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "msg")
	e.run("-S", "msg", "-X", "msgwait", "60") // it would outlive the test
	tm.send("\x01c")
	tm.waitText("$ ")
	tm.send("\x01N")
	tm.waitText("This is window 1")
	tm.send("\x010")
	waitFor(t, "the message to go", func() bool { return !strings.Contains(tm.text(), "This is window 1") })
}

// Every config error is kept, each as file:line, for -X errors; the first
// display hears how many there are.
func TestConfigErrorsListed(t *testing.T) {
	e := newEnv(t)
	rc := filepath.Join(e.home, "gmuxrc")
	os.WriteFile(rc, []byte("bogus1\nbogus2\ndefscrollback 100\nbogus3\nbogus4\n"), 0o600)
	tm := e.attach(80, 24, "-c", rc, "-S", "errs", "bash", "--norc", "--noprofile")
	tm.waitText("4 config errors")
	out, code := e.run("-S", "errs", "-X", "errors")
	if code != 0 {
		t.Fatalf("errors: %d %q", code, out)
	}
	for _, want := range []string{"gmuxrc:1: unknown command", "gmuxrc:2:", "gmuxrc:4:", "gmuxrc:5:"} {
		if !strings.Contains(out, want) {
			t.Errorf("errors lacks %q:\n%s", want, out)
		}
	}
}

// A .screenrc with screen commands gmux does without, or does not have yet,
// reads with no "unknown command".
func TestScreenrcCommandsKnown(t *testing.T) {
	e := newEnv(t)
	rc := filepath.Join(e.home, "screenrc")
	os.WriteFile(rc, []byte(`termcapinfo xterm* ti@:te@
defutf8 on
startup_message off
vbell off
split
`), 0o600)
	tm := e.attach(80, 24, "-c", rc, "-S", "src", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	out, _ := e.run("-S", "src", "-X", "errors")
	if strings.Contains(out, "screenrc:") {
		t.Fatalf("errors:\n%s", out)
	}
	tm.waitMatch(`(?m)^  0 bash`) // split: the first terminal shows two regions, the window in the first
}

// The system file is read first, then ~/.gmuxrc, or ~/.screenrc when there is
// no ~/.gmuxrc: a screen user's file works as it is.
func TestConfigFilesOrder(t *testing.T) {
	e := newEnv(t)
	os.WriteFile(filepath.Join(e.home, "sysrc"), []byte("setenv A sys\nsetenv B sys\n"), 0o600)
	os.WriteFile(filepath.Join(e.home, ".screenrc"), []byte("setenv B screenrc\n"), 0o600)
	e.startDetached("one")
	if out, _ := e.run("-S", "one", "-Q", "echo", "$A $B"); out != "sys screenrc\n" {
		t.Errorf("with ~/.screenrc: %q, want %q", out, "sys screenrc\n")
	}
	os.WriteFile(filepath.Join(e.home, ".gmuxrc"), []byte("setenv B gmuxrc\n"), 0o600)
	e.startDetached("two")
	if out, _ := e.run("-S", "two", "-Q", "echo", "$A $B"); out != "sys gmuxrc\n" {
		t.Errorf("with ~/.gmuxrc: %q, want %q", out, "sys gmuxrc\n")
	}
}

// silence N while the window is watched already takes effect at once: the
// check set for the old wait (30 s) does not win.
func TestSilenceWaitChangeTakesEffect(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "sil")
	e.run("-S", "sil", "-X", "screen", "-t", "quiet", "sleep", "1000")
	e.run("-S", "sil", "-X", "select", "0")
	if out, code := e.run("-S", "sil", "-p", "1", "-X", "silence", "on"); code != 0 {
		t.Fatalf("silence on: %d %q", code, out)
	}
	if out, code := e.run("-S", "sil", "-p", "1", "-X", "silence", "1"); code != 0 {
		t.Fatalf("silence 1: %d %q", code, out)
	}
	tm.waitText("Window 1: silence for 1 seconds")
}

// windowlist takes screen 4.9's forms: -b and -g (screen's own binding for
// C-a " is windowlist -b), -m (most recently shown first), and string and
// title for the items' and the heading's formats.
func TestWindowListForms(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "windowlist string 'item %n=%t'\nwindowlist title 'Pick one'\nbind w windowlist -b -m -g\n")
	tm := e.attach(80, 24, "-c", rc, "-S", "wl", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	e.run("-S", "wl", "-X", "screen", "-t", "one", "sleep", "1000")
	e.run("-S", "wl", "-X", "screen", "-t", "two", "sleep", "1000")
	e.run("-S", "wl", "-X", "select", "0")
	e.run("-S", "wl", "-X", "select", "2")
	tm.send("\x01w")
	m := tm.waitMatch(`(?s)Pick one.*item (\d)=.*item (\d)=.*item (\d)=`)
	if got := m[1] + m[2] + m[3]; got != "201" { // most recently shown first
		t.Fatalf("windowlist -m order %s, want 201:\n%s", got, tm.text())
	}
	if out, _ := e.run("-S", "wl", "-Q", "errors"); strings.Contains(out, "rc:") {
		t.Fatalf("rc errors: %q", out)
	}
}

// A killed window is recorded once in the message log (C-a C-m, messages).
func TestKilledWindowLoggedOnce(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "kl")
	e.run("-S", "kl", "-X", "screen", "-t", "victim", "sleep", "1000")
	tm.send("\x01k")
	tm.waitText("Really kill this window")
	tm.send("y")
	tm.waitText("killed")
	waitFor(t, "the message log", func() bool {
		out, _ := e.run("-S", "kl", "-Q", "messages")
		return strings.Contains(out, "victim")
	})
	out, _ := e.run("-S", "kl", "-Q", "messages")
	if n := strings.Count(out, "victim"); n != 1 {
		t.Fatalf("the kill is logged %d times:\n%s", n, out)
	}
}

// A status line that says nothing yet (its backtick has not answered) still
// takes its row: the window was sized for it, and no row of dots shows
// where the frame was laid out without it.
func TestEmptyStatusKeepsItsRow(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "backtick 1 0 0 sh -c 'sleep 3; echo late-value'\nhardstatus alwayslastline '%1`'\n")
	tm := e.attach(80, 24, "-c", rc, "-S", "es", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	screen := tm.settled(200 * time.Millisecond)
	lines := strings.Split(screen, "\n")
	if len(lines) >= 24 && strings.Contains(lines[23], "...") {
		t.Fatalf("a row of dots under the window while the status line is empty:\n%s", screen)
	}
	if _, rows := windowSize(t, e, "es"); rows != 23 {
		t.Fatalf("the window has %d rows, want 23 (the status line's row kept)", rows)
	}
	tm.waitText("late-value")
}
