package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var bash = []string{"bash", "--norc", "--noprofile"}

func startSession(t *testing.T, e *env, name string) *terminal {
	t.Helper()
	tm := e.attach(80, 24, append([]string{"-S", name}, bash...)...)
	tm.waitText("$ ")
	return tm
}

// startJob starts a background job in the window and returns its PID.
func startJob(t *testing.T, tm *terminal) int {
	t.Helper()
	tm.send("sleep 1000 & echo job=$!\r")
	m := tm.waitMatch(`job=(\d+)`)
	pid, _ := strconv.Atoi(m[1])
	t.Cleanup(func() { syscall.Kill(pid, syscall.SIGKILL) })
	return pid
}

func TestDetachResumeSameScreen(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "work")
	tm.send("printf '\\033[1;31mred\\033[0m plain\\n'; echo marker-$((6*7))\r")
	tm.waitText("marker-42")
	before := tm.text()
	tm.send("\x01d")
	if code := tm.waitExit(); code != 0 {
		t.Fatalf("detach exit status %d", code)
	}
	if !strings.Contains(tm.rawOutput(), "[detached from ") {
		t.Fatalf("no detach message in %q", tail(tm.rawOutput()))
	}
	if ls := e.ls(); !strings.Contains(ls, ".work") || !strings.Contains(ls, "(Detached)") {
		t.Fatalf("-ls after detach:\n%s", ls)
	}
	tm2 := e.attach(80, 24, "-r", "work")
	tm2.waitText("marker-42")
	waitFor(t, "identical screen", func() bool { return tm2.text() == before })
	// The colour survived too.
	tm2.mu.Lock()
	c := tm2.screen.Cell(0, findRow(tm2.screen.String(), "red plain"))
	tm2.mu.Unlock()
	if c.S.Fg == 0 || c.S.Attr == 0 {
		t.Fatalf("red bold lost on resume: %+v", c.S)
	}
	if ls := e.ls(); !strings.Contains(ls, "(Attached)") {
		t.Fatalf("-ls while attached:\n%s", ls)
	}
}

// A detached session makes the next display's renderer ahead, for the
// terminal that left (server/spare.go): a reattach from another terminal
// must not get it, and one from the same must get a screen as exact.
func TestReattachFromAnotherTerminal(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "other")
	tm.send("printf '\\033[1;32mgreen\\033[0m\\n'; echo marker-$((6*7))\r")
	tm.waitText("marker-42")
	tm.send("\x01d")
	tm.waitExit()
	var wide string
	for i, size := range [][2]int{{100, 30}, {100, 30}, {80, 24}} {
		tm := e.attach(size[0], size[1], "-r", "other")
		if i == 0 {
			tm.waitText("marker-42")
		} else {
			tm.waitText("again-42")
		}
		waitFor(t, "the window at the terminal's size", func() bool {
			c, r := windowSize(t, e, "other")
			return c == size[0] && r == size[1]
		})
		tm.send("clear; echo again-$((7*6)); stty size\r")
		// Until the prompt is back: read before it, the screens differ
		// by it.
		waitFor(t, "the prompt after stty", func() bool {
			return strings.Contains(tm.text(), fmt.Sprintf("%d %d\n$", size[1], size[0]))
		})
		// The screen but its last row (where messages show).
		rows := strings.Split(tm.text(), "\n")
		text := strings.Join(rows[:size[1]-1], "\n")
		if i == 1 && text != wide {
			t.Fatalf("the same terminal again shows\n%s\nnot\n%s", text, wide)
		}
		wide = text
		tm.send("\x01d")
		tm.waitExit()
	}
}

// A session whose server runs the very gmux-server this gmux would start
// is attached without the probe first (client/cli/samebinary.go): the server sees the attach as the
// next connection after the last one, not after a probe's.
func TestReattachWithoutProbe(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "direct")
	tm.send("\x01d")
	tm.waitExit()
	attachedAs := regexp.MustCompile(`client (\d+): attached`)
	ids := func() []int {
		b, _ := os.ReadFile(serverLog(t, e))
		var out []int
		for _, m := range attachedAs.FindAllStringSubmatch(string(b), -1) {
			n, _ := strconv.Atoi(m[1])
			out = append(out, n)
		}
		return out
	}
	for _, args := range [][]string{{"-r", "direct"}, {"-x", "direct"}, {"-d", "-r", "direct"}} {
		before := ids()
		tm := e.attach(80, 24, args...)
		tm.send("echo back-$((40+2))\r")
		tm.waitText("back-42")
		// The log is read by another process: give its line a moment to
		// be there rather than reading once.
		after := ids()
		for deadline := time.Now().Add(5 * time.Second); len(after) <= len(before) && time.Now().Before(deadline); after = ids() {
			time.Sleep(20 * time.Millisecond)
		}
		if len(after) != len(before)+1 || after[len(after)-1] != before[len(before)-1]+1 {
			t.Fatalf("gmux %v: attached as client %v after %v: a probe came first", args, after, before)
		}
		tm.send("\x01d")
		tm.waitExit()
	}
	// -r of a session attached elsewhere still says so, as before.
	tm2 := e.attach(80, 24, "-r", "direct")
	tm2.waitText("$ ")
	out, code := e.run("-r", "direct")
	if code == 0 || !strings.Contains(out, "attached elsewhere") {
		t.Fatalf("-r of an attached session: %d %q", code, out)
	}
}

func findRow(screen, s string) int {
	for i, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return i
		}
	}
	return 0
}

func tail(s string) string {
	if len(s) > 200 {
		return s[len(s)-200:]
	}
	return s
}

func TestClientDeathKeepsJob(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGKILL, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			e := newEnv(t)
			tm := startSession(t, e, "job")
			pid := startJob(t, tm)
			tm.cmd.Process.Signal(sig)
			tm.pty.Close() // the terminal goes away too, as when SSH drops
			tm.waitExit()
			waitFor(t, "session to become Detached", func() bool { return strings.Contains(e.ls(), "(Detached)") })
			if !alive(pid) {
				t.Fatalf("job %d died with the client", pid)
			}
			tm2 := e.attach(80, 24, "-r")
			tm2.waitText("job=")
			tm2.send(fmt.Sprintf("kill -0 %d && echo still-alive\r", pid))
			tm2.waitText("still-alive")
		})
	}
}

func TestTakeoverWithDashDR(t *testing.T) {
	e := newEnv(t)
	first := startSession(t, e, "take")
	first.send("echo from-first\r")
	first.waitText("from-first")
	second := e.attach(80, 24, "-d", "-r", "take")
	second.waitText("from-first")
	first.waitExit()
	if !strings.Contains(first.rawOutput(), "[remote detached from") {
		t.Fatalf("first client was not told: %q", tail(first.rawOutput()))
	}
	second.send("echo from-second\r")
	second.waitText("from-second")
}

func TestResumeAttachedNeedsFlag(t *testing.T) {
	e := newEnv(t)
	startSession(t, e, "busy")
	out, code := e.run("-r", "busy")
	if code != 1 || !strings.Contains(out, "attached elsewhere") {
		t.Fatalf("-r of an attached session: status %d, %q", code, out)
	}
}

func TestMultiAttach(t *testing.T) {
	e := newEnv(t)
	a := startSession(t, e, "multi")
	b := e.attach(80, 24, "-x", "multi")
	b.waitText("$ ")
	a.send("echo typed-in-a\r")
	b.waitText("typed-in-a")
	b.send("echo typed-in-b\r")
	a.waitText("typed-in-b")
	if ls := e.ls(); !strings.Contains(ls, "(Attached)") {
		t.Fatalf("-ls: %s", ls)
	}
}

func TestResizeReachesProgram(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "size")
	tm.send("stty size\r")
	tm.waitText("24 80")
	tm.resize(100, 30)
	waitFor(t, "client to see the resize", func() bool {
		tm.send("stty size\r")
		return strings.Contains(tm.text(), "30 100") || waitBriefly(tm, "30 100")
	})
}

// waitBriefly gives output a moment to arrive without failing.
func waitBriefly(tm *terminal, s string) bool {
	for range 20 {
		if strings.Contains(tm.text(), s) {
			return true
		}
		syscall.Nanosleep(&syscall.Timespec{Nsec: 10e6}, nil)
	}
	return false
}

func TestProgramExitEndsSession(t *testing.T) {
	e := newEnv(t)
	tm := e.attach(80, 24, "-S", "short", "sh", "-c", "echo bye; exit 3")
	if code := tm.waitExit(); code != 3 {
		t.Fatalf("exit status %d, want 3; output %q", code, tail(tm.rawOutput()))
	}
	if out := tm.rawOutput(); !strings.Contains(out, "ended: sh exited 3") {
		t.Fatalf("no reason printed: %q", tail(out))
	}
	if out, code := e.run("-ls"); code != 1 || !strings.Contains(out, "No Sockets") {
		t.Fatalf("-ls after the end: %d %q", code, out)
	}
}

func TestResumeMissing(t *testing.T) {
	e := newEnv(t)
	out, code := e.run("-r", "nosuch")
	if code != 1 || !strings.Contains(out, `no session to resume matching "nosuch"`) {
		t.Fatalf("status %d, %q", code, out)
	}
	out, code = e.run("-X", "-S", "nosuch", "echo", "hi")
	if code != 1 || !strings.Contains(out, "nosuch") {
		t.Fatalf("-X to a missing session: status %d, %q", code, out)
	}
}

func TestSocketDirWrongModeRefused(t *testing.T) {
	e := newEnv(t)
	if err := os.MkdirAll(e.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(e.dir, 0o755)
	out, code := e.run("-ls")
	if code == 0 || !strings.Contains(out, "must be 0700") {
		t.Fatalf("-ls with an open directory: %d %q", code, out)
	}
	out, code = e.run("-dmS", "x", "sleep", "100")
	if code == 0 || !strings.Contains(out, "must be 0700") {
		t.Fatalf("start with an open directory: %d %q", code, out)
	}
}

func TestDetachedStartAndCommands(t *testing.T) {
	e := newEnv(t)
	if out, code := e.run("-dmS", "bg", "bash", "--norc", "--noprofile"); code != 0 {
		t.Fatalf("-dmS: %d %q", code, out)
	}
	if ls := e.ls(); !strings.Contains(ls, ".bg\t") || !strings.Contains(ls, "(Detached)") {
		t.Fatalf("-ls: %q", ls)
	}
	// As screen parses -X: \$ keeps a $ for the shell, \n is a newline.
	if out, code := e.run("-S", "bg", "-X", "stuff", `echo \$STY \$WINDOW \$TERM > out.txt\n`); code != 0 {
		t.Fatalf("-X stuff: %d %q", code, out)
	}
	home := e.home
	waitFor(t, "stuffed command to run", func() bool {
		b, _ := os.ReadFile(filepath.Join(home, "out.txt"))
		return strings.Contains(string(b), "screen-256color")
	})
	b, _ := os.ReadFile(filepath.Join(home, "out.txt"))
	if !regexp.MustCompile(`^\d+\.bg 0 screen-256color\n$`).Match(b) {
		t.Fatalf("environment seen by the program: %q", b)
	}
	if out, code := e.run("-S", "bg", "-X", "nosuchcommand"); code != 1 || !strings.Contains(out, "unknown command") {
		t.Fatalf("-X unknown: %d %q", code, out)
	}
}

func TestStaleSocketWipe(t *testing.T) {
	e := newEnv(t)
	e.startDetached("alive", "sleep", "1000")
	e.startDetached("doomed", "sleep", "1000")
	entries, _ := os.ReadDir(e.dir)
	var pid int
	for _, ent := range entries {
		if strings.HasSuffix(ent.Name(), ".doomed") {
			pid, _ = strconv.Atoi(strings.Split(ent.Name(), ".")[0])
		}
	}
	// Its programs outlive it, as they should; this test ends them itself.
	for _, child := range childrenOf(pid) {
		t.Cleanup(func() { syscall.Kill(child, syscall.SIGKILL) })
	}
	syscall.Kill(pid, syscall.SIGKILL)
	waitFor(t, "server to die", func() bool { return !alive(pid) || isZombie(pid) })
	if ls := e.ls(); !strings.Contains(ls, "Dead") {
		t.Fatalf("-ls after kill -9: %q", ls)
	}
	// As screen's: what was wiped, then what is left.
	if out, _ := e.run("-wipe"); !strings.Contains(out, "1 socket wiped out.\n1 Socket in ") || !strings.Contains(out, "(Removed)") {
		t.Fatalf("-wipe: %q", out)
	}
	if out, code := e.run("-ls"); code != 0 || strings.Contains(out, "doomed") || !strings.Contains(out, "alive") {
		t.Fatalf("-ls after wipe: %d %q", code, out)
	}
	if out, code := e.run("-dmS", "doomed", "sleep", "1000"); code != 0 {
		t.Fatalf("restart with the same name: %d %q", code, out)
	}
}

// isStopped reports whether process pid is stopped (job control).
func isStopped(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	return err == nil && strings.Contains(string(b), ") T ")
}

func isZombie(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	return err == nil && strings.Contains(string(b), ") Z ")
}

func TestNotATerminal(t *testing.T) {
	e := newEnv(t)
	out, code := e.run("-S", "x")
	if code != 1 || !strings.Contains(out, "Must be connected to a terminal") {
		t.Fatalf("status %d %q", code, out)
	}
}

func TestVersionAndHelp(t *testing.T) {
	e := newEnv(t)
	// The version, then what it was built from: the commit (or the module
	// version of a go install), and the Go and platform.
	out, code := e.run("-v")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || !strings.HasPrefix(lines[0], "gmux version") ||
		!regexp.MustCompile(`^(commit|module) .*; go1\.\d+.* linux/\w+$`).MatchString(lines[1]) {
		t.Fatalf("-v: %d %q", code, out)
	}
	if out, code := e.run("-h"); code != 0 || !strings.Contains(out, "-dmS name cmd") {
		t.Fatalf("-h: %d %q", code, out)
	}
}

// processesWhere lists the processes for which match holds, given a
// process's /proc file (stat or cmdline) contents.
func processesWhere(file string, match func(content string) bool) []int {
	var out []int
	entries, _ := os.ReadDir("/proc")
	for _, ent := range entries {
		n, err := strconv.Atoi(ent.Name())
		if err != nil {
			continue
		}
		if b, err := os.ReadFile("/proc/" + ent.Name() + "/" + file); err == nil && match(string(b)) {
			out = append(out, n)
		}
	}
	return out
}

// childrenOf lists the processes whose parent is pid.
func childrenOf(pid int) []int {
	return processesWhere("stat", func(stat string) bool {
		// The parent is the second field after the command's closing paren.
		f := strings.Fields(stat[strings.LastIndexByte(stat, ')')+1:])
		return len(f) > 1 && f[1] == strconv.Itoa(pid)
	})
}

// processesRunning lists the processes whose command line is cmdline.
func processesRunning(cmdline string) []int {
	return processesWhere("cmdline", func(b string) bool {
		return strings.TrimRight(strings.ReplaceAll(b, "\x00", " "), " ") == cmdline
	})
}

// -R NAME and -D -R NAME create a session called NAME when there is none,
// and resume it when there is.
func TestResumeOrCreateByName(t *testing.T) {
	for _, flags := range [][]string{{"-R"}, {"-D", "-R"}, {"-DR"}} {
		t.Run(strings.Join(flags, " "), func(t *testing.T) {
			e := newEnv(t)
			tm := e.attach(80, 24, append(flags, "proj")...)
			tm.waitText("$ ")
			if ls := e.ls(); !strings.Contains(ls, ".proj\t") {
				t.Fatalf("no session named proj:\n%s", ls)
			}
			tm.send("echo first-$((2*3))\r")
			tm.waitText("first-6")
			tm.send("\x01d")
			tm.waitExit()
			tm2 := e.attach(80, 24, append(flags, "proj")...)
			tm2.waitText("first-6")
			if n := strings.Count(e.ls(), ".proj\t"); n != 1 {
				t.Fatalf("%d sessions named proj", n)
			}
		})
	}
}

// A terminal that cannot move its cursor is refused, as screen does, before
// a session is made.
func TestDumbTerminalRefused(t *testing.T) {
	e := newEnv(t)
	e.env = append(e.env, "TERM=dumb")
	tm := e.attach(80, 24, "-S", "dumb")
	if code := tm.waitExit(); code != 1 || !strings.Contains(tm.text(), "cannot move the cursor") {
		t.Fatalf("status %d:\n%s", code, tm.text())
	}
	if ls := e.ls(); strings.Contains(ls, "dumb") {
		t.Fatalf("a session was made:\n%s", ls)
	}
}

// Lock files do not pile up: starting a session leaves none, and -wipe
// removes one nobody holds.
func TestLockFilesCleaned(t *testing.T) {
	e := newEnv(t)
	for _, name := range []string{"a", "b"} {
		e.startDetached(name, "sleep", "1000")
	}
	locks := func() []string {
		m, _ := filepath.Glob(filepath.Join(e.dir, ".*.lock"))
		return m
	}
	if l := locks(); len(l) != 0 {
		t.Fatalf("lock files left: %v", l)
	}
	os.WriteFile(filepath.Join(e.dir, ".old.lock"), nil, 0o600)
	e.run("-wipe")
	if l := locks(); len(l) != 0 {
		t.Fatalf("-wipe left lock files: %v", l)
	}
}

// Clients racing to start the same name make one session: the lock holds
// although each holder removes its lock file when done.
func TestRacingStartsMakeOneSession(t *testing.T) {
	e := newEnv(t)
	var wg sync.WaitGroup
	codes := make([]int, 10)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, codes[i] = e.run("-dmS", "same", "sleep", "1000")
		}()
	}
	wg.Wait()
	ok := 0
	for _, c := range codes {
		if c == 0 {
			ok++
		}
	}
	if n := strings.Count(e.ls(), ".same\t"); n != 1 || ok != 1 {
		t.Fatalf("%d sessions named same, %d starts succeeded", n, ok)
	}
}

// Hints name the command that does what was asked.
func TestHintsNameTheRightCommand(t *testing.T) {
	e := newEnv(t)
	for _, name := range []string{"dup", "dup2"} {
		e.startDetached(name, "sleep", "1000")
	}
	if out, _ := e.run("-S", "du", "-X", "info"); !strings.Contains(out, `"gmux -S [pid.]name -X command" to send a command to one of them`) {
		t.Errorf("-X with two matches: %q", out)
	}
	e.attach(80, 24, "-r", "dup2")
	waitFor(t, "dup2 attached", func() bool { return strings.Contains(e.ls(), ".dup2\t") && strings.Contains(e.ls(), "(Attached)") })
	out, code := e.run("-dmS", "dup2")
	if code == 0 || strings.Contains(out, "resume it") || !strings.Contains(out, "gmux -x dup2") {
		t.Errorf("-dmS of an attached name: %d %q", code, out)
	}
}

// gmux inside a session's window opens a window there (as screen does),
// unless -m asks for a new session.
func TestGmuxInsideSessionOpensWindow(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "outer")
	tm.send(gmuxBin + ` -t inner sh -c 'echo inner-$((2*4)) "$1"; exec sleep 100' sh '$HOME'` + "\r")
	tm.waitText("inner-8 $HOME") // the arguments as typed: not parsed by the session
	if out, _ := e.run("-S", "outer", "-X", "windows"); !strings.Contains(out, "1* inner") {
		t.Fatalf("windows: %q", out)
	}
	if n := strings.Count(e.ls(), "tached)"); n != 1 {
		t.Fatalf("%d sessions, want 1:\n%s", n, e.ls())
	}
}

// gmux -X and -Q typed in a window, without -S, go to that window's session
// ($GMUX, as screen's go to $STY's), however many sessions run.
func TestCommandFromWindowGoesToItsSession(t *testing.T) {
	e := newEnv(t)
	e.startDetached("other", "sleep", "1000")
	tm := startSession(t, e, "mine")
	tm.send(gmuxBin + " -X title from-inside; " + gmuxBin + " -Q title | sed 's/^/got-/'\r")
	tm.waitText("got-from-inside")
	if out, _ := e.run("-S", "other", "-Q", "title"); strings.Contains(out, "from-inside") {
		t.Fatalf("the other session got the command: %q", out)
	}
}

// -D -R is screen's power detach: the display taken over is detached and
// the shell that ran its client is hung up (logged out); -d -r only
// detaches it. -D NAME alone does the same without attaching.
func TestPowerDetachHangsUpTheOtherLogin(t *testing.T) {
	e := newEnv(t)
	for _, how := range [][]string{{"-D", "-R", "pd"}, {"-D", "pd2"}} {
		name := how[len(how)-1]
		a := e.startIn(80, 24, "bash", "--norc", "--noprofile", "-c", bashQuote(gmuxBin)+" -S "+name+" env PS1='$ ' bash --norc --noprofile; echo parent-alive-$((6*7)); sleep 100")
		a.waitText("$ ")
		if len(how) == 3 {
			b := e.attach(80, 24, how...)
			b.waitText("$ ")
		} else if out, code := e.run(how...); code != 0 || !strings.Contains(out, "power detached") {
			t.Fatalf("%v: %d %q", how, code, out)
		}
		a.waitExit()
		if strings.Contains(a.text(), "parent-alive-42") {
			t.Fatalf("%v: the other login was only detached:\n%s", how, a.text())
		}
	}
}

func bashQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
