package main

import (
	"encoding/base64"
	"fmt"
	"github.com/gmux/gmux/server/vt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Other builds of gmux, for upgrades: one that says it is a newer version,
// one older, and one that refuses the state format of this one. Each is a
// gmux-server, a complete gmux in one file (client and server), as every
// gmux was before the two binaries.
var (
	otherBuilds sync.Once
	newerGmux   string
	olderGmux   string
	pickyGmux   string
	faultyGmux  string
	buildErr    error
)

func buildOthers(t *testing.T) {
	t.Helper()
	otherBuilds.Do(func() {
		dir := filepath.Dir(gmuxBin)
		newerGmux, pickyGmux = filepath.Join(dir, "gmux-newer"), filepath.Join(dir, "gmux-picky")
		olderGmux, faultyGmux = filepath.Join(dir, "gmux-older"), filepath.Join(dir, "gmux-faulty")
		for _, b := range []struct{ out, ldflags string }{
			{newerGmux, "-X github.com/gmux/gmux/proto.versionStamp=v9.9.9"},
			{olderGmux, "-X github.com/gmux/gmux/proto.versionStamp=v1.0.0"},
			{faultyGmux, "-X github.com/gmux/gmux/proto.versionStamp=v9.9.8 -X github.com/gmux/gmux/server.takeoverFault=injected"},
			{pickyGmux, "-X github.com/gmux/gmux/proto.versionStamp=v10.0.0 -X github.com/gmux/gmux/server/handover.oldestReadable=99"},
		} {
			args := append([]string{"build"}, buildFlags...)
			args = append(args, "-ldflags", b.ldflags, "-o", b.out, "../gmux-server")
			if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
				buildErr = fmt.Errorf("build %s: %v\n%s", b.out, err, out)
				return
			}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
}

// upgradeScene is a session as the issue describes it: a counter job with
// 3000 lines of history behind it and a log file, a second titled window,
// and a client attached.
func upgradeScene(t *testing.T) (*env, *terminal, int, []int) {
	e := newEnv(t)
	tm, pid, kids := upgradeSceneIn(t, e)
	return e, tm, pid, kids
}

// upgradeSceneIn is upgradeScene in an environment of the test's.
func upgradeSceneIn(t *testing.T, e *env) (*terminal, int, []int) {
	e.startDetached("up", "-h", "5000", "bash", "-c",
		`seq -f "hist %g" 3000; i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 0.01; done`)
	e.run("-S", "up", "-p", "0", "-X", "log", "on")
	e.run("-S", "up", "-X", "screen", "-t", "editor")
	tm := e.attach(80, 24, "-x", "up")
	tm.waitText("$ ")
	tm.send("echo before-$((6*7))\r")
	tm.waitText("before-42")
	pid := serverPID(t, e)
	kids := sortedChildren(pid)
	if len(kids) != 2 {
		t.Fatalf("server %d has children %v, want the two programs", pid, kids)
	}
	return tm, pid, kids
}

// A live upgrade keeps the programs (same PIDs, still the server's
// children), history, titles, the log and the attached client.
func TestUpgradeKeepsTheSession(t *testing.T) {
	buildOthers(t)
	e, tm, pid, kids := upgradeScene(t)
	// A binding, the paste buffer and a setting, to find again.
	e.run("-S", "up", "-X", "bind", "E", "echo", "from-a-binding")
	e.run("-S", "up", "-X", "register", ".", "in-the-buffer")
	e.run("-S", "up", "-X", "autoupgrade", "off")
	// A line entered at C-a :, for its history.
	tm.send("\x01:echo typed-at-the-prompt\r")
	tm.waitMatch(`(?m)^typed-at-the-prompt`) // run: the message, not the prompt
	// A hyperlink on the screen, to be drawn again after.
	const link = "\x1b]8;id=up;https://example.com/up\x1b\\"
	links := func() int { return strings.Count(tm.rawOutput(), link+"LINKED") }
	tm.send(`printf '\e]8;id=up;https://example.com/up\e\\LINKED\e]8;;\e\\\n'` + "\r")
	waitFor(t, "a hyperlink before the upgrade", func() bool { return links() == 1 })
	out, code := e.run("-S", "up", "-X", "upgrade", newerGmux)
	if code != 0 || !strings.Contains(out, "now runs gmux v9.9.9") {
		t.Fatalf("upgrade: %d %q", code, out)
	}
	if exe, _ := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid)); exe != newerGmux {
		t.Fatalf("server %d runs %s, want %s", pid, exe, newerGmux)
	}
	if got := sortedChildren(pid); !slices.Equal(got, kids) {
		t.Fatalf("children after the upgrade %v, before %v", got, kids)
	}
	// The client is still attached, and typing reaches the program.
	tm.send("echo after-$((6*8))\r")
	tm.waitText("after-48")
	if ls := e.ls(); !strings.Contains(ls, "(Attached)") {
		t.Fatalf("-ls after the upgrade:\n%s", ls)
	}
	if out, _ := e.run("-S", "up", "-Q", "windows"); !strings.Contains(out, "editor") {
		t.Fatalf("windows after the upgrade: %q", out)
	}
	n := links()
	tm.send("\x01l")
	waitFor(t, "the hyperlink drawn again after the upgrade", func() bool { return links() > n })
	tm.send("\x01E")
	tm.waitText("from-a-binding")
	tm.send("\x01:\x1b[A")
	tm.waitText(":echo typed-at-the-prompt")
	tm.send("\x1b")
	waitFor(t, "the prompt closed", func() bool { return !strings.Contains(tm.text(), ":echo typed-at-the-prompt") })
	if b := e.pasteBuffer("up"); b != "in-the-buffer" {
		t.Fatalf("paste buffer after the upgrade: %q", b)
	}
	if out, _ := e.run("-S", "up", "-Q", "autoupgrade"); !strings.Contains(out, "autoupgrade off") {
		t.Fatalf("setting after the upgrade: %q", out)
	}
	// A program may still copy (OSC 52): that is allowed per emulator,
	// outside the screen's state.
	tm.send(`printf '\e]52;c;%s\a' "$(printf after-upgrade | base64)"` + "\r")
	waitFor(t, "a program's copy after the upgrade", func() bool {
		return strings.Contains(tm.rawOutput(), "\x1b]52;c;"+base64.StdEncoding.EncodeToString([]byte("after-upgrade"))+"\a")
	})
	// And standout is still drawn as screen draws it (also outside the
	// screen's state).
	tm.send("tput smso; printf 'UPGRADED%s' SO; tput rmso; echo\r")
	tm.waitText("UPGRADEDSO")
	if a, _ := attrOf(tm, "UPGRADEDSO"); a&vt.Reverse == 0 {
		t.Fatalf("standout after the upgrade shown with %b", a)
	}
	// The counter went on with nothing lost, and its history is whole.
	hc := filepath.Join(e.home, "hc")
	var text string
	waitFor(t, "ticks after the upgrade in hardcopy -h", func() bool {
		e.run("-S", "up", "-p", "0", "-X", "hardcopy", "-h", hc)
		b, _ := os.ReadFile(hc)
		text = string(b)
		return strings.Count(text, "tick ") > 300
	})
	for i := 1; i <= 3000; i++ {
		if !strings.Contains(text, fmt.Sprintf("hist %d\n", i)) {
			t.Fatalf("hardcopy -h lacks history line %d", i)
		}
	}
	checkCounted(t, "hardcopy", text, "tick ")
	// The log file stayed open and goes on.
	logged, _ := os.ReadFile(filepath.Join(e.home, "gmuxlog.0"))
	waitFor(t, "the log to grow", func() bool {
		b, _ := os.ReadFile(filepath.Join(e.home, "gmuxlog.0"))
		return len(b) > len(logged)+100
	})
	b, _ := os.ReadFile(filepath.Join(e.home, "gmuxlog.0"))
	checkCounted(t, "log", string(b), "tick ")
	// And back and forth: each server numbers the clients it accepts on
	// from those it took over (a repeated id once sent the reply to the
	// attached client instead of the one that asked).
	for i, bin := range []string{gmuxBin, newerGmux, gmuxBin, newerGmux, gmuxBin} {
		if out, code := e.run("-S", "up", "-X", "upgrade", bin); code != 0 || !strings.Contains(out, "now runs") {
			t.Fatalf("upgrade %d: %d %q", i, code, out)
		}
	}
	tm.send("echo back-$((6*9))\r")
	tm.waitText("back-54")
}

// checkCounted fails unless the numbered lines with prefix in text run on
// without a gap or a repeat.
func checkCounted(t *testing.T, what, text, prefix string) (first, last int) {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		rest, ok := strings.CutPrefix(strings.TrimRight(line, "\r "), prefix)
		if !ok {
			continue
		}
		n, err := strconv.Atoi(rest)
		if err != nil {
			continue
		}
		if first == 0 {
			first = n
		}
		if last != 0 && n != last+1 {
			t.Fatalf("%s: %s%d follows %s%d", what, prefix, n, prefix, last)
		}
		last = n
	}
	if last == 0 {
		t.Fatalf("%s: no %q lines", what, prefix)
	}
	return first, last
}

// An upgrade to something that cannot take the session leaves it as it
// was, says why, and fails.
func TestUpgradeRefusedLeavesTheSession(t *testing.T) {
	buildOthers(t)
	e, tm, pid, kids := upgradeScene(t)
	exe, _ := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid))
	script := filepath.Join(e.home, "exit1")
	os.WriteFile(script, []byte("#!/bin/sh\necho starting\nexit 1\n"), 0o755)
	for _, c := range []struct{ path, want string }{
		{"/bin/false", "exit status 1"},
		{script, "exit status 1"},
		{pickyGmux, "this gmux reads formats 99 to"},
		// Passes the trial, fails taking over: the old binary takes it back.
		{faultyGmux, "failed taking the session over: takeoverFault: injected"},
		{filepath.Join(e.home, "missing"), "no such file"},
	} {
		out, code := e.run("-S", "up", "-X", "upgrade", c.path)
		if code == 0 || !strings.Contains(out, "goes on") || !strings.Contains(out, c.want) {
			t.Fatalf("upgrade to %s: %d %q, want a failure naming %q", c.path, code, out, c.want)
		}
		if now, _ := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid)); now != exe {
			t.Fatalf("after a refused upgrade the server runs %s", now)
		}
		if got := sortedChildren(pid); !slices.Equal(got, kids) {
			t.Fatalf("children %v, before %v", got, kids)
		}
	}
	tm.send("echo still-$((6*7+1))\r")
	tm.waitText("still-43")
}

// Under load: a window flooding its output and a client typing while the
// session is handed over lose no byte and no keystroke.
func TestUpgradeUnderLoad(t *testing.T) {
	buildOthers(t)
	e := newEnv(t)
	// The flood starts once the log is on, and goes on through the upgrades.
	e.startDetached("load", "bash", "-c", `while [ ! -e go ]; do sleep 0.05; done; seq -f "flood %g" 200000; echo flood-done; sleep 600`)
	e.run("-S", "load", "-p", "0", "-X", "log", "on")
	typed := filepath.Join(e.home, "typed")
	e.run("-S", "load", "-X", "screen", "-t", "typing", "sh", "-c", "stty -echo; cat > "+typed)
	tm := e.attach(80, 24, "-x", "load")
	waitFor(t, "the client to attach", func() bool { return strings.Contains(e.ls(), "(Attached)") })
	os.WriteFile(filepath.Join(e.home, "go"), nil, 0o600)
	var sent strings.Builder
	stop := make(chan struct{})
	typing := make(chan struct{})
	go func() { // typed at the client while the upgrades run
		defer close(typing)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			line := fmt.Sprintf("key %d\n", i)
			sent.WriteString(line)
			tm.send(line)
			time.Sleep(2 * time.Millisecond)
		}
	}()
	for i, bin := range []string{newerGmux, gmuxBin, newerGmux} {
		if out, code := e.run("-S", "load", "-X", "upgrade", bin); code != 0 {
			close(stop)
			logText, _ := os.ReadFile(serverLog(t, e))
			t.Fatalf("upgrade %d: %d %q\nserver log:\n%s", i, code, out, logText)
		}
	}
	close(stop)
	<-typing
	logPath := filepath.Join(e.home, "gmuxlog.0")
	waitFor(t, "the flood to end", func() bool {
		e.run("-S", "load", "-p", "0", "-X", "logfile", "flush", "0") // written at once
		b, _ := os.ReadFile(logPath)
		return strings.Contains(string(b), "flood-done")
	})
	b, _ := os.ReadFile(logPath)
	if first, last := checkCounted(t, "log", string(b), "flood "); first != 1 || last != 200000 {
		logText, _ := os.ReadFile(serverLog(t, e))
		t.Fatalf("the log's flood lines run from %d to %d, want 1 to 200000\nserver log:\n%s", first, last, logText)
	}
	want := sent.String()
	waitFor(t, "every key to reach the program", func() bool {
		got, _ := os.ReadFile(typed)
		return len(got) >= len(want)
	})
	if got, _ := os.ReadFile(typed); string(got) != want {
		t.Fatalf("typed %d bytes, the program read %d; first difference at %d", len(want), len(got), firstDiff(string(got), want))
	}
}

func firstDiff(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func sortedChildren(pid int) []int {
	kids := childrenOf(pid)
	slices.Sort(kids)
	return kids
}

// gmux -upgrade moves every session to the binary it runs as, with a line
// for each and a summary.
func TestUpgradeEverySession(t *testing.T) {
	buildOthers(t)
	e := newEnv(t)
	e.startDetached("one", "sleep", "600")
	e.startDetached("two", "sleep", "600")
	cmd := exec.Command(newerGmux, "-upgrade")
	cmd.Env, cmd.Dir = e.env, e.home
	out, err := cmd.CombinedOutput()
	if err != nil || strings.Count(string(out), "now runs gmux v9.9.9") != 2 || !strings.Contains(string(out), "2 of 2 sessions now run") {
		t.Fatalf("gmux -upgrade: %v\n%s", err, out)
	}
	if strings.Count(string(out), ".one") != 1 { // each session named once
		t.Fatalf("gmux -upgrade names a session more than once:\n%s", out)
	}
	if ls := e.ls(); strings.Count(ls, "(Detached)") != 2 {
		t.Fatalf("-ls after -upgrade:\n%s", ls)
	}
	out2, code := e.run("-S", "one", "-Q", "sessioninfo")
	if code != 0 || !strings.Contains(out2, "v9.9.9") {
		t.Fatalf("sessioninfo after -upgrade: %d %s", code, out2)
	}
}

// gmux -r with a newer gmux offers to move the session to it first
// (autoupgrade ask, the default); with autoupgrade off it does not.
func TestAttachOffersUpgrade(t *testing.T) {
	buildOthers(t)
	e := newEnv(t)
	for _, name := range []string{"asked", "left"} {
		cmd := exec.Command(olderGmux, "-dmS", name)
		cmd.Env, cmd.Dir = e.env, e.home
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("start %s with the older gmux: %v %s", name, err, out)
		}
	}
	e.run("-S", "left", "-X", "autoupgrade", "off")
	version := func(name string) string {
		out, _ := e.run("-S", name, "-Q", "sessioninfo")
		return out
	}
	tm := e.startIn(100, 24, newerGmux, "-r", "asked")
	tm.waitText("runs gmux v1.0.0; this is gmux v9.9.9. Move it to this gmux first")
	tm.send("y\r")
	tm.waitText("$ ")
	if v := version("asked"); !strings.Contains(v, `"version":"v9.9.9"`) {
		t.Fatalf("after yes: %s", v)
	}
	tm2 := e.startIn(100, 24, newerGmux, "-r", "left")
	tm2.waitText("$ ")
	if strings.Contains(tm2.rawOutput(), "Move it") {
		t.Fatalf("autoupgrade off asked:\n%s", tm2.rawOutput())
	}
	if v := version("left"); !strings.Contains(v, `"version":"v1.0.0"`) {
		t.Fatalf("autoupgrade off moved the session: %s", v)
	}
}

// A locked display stays locked through an upgrade: it is not a way in.
func TestUpgradeKeepsALockedDisplayLocked(t *testing.T) {
	e := newEnv(t)
	tm := attachWithPassword(t, e, "lk", "s3cret")
	tm.send("echo visible-$((1+1))\r")
	tm.waitText("visible-2")
	tm.send("\x01x")
	tm.waitText("session lk is locked")
	if out, code := e.run("-S", "lk", "-X", "upgrade", gmuxBin); code != 0 {
		t.Fatalf("upgrade: %d %q", code, out)
	}
	tm.send("echo typed-$((3+3))\r") // at the lock: a wrong password, not a command
	tm.waitText("Password incorrect.")
	if strings.Contains(tm.text(), "visible-2") || strings.Contains(tm.text(), "typed-6") {
		t.Fatalf("the display came back unlocked:\n%s", tm.text())
	}
	waitFor(t, "the password to be taken", func() bool {
		tm.send("s3cret\r")
		time.Sleep(200 * time.Millisecond)
		return strings.Contains(tm.text(), "visible-2")
	})
}

// A client attached over ssh (its stream handed to the server by the far
// proxy) rides through an upgrade without noticing: no reconnect.
func TestUpgradeKeepsARemoteClient(t *testing.T) {
	buildOthers(t)
	e := newEnv(t)
	sshd := startSSHD(t, e)
	relay := startRelay(t, sshd.port)
	e.startDetached("far")
	var tm *terminal
	withEnv(e, remoteEnv(e, sshd, relay.port()), func() { tm = e.attach(80, 24, "-r", farHost+":far") })
	tm.waitText("$ ")
	tm.send("echo before-$((1+1))\r")
	tm.waitText("before-2")
	if out, code := e.run("-S", "far", "-X", "upgrade", newerGmux); code != 0 {
		logText, _ := os.ReadFile(serverLog(t, e))
		t.Fatalf("upgrade: %d %q\nserver log:\n%s", code, out, logText)
	}
	tm.send("echo after-$((2+2))\r")
	tm.waitText("after-4")
	if strings.Contains(tm.rawOutput(), "lost") {
		t.Fatalf("the remote client lost its link in the upgrade:\n%s", tm.text())
	}
}
