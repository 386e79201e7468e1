package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gmux/gmux/server/vt"
)

// writeRC writes a config file in e's home and returns its path.
func writeRC(t *testing.T, e *env, text string) string {
	t.Helper()
	rc := filepath.Join(e.home, "rc")
	if err := os.WriteFile(rc, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return rc
}

// backtick: a persistent command's lines replace each other on the status
// line as they come; a periodic one runs again when its value is stale.
func TestBacktick(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, `backtick 1 0 0 sh -c 'echo first; while [ ! -e go ]; do sleep 0.05; done; echo second; sleep 600'
backtick 2 1 1 sh -c 'n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; echo run$n'
hardstatus alwayslastline "[%1`+"`"+`][%2`+"`"+`]"
`)
	tm := e.attach(80, 24, "-c", rc, "-S", "bt")
	tm.waitText("[first][run1]")
	os.WriteFile(filepath.Join(e.home, "go"), nil, 0o600)
	tm.waitText("[second]")
	tm.waitMatchWithin(`\[run[2-9]\]`, 10*time.Second)
}

// monitor (C-a M): output in the hidden window tells the display once and
// marks it @ until it is shown; a bell in a hidden window says so and marks
// it !; vbell (C-a C-g) shows vbell_msg instead of ringing; C-a m shows the
// last message again.
func TestMonitorBellVbell(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "activity 'act in %n (%t)'\nbell_msg 'ding in %'\nvbell_msg 'flash!'\nmsgwait 30\n")
	tm := e.attach(80, 24, "-c", rc, "-S", "mon", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	tm.send("\x01M")
	tm.waitText("Window 0 (bash) is now being monitored for all activity.")
	tm.send("\x01c")
	waitFor(t, "window 1", func() bool { return !strings.Contains(tm.text(), "monitored") })
	e.run("-S", "mon", "-p", "0", "-X", "stuff", "echo out\n")
	tm.waitText("act in 0 (bash)")
	if out, _ := e.run("-S", "mon", "-Q", "windows"); !strings.Contains(out, "0-@ bash") {
		t.Errorf("windows after activity: %q", out)
	}
	e.run("-S", "mon", "-p", "0", "-X", "stuff", "printf '\\a'\n")
	tm.waitText("ding in 0")
	if out, _ := e.run("-S", "mon", "-Q", "windows"); !strings.Contains(out, "0-!@ bash") {
		t.Errorf("windows after the bell: %q", out)
	}
	tm.send("\x01m")
	tm.waitText("ding in 0") // lastmsg
	tm.send("\x010")
	tm.waitText("out")
	if out, _ := e.run("-S", "mon", "-Q", "windows"); !strings.Contains(out, "0* bash") {
		t.Errorf("windows once shown: %q", out)
	}
	tm.send("\x01\x07")
	tm.waitText("Switched to visual bell.")
	tm.send("printf '\\a'\r")
	tm.waitText("flash!")
}

// shelltitle '$ |bash': a shell whose prompt carries an empty ESC k ESC \ is
// named after the command typed at it, and after its own name at the next
// prompt, as with screen's dynamic titles.
func TestShelltitleDynamic(t *testing.T) {
	e := newEnv(t)
	bashrc := filepath.Join(e.home, "bashrc")
	os.WriteFile(bashrc, []byte(`PS1=$'\[\ek\e\\\\\]$ '`+"\n"), 0o600)
	sh := filepath.Join(e.home, "promptsh")
	os.WriteFile(sh, []byte("#!/bin/sh\nexec bash --rcfile "+bashrc+" -i\n"), 0o755)
	rc := writeRC(t, e, "shell "+sh+"\nshelltitle '$ |bash'\n")
	tm := e.attach(80, 24, "-c", rc, "-S", "st")
	tm.waitText("$ ")
	title := func() string { out, _ := e.run("-S", "st", "-Q", "title"); return strings.TrimSpace(out) }
	if got := title(); got != "bash" {
		t.Fatalf("at the prompt: %q, want bash", got)
	}
	tm.send("/bin/cat -v\r")
	waitFor(t, "the title cat", func() bool { return title() == "cat" })
	tm.send("\x03")
	waitFor(t, "the title bash again", func() bool { return title() == "bash" })
}

// bindkey: keys bound with no command key before them, by termcap name (-k)
// or as sent; a second command key (bindkey ^B command); command classes
// (bind -c); the copy mode table (-m) where stuff types copy mode's keys.
func TestBindkey(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, `bindkey -k k1 select 1
bindkey ^B command
bindkey "^[[1;5D" prev
bind -c demo x echo class-x
bind y command -c demo
bindkey -m -k kN stuff q
screen -t zero 0
screen -t one 1
select 0
`)
	tm := e.attach(80, 24, "-c", rc, "-S", "bk")
	tm.waitText("$ ")
	current := func() string {
		out, _ := e.run("-S", "bk", "-Q", "number") // "0 (zero)", as screen -Q number
		return out
	}
	waitFor(t, "window 0", func() bool { return strings.HasPrefix(current(), "0") })
	tm.send("\x1bOP") // F1
	waitFor(t, "F1 to select 1", func() bool { return strings.HasPrefix(current(), "1") })
	tm.send("\x020") // C-b 0
	waitFor(t, "C-b 0 to select 0", func() bool { return strings.HasPrefix(current(), "0") })
	tm.send("\x1b[1;5D") // Ctrl-Left
	waitFor(t, "Ctrl-Left to go back", func() bool { return strings.HasPrefix(current(), "1") })
	tm.send("\x01yx")
	tm.waitText("class-x")
	tm.send("\x01[")
	tm.waitMatch(`\[\d+/\d+\]`) // copy mode's position
	tm.send("\x1b[6~")          // PgDn: stuff q, which leaves copy mode
	tm.send("echo back-$((1+1))\r")
	tm.waitText("back-2")
	if out, _ := e.run("-S", "bk", "-Q", "bindkey"); !strings.Contains(out, "k1 select 1") || !strings.Contains(out, "-m kN stuff q") {
		t.Errorf("bindkey lists: %q", out)
	}
}

// Window options: wrap (C-a r), flow (C-a f, the PTY's IXON), altscreen off
// (a full-screen program's last screen stays), reset (C-a Z).
func TestWindowOptions(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "altscreen off\ndefflow off\n")
	tm := e.attach(80, 24, "-c", rc, "-S", "wo", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	tm.send("stty -a | grep -o -- '-*ixon '\r")
	tm.waitText("-ixon")
	tm.send("\x01f")
	tm.waitText("+flow")
	// flow on: C-s stops the window's output (gmux stops reading it), C-q
	// lets it go on; neither reaches the program.
	tm.send("\x13echo held-$((1+1))\r")
	time.Sleep(300 * time.Millisecond) // a negative: the output must not come
	if strings.Contains(tm.text(), "held-2") {
		t.Fatalf("output went on after C-s:\n%s", tm.text())
	}
	tm.send("\x11")
	tm.waitText("held-2")
	tm.send("\x01r")
	tm.waitText("-wrap")
	tm.send("clear; printf 'x%.0s' $(seq 100); printf '|END\\n'\r")
	// Without wrapping, the rest of the line overwrites the last column.
	tm.waitMatch(`(?m)^x{79}D`)
	tm.send("clear; printf '\\e[?1049hON-ALT\\n\\e[?1049l'; echo done-$((1+1))\r")
	tm.waitText("done-2")
	if !strings.Contains(tm.text(), "ON-ALT") {
		t.Errorf("altscreen off: the program's screen is gone:\n%s", tm.text())
	}
	tm.send("\x01Z")
	waitFor(t, "the reset to clear the screen", func() bool { return !strings.Contains(tm.text(), "ON-ALT") })
}

// Typing helpers of screen's: registers (register, paste r, process r with
// command keys inside), digraphs (C-a C-v), the crude history (C-a {), and
// commands that run others (at, eval).
func TestRegistersDigraphHistory(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, `register a "echo from-reg-$((40+2))"
register b "\001c"
register l "\001:process l\r"
term vt100
screen -t first 0
screen -t second 1
select 0
`)
	tm := e.attach(80, 24, "-c", rc, "-S", "reg", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	tm.send("echo TERM=$TERM\r")
	tm.waitText("TERM=vt100")
	tm.send("\x01:paste a\r\r")
	tm.waitText("from-reg-42")
	// process: the register is typed as keys, so its C-a c opens a window.
	tm.send("\x01:process b\r")
	waitFor(t, "window 3", func() bool {
		out, _ := e.run("-S", "reg", "-Q", "windows")
		return strings.Contains(out, "3*") // after the config's 0 and 1 and the command line's 2
	})
	tm.send("\x010")
	tm.send("echo \x01\x16a:\x01\x16Eu\x01\x16U+263A\r\r") // U+ waits for Enter
	tm.waitText("ä€☺")
	tm.send("echo hist-$((6*7))\r")
	tm.waitText("hist-42")
	tm.send("echo uniq\r")
	tm.waitText("uniq")
	tm.send("echo h")
	tm.waitMatch(`(?m)^\$ echo h\s*$`)
	tm.send("\x01{\r") // C-a { completes it from the line "$ echo hist-..." above
	waitFor(t, "the completed command to run again", func() bool { return strings.Count(tm.text(), "hist-42") == 2 })
	e.run("-S", "reg", "-X", "at", "second#", "stuff", "echo at-$((1+1))\n")
	e.run("-S", "reg", "-X", "eval", "select 1", "echo evaluated")
	tm.waitText("at-2")
	tm.waitText("evaluated")
	// A register that processes itself is stopped, not run for ever.
	tm.send("\x01:process l\r")
	tm.waitText("process: not from inside a register")
	if out, code := e.run("-S", "reg", "-Q", "windows"); code != 0 {
		t.Fatalf("the session after a self-processing register: %d %q", code, out)
	}
	if out, code := e.run("-S", "reg", "-X", "sessionname", "renamed"); code != 0 {
		t.Fatalf("sessionname: %d %q", code, out)
	}
	if out, _ := e.run("-ls"); !strings.Contains(out, ".renamed") || strings.Contains(out, ".reg\t") {
		t.Errorf("-ls after sessionname: %q", out)
	}
	if out, code := e.run("-S", "renamed", "-Q", "sessionname"); code != 0 || !strings.Contains(out, "renamed") {
		t.Errorf("-Q sessionname: %d %q", code, out)
	}
}

// C-a D D (pow_detach) detaches and hangs up the shell gmux was started
// from; with autodetach off, a terminal that hangs up takes the session with
// it.
func TestPowDetachAndAutodetach(t *testing.T) {
	e := newEnv(t)
	script := "trap 'echo GOT-HUP; exit 7' HUP; " + gmuxBin + " -S pd bash --norc --noprofile; echo not-hung-up"
	tm := e.startIn(80, 24, "/bin/sh", "-c", script)
	tm.waitText("$ ")
	tm.send("\x01D")
	tm.waitText("Press D again")
	tm.send("D")
	tm.waitText("GOT-HUP")
	if code := tm.waitExit(); code != 7 {
		t.Errorf("the parent shell exited %d, want 7 (hung up)", code)
	}
	if out, _ := e.run("-ls"); !strings.Contains(out, ".pd") || !strings.Contains(out, "Detached") {
		t.Errorf("the session after a power detach: %q", out)
	}

	rc := writeRC(t, e, "autodetach off\n")
	tm2 := e.attach(80, 24, "-c", rc, "-S", "ad", "bash", "--norc", "--noprofile")
	tm2.waitText("$ ")
	tm2.cmd.Process.Kill() // the terminal hangs up: no detach
	waitFor(t, "the session to end", func() bool {
		out, _ := e.run("-ls")
		return !strings.Contains(out, ".ad")
	})
}

// exec: a program's output typed into the window's program (.!.), a filter
// on the program's output (!..), which kill ends first.
func TestExec(t *testing.T) {
	e := newEnv(t)
	tm := e.attach(80, 24, "-S", "ex", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	if out, code := e.run("-S", "ex", "-X", "exec", ".!.", "sh", "-c", "echo echo typed-by-\\$((1+2))"); code != 0 {
		t.Fatalf("exec .!.: %d %q", code, out)
	}
	tm.waitText("typed-by-3")
	tm.send("\x01:!!.tr a-z A-Z\r") // "!" is exec: "!!." is the pattern !..
	waitFor(t, "the filter to start", func() bool {
		out, _ := e.run("-S", "ex", "-Q", "exec")
		return strings.Contains(out, "tr a-z A-Z")
	})
	tm.send("echo filtered\r")
	tm.waitText("FILTERED")
	tm.send("\x01k") // kill: the filter goes, the window stays
	tm.waitText("Really kill")
	tm.send("y")
	waitFor(t, "the filter to end", func() bool {
		out, _ := e.run("-S", "ex", "-Q", "exec")
		return strings.Contains(out, "No exec")
	})
	tm.send("echo plain-again\r")
	tm.waitText("plain-again")
}

// slowpaste: a paste goes a character at a time, and what is typed after
// it waits for it.
func TestSlowpaste(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "slowpaste 5\nregister p \"echo slow-paste-$((2+3))\"\n")
	tm := e.attach(80, 24, "-c", rc, "-S", "sp", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	tm.send("\x01:paste p\r\r") // the Enter is typed long before the paste ends
	tm.waitText("slow-paste-5")
}

// idle 2 blanker: a display without a key for two seconds goes blank (here with
// blankerprg's output); the first key brings the window back and is not
// passed on.
func TestIdleBlanker(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "idle 2 blanker\nblankerprg sh -c 'echo BLANKER-RUNNING; sleep 600'\n")
	tm := e.attach(80, 24, "-c", rc, "-S", "idl", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	tm.send("echo before\r")
	tm.waitText("before")
	tm.waitText("BLANKER-RUNNING")
	if strings.Contains(tm.text(), "before") {
		t.Errorf("the window shows through the blanker:\n%s", tm.text())
	}
	tm.send("x") // ends the blanker, and goes nowhere
	tm.waitText("before")
	tm.send("echo after\r")
	tm.waitText("after")
	if strings.Contains(tm.text(), "xecho") {
		t.Errorf("the key that ended the blanker reached the shell:\n%s", tm.text())
	}
}

// A .screenrc as people write them loads with no error, and gmux draws what
// screen would: the status line with its colours and backtick, the caption,
// the windows the file opens with their titles, and the keys it binds.
func TestRealisticScreenrc(t *testing.T) {
	e := newEnv(t)
	os.WriteFile(filepath.Join(e.home, ".screenrc"), []byte(`# ~/.screenrc
startup_message off
vbell off
msgwait 2
defscrollback 10000
escape ^Bb
defmonitor on
shelltitle '$ |bash'
backtick 1 60 60 sh -c 'echo up-since'
hardstatus alwayslastline '%{= kG}[ %{G}%H %{g}][%= %{= kw}%?%-Lw%?%{r}(%{W}%n*%f%t%?(%u)%?%{r})%{w}%?%+Lw%?%?%= %{g}][%{B} %m-%d %{W}%c %{g}][%1`+"`"+`]'
caption always "%{= kw}%-w%{= BW}%n %t%{-}%+w %-= @%H - %LD %d %LM - %c"
bindkey -k k1 select 1
bindkey -k k2 select 2
bindkey "^[[1;5D" prev
bindkey "^[[1;5C" next
termcapinfo xterm* ti@:te@
attrcolor b ".I"
defbce on
altscreen on
term screen-256color
bind c screen 1
bind ^c screen 1
bind 0 select 10
screen -t logs 1 sh -c 'echo LOGS-WINDOW; exec bash --norc --noprofile'
screen -t edit 2 bash --norc --noprofile
screen 3
select 1
`), 0o600)
	tm := e.attach(160, 30, "-S", "real")
	tm.waitText("LOGS-WINDOW")
	if out, _ := e.run("-S", "real", "-Q", "errors"); !strings.Contains(out, "no config errors") {
		t.Fatalf("the .screenrc has errors:\n%s", out)
	}
	// The status line: the host, the windows around the current one in
	// parentheses, the backtick's output; in screen's colours.
	host, _ := os.Hostname()
	host, _, _ = strings.Cut(host, ".")
	tm.waitText("[ " + host + " ]")
	tm.waitText("(1*logs)")
	tm.waitText("[up-since]")
	tm.mu.Lock()
	first := tm.screen.Cell(0, 29) // "[": %{= kG}, bright green on black
	tm.mu.Unlock()
	if first.S.Fg != vt.Indexed(10) || first.S.Bg != vt.Indexed(0) {
		t.Errorf("the status line's first cell: %+v, want bright green on black", first.S)
	}
	// The caption: the current window in bright white on blue, the others.
	tm.waitMatch(`1 logs  2 edit  3 bash +@` + regexp.QuoteMeta(host))
	out, _ := e.run("-S", "real", "-Q", "windows")
	for _, want := range []string{"1* logs", "2", "edit", "3", "bash"} {
		if !strings.Contains(out, want) {
			t.Errorf("windows %q lacks %q", out, want)
		}
	}
	// The escape is C-b; c opens the next free window from 1.
	tm.send("\x02c")
	waitFor(t, "window 4", func() bool {
		out, _ := e.run("-S", "real", "-Q", "windows")
		return strings.Contains(out, "4*")
	})
	tm.send("\x1bOQ") // F2: select 2
	waitFor(t, "F2 to select 2", func() bool {
		out, _ := e.run("-S", "real", "-Q", "number")
		return strings.HasPrefix(out, "2 ")
	})
	// defmonitor on: output in a hidden window marks it and says so.
	e.run("-S", "real", "-p", "1", "-X", "stuff", "echo ping\n")
	tm.waitText("Activity in window 1")
}

// silence (C-a _) with a 2 s wait: a hidden window quiet that long is told
// and marked ~; notify on raises a desktop notification (OSC 9) for it; a
// burst of bells in a hidden window rings the terminal's bell once; the
// messages command lists what was said.
func TestSilenceNotifyMessages(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "silencewait 2\nnotify on\nmsgwait 30\n")
	tm := e.attach(80, 24, "-c", rc, "-S", "sil", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	tm.send("\x01_")
	tm.waitText("The window is now being monitored for 2 sec. silence.")
	tm.send("\x01c")
	tm.waitText("Window 0: silence for 2 seconds")
	if out, _ := e.run("-S", "sil", "-Q", "windows"); !strings.Contains(out, "0-~ bash") {
		t.Errorf("windows: %q", out)
	}
	if !strings.Contains(tm.rawOutput(), "\x1b]9;Window 0: silence for 2 seconds\x1b\\") {
		t.Errorf("no OSC 9 notification in %q", tm.rawOutput())
	}
	before := strings.Count(tm.rawOutput(), "\a")
	e.run("-S", "sil", "-p", "0", "-X", "stuff", "for i in 1 2 3 4 5; do printf '\\a'; done\n")
	tm.waitText("Bell in window 0")
	time.Sleep(300 * time.Millisecond) // the rest of the burst, which must not ring
	if n := strings.Count(tm.rawOutput(), "\a") - before; n != 1 {
		t.Errorf("the terminal's bell rang %d times for a burst of five", n)
	}
	out, _ := e.run("-S", "sil", "-Q", "messages")
	for _, want := range []string{"silence for 2 seconds", "Bell in window 0"} {
		if !strings.Contains(out, want) {
			t.Errorf("messages lacks %q:\n%s", want, out)
		}
	}
}

// shell -/bin/bash (and defshell, and shell -$SHELL): a leading "-" asks for
// a login shell, as in screen: the path is what follows, and the program's
// argv[0] is "-bash". Before, the session never started ("cannot run
// -/bin/bash").
func TestLoginShellDash(t *testing.T) {
	e := newEnv(t)
	for _, line := range []string{"shell -/bin/bash", "defshell -bash"} {
		rc := writeRC(t, e, line+"\n")
		name := strings.Fields(line)[0]
		tm := e.attach(80, 24, "-c", rc, "-S", name)
		tm.send("echo \"zero=$0\"; shopt -q login_shell && echo login-$((6*7))\r")
		tm.waitText("login-42")
		tm.waitText("zero=-bash")
		tm.send("\x01c")
		tm.send("shopt -q login_shell && echo second-login-$((6*7))\r")
		tm.waitText("second-login-42")
		if out, _ := e.run("-S", name, "-Q", "windows"); strings.Contains(out, "-bash") || !strings.Contains(out, "bash") {
			t.Errorf("%s: window titles %q, want bash", line, out)
		}
		e.run("-S", name, "-X", "quit")
	}
}

// A line ending in a backslash is a line: screen does not join it to the
// next. Debian's /etc/screenrc has `bind ^\`; the binding after it must not
// be swallowed.
func TestBackslashEndsNoLine(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "bind ^\\\nbind x title not-swallowed\n")
	tm := e.attach(80, 24, "-c", rc, "-S", "bs", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	tm.send("\x01x")
	waitFor(t, "the binding after bind ^\\", func() bool {
		out, _ := e.run("-S", "bs", "-Q", "title")
		return strings.Contains(out, "not-swallowed")
	})
	if out, _ := e.run("-S", "bs", "-Q", "errors"); strings.Contains(out, "rc:") {
		t.Fatalf("rc errors: %q", out)
	}
}

// escape ^@a: C-Space (which terminals send as NUL) is the command key, as
// screen allows; before, NUL never reached the key bindings.
func TestEscapeCtrlSpace(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "escape ^@a\n")
	tm := e.attach(80, 24, "-c", rc, "-S", "nul", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	tm.send("\x00c") // a new window
	waitFor(t, "C-Space c to open a window", func() bool {
		out, _ := e.run("-S", "nul", "-Q", "windows")
		return strings.Contains(out, "1")
	})
	tm.send("\x00d")
	tm.waitExit()
}

// A binding that could only fail once its key is pressed (a command it
// cannot take the arguments of, one gmux does not have) is an rc error
// now: listed by -X errors with its file and line.
func TestBindErrorsAreNotSilent(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "bind x title a b c\nbind y nosuchcommand\nbind z windowlist -b\n")
	e.run("-c", rc, "-dmS", "be", "sleep", "1000")
	out, _ := e.run("-S", "be", "-Q", "errors")
	for _, want := range []string{rc + ":1:", "usage: title", rc + ":2:", "nosuchcommand"} {
		if !strings.Contains(out, want) {
			t.Errorf("errors lack %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, rc+":3:") {
		t.Errorf("a good binding reported:\n%s", out)
	}
}

// hardstatus on, as screen's, reserves no row (it lets the terminal's own
// status line show messages); alwayslastline does.
func TestHardstatusOnReservesNoRow(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct {
		rc   string
		rows int
	}{{"hardstatus on\n", 24}, {"hardstatus on\nhardstatus alwayslastline\n", 23}} {
		rc := writeRC(t, e, c.rc)
		name := "hs" + strconv.Itoa(c.rows)
		tm := e.attach(80, 24, "-c", rc, "-S", name, "bash", "--norc", "--noprofile")
		tm.waitText("$ ")
		if _, rows := windowSize(t, e, name); rows != c.rows {
			t.Errorf("%q: the window has %d rows, want %d", c.rc, rows, c.rows)
		}
	}
}

// A window whose program cannot start still takes its number, as in
// screen: an rc's `screen -t mail mutt` without mutt, then `screen -t
// shell`, gives the shell number 1, as its owner's bindings expect.
func TestStillbornWindowTakesItsNumber(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "screen -t mail no-such-mailer\nscreen -t shell bash --norc --noprofile\n")
	tm := e.attach(80, 24, "-c", rc, "-S", "sb")
	tm.waitText("$ ")
	waitFor(t, "the dead window gone, the shell as 1", func() bool {
		out, _ := e.run("-S", "sb", "-Q", "windows")
		return strings.Contains(out, "1") && strings.Contains(out, "shell") && !strings.Contains(out, "mail")
	})
	if out, _ := e.run("-S", "sb", "-Q", "errors"); !strings.Contains(out, "cannot run no-such-mailer") {
		t.Errorf("the failed window is not among the errors: %q", out)
	}
}

// A new session started without startup_message off shows screen's kind of
// startup message at its first attach: the version, and the keys for help
// and for detaching.
func TestStartupMessage(t *testing.T) {
	e := newEnv(t)
	os.Remove(filepath.Join(e.home, "sysrc")) // no rc at all, as a newcomer's
	tm := e.attach(80, 24, "-S", "hello", "bash", "--norc", "--noprofile")
	tm.waitText("C-a ? for the keys, C-a d to detach (startup_message off")
}

// multiuser off, which many real rc files say to be sure, is no error;
// multiuser on says it is not there yet.
func TestMultiuserOffIsNoError(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "multiuser off\nmultiuser on\n")
	e.run("-c", rc, "-dmS", "mu", "sleep", "1000")
	out, _ := e.run("-S", "mu", "-Q", "errors")
	if strings.Contains(out, rc+":1:") || !strings.Contains(out, rc+":2: multiuser on: not yet supported") {
		t.Fatalf("errors: %q", out)
	}
}

// screen 4.9's argument forms, from its man page: readbuf and writebuf -e
// (UTF-8), detach -h, caption bottom and top, stuff without a string asking
// for one.
func TestScreenArgumentForms(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "af")
	file := filepath.Join(e.home, "buf")
	os.WriteFile(file, []byte("from-file"), 0o600)
	for _, c := range []struct {
		args []string
		ok   bool
	}{
		{[]string{"readbuf", "-e", "UTF-8", file}, true},
		{[]string{"writebuf", "-e", "utf8", file}, true},
		{[]string{"readbuf", "-e", "latin1", file}, false},
		{[]string{"caption", "bottom", "always", "%n"}, true},
		{[]string{"caption", "top", "always"}, true},
		{[]string{"caption", "splitonly"}, true},
		{[]string{"select", "."}, true}, // the current window
	} {
		out, code := e.run(append([]string{"-S", "af", "-X"}, c.args...)...)
		if (code == 0) != c.ok {
			t.Errorf("-X %v: %d %q", c.args, code, out)
		}
	}
	tm.send("\x01:stuff\r")
	tm.waitText("Stuff: ")
	tm.send("echo stuffed-$((6*7))\r")
	tm.send("\r") // the stuffed line, typed into the shell, runs
	tm.waitText("stuffed-42")
	if out, code := e.run("-S", "af", "-X", "detach", "-h"); code != 0 {
		t.Fatalf("detach -h: %d %q", code, out)
	}
	tm.waitExit()
}

// What is typed to an exec'd program that reads nothing for a while waits
// for it, however much: before, past a queue of 256 pieces it was dropped.
func TestExecFilterKeepsTypedInput(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "fi")
	out := filepath.Join(e.home, "typed")
	if o, code := e.run("-S", "fi", "-X", "exec", "...", "sh", "-c", "stty -echo; sleep 3; exec cat > "+out); code != 0 {
		t.Fatalf("exec: %d %q", code, o)
	}
	line := strings.Repeat("x", 60)
	const lines = 1500
	for i := range lines {
		tm.send(fmt.Sprintf("%04d%s\r", i, line))
		time.Sleep(time.Millisecond) // one piece each, not coalesced by the reader
	}
	waitFor(t, "every typed line to reach the program", func() bool {
		b, _ := os.ReadFile(out)
		return strings.Count(string(b), "\n") >= lines
	})
	b, _ := os.ReadFile(out)
	got := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	for i, l := range got {
		if want := fmt.Sprintf("%04d%s", i, line); l != want {
			t.Fatalf("line %d is %q, want %q", i, l, want)
		}
	}
}

// caption top (screen's man page; screen 5 draws it, 4.9 ignores the line):
// the caption above the window, unsplit and in every region of a split
// display, the window under it, and a mouse program's coordinates its own.
func TestCaptionTop(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "caption top always \"CAP %n %t\"\n")
	tm := e.attach(80, 24, append([]string{"-c", rc, "-S", "ct"}, bash...)...)
	tm.waitText("$ ")
	tm.send("echo under-$((3*3))\r")
	tm.waitText("under-9")
	lines := strings.Split(tm.text(), "\n")
	if !strings.HasPrefix(lines[0], "CAP 0") || !strings.HasPrefix(lines[1], "$ echo under-") {
		t.Fatalf("the caption is not above the window:\n%s", tm.text())
	}
	waitSize(t, e, "ct", 0, 80, 23)
	// A program that asks for the mouse gets rows counted from its own top.
	tm.send("printf '\\033[?1000h\\033[?1006h'; cat -v\r")
	waitFor(t, "the program's mouse mode on the terminal", func() bool {
		tm.mu.Lock()
		defer tm.mu.Unlock()
		return tm.screen.Modes().Mouse != 0
	})
	tm.send("\x1b[<0;5;4M")       // a click on the terminal's row 4
	tm.waitMatch(`\^\[\[<0;5;3M`) // the window's row 3
	tm.send("\x03")
	tm.waitText("$ ")
	// Split: each region's caption is its first row.
	tm.send("\x01S")
	waitSize(t, e, "ct", 0, 80, 11)
	tm.send("\x01\t\x01c")
	waitSize(t, e, "ct", 1, 80, 11)
	tm.send("echo region-$((2+5))\r")
	tm.waitText("region-7")
	lines = strings.Split(tm.text(), "\n")
	if !strings.HasPrefix(lines[0], "CAP 0") || !strings.HasPrefix(lines[12], "CAP 1") || !strings.HasPrefix(lines[13], "$ ") {
		t.Fatalf("the regions' captions are not on their first rows:\n%s", tm.text())
	}
	// With mousetrack on, a caption dragged moves the edge it sits on: the
	// bottom region's caption is the top region's lower edge.
	tm.send("\x01:mousetrack on\r")
	tm.send("\x1b[<0;5;13M\x1b[<32;5;11M\x1b[<32;5;10M\x1b[<0;5;10m") // its caption, row 13 (1-based), to row 10
	waitSize(t, e, "ct", 0, 80, 8)
	waitSize(t, e, "ct", 1, 80, 14)
	if out, code := e.run("-S", "ct", "-X", "caption", "bottom"); code != 0 {
		t.Fatalf("caption bottom: %d %q", code, out)
	}
	tm.waitMatch(`(?m)^CAP 1`)
	waitFor(t, "the captions to go under the windows", func() bool {
		l := strings.Split(tm.text(), "\n")
		return len(l) > 8 && strings.HasPrefix(l[8], "CAP 0") && !strings.HasPrefix(l[0], "CAP")
	})
}

// More of screen's forms: colon with a prefix begins the line (bind P colon
// "title pre"), number +n and -n move a window by n, and zombie keys
// onerror keeps only the windows whose program failed.
func TestColonPrefixRelativeNumberZombieOnError(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "zombie kr onerror\nbind P colon \"title pre\"\n")
	tm := e.attach(80, 24, append([]string{"-c", rc, "-S", "fz"}, bash...)...)
	tm.waitText("$ ")
	tm.send("\x01P")
	tm.waitText(":title pre")
	tm.send("fixed\r")
	waitFor(t, "the title the prefixed line set", func() bool {
		out, _ := e.run("-S", "fz", "-Q", "title")
		return strings.TrimSpace(out) == "prefixed"
	})
	if out, code := e.run("-S", "fz", "-X", "number", "+3"); code != 0 || !strings.HasPrefix(out, "3 ") {
		t.Fatalf("number +3: %d %q", code, out)
	}
	if out, code := e.run("-S", "fz", "-X", "number", "-2"); code != 0 || !strings.HasPrefix(out, "1 ") {
		t.Fatalf("number -2 from 3: %d %q", code, out)
	}
	windows := func() string {
		out, _ := e.run("-S", "fz", "-Q", "windows")
		return out
	}
	e.run("-S", "fz", "-X", "screen", "-t", "fine", "sh", "-c", "exit 0")
	e.run("-S", "fz", "-X", "screen", "-t", "failed", "sh", "-c", "exit 3")
	waitFor(t, "the failed window to stay, dead, and the fine one to go", func() bool {
		w := windows()
		return strings.Contains(w, "failed") && !strings.Contains(w, "fine")
	})
	tm.waitText("exited 3")
}

// select - shows screen's blank window: the window's text goes, what is
// typed reaches no program, the status line stays, and C-a n (or select N)
// brings a window back.
func TestSelectBlankWindow(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "hardstatus alwayslastline \"HS %n\"\n")
	tm := e.attach(80, 24, append([]string{"-c", rc, "-S", "bw"}, bash...)...)
	tm.waitText("$ ")
	tm.send("echo shown-$((5*5))\r")
	tm.waitText("shown-25")
	tm.send("\x01:select -\r")
	waitFor(t, "the blank window", func() bool { return !strings.Contains(tm.text(), "shown-25") })
	tm.waitMatch(`(?m)^HS`)
	tm.send("echo typed-$((7*7))\r") // goes nowhere
	tm.send("\x01n")
	tm.waitText("shown-25")
	time.Sleep(100 * time.Millisecond) // what was typed had its chance to arrive
	if strings.Contains(tm.text(), "typed-49") {
		t.Fatalf("keys typed on the blank window reached the shell:\n%s", tm.text())
	}
}

// setenv asks, as screen's does, for what it is not given: the name, then
// the value; the next window has it.
func TestSetenvAsks(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "se")
	tm.send("\x01:setenv\r")
	tm.waitText("Setenv: enter variable name: ")
	tm.send("GREETING\r")
	tm.waitText("Enter value for GREETING: ")
	tm.send("hello-env\r")
	tm.send("\x01c")
	tm.waitText("$ ")
	tm.send("echo got-$GREETING\r")
	tm.waitText("got-hello-env")
}
