package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gmux/gmux/proto"
)

// Round three of the hardening tests: what a hostile program in a window,
// a hostile far side and a second local user found. Each names the hole it
// guards.

// A title is the program's choice: put into a log's name (%t), it cannot
// take the log out of its directory onto another file of the user's.
func TestLogNameFromTitleStaysInItsDirectory(t *testing.T) {
	e := newEnv(t)
	logs := filepath.Join(e.home, "logs")
	os.Mkdir(logs, 0o700)
	victim := filepath.Join(e.home, "victim")
	os.WriteFile(victim, []byte("precious\n"), 0o600)
	e.startDetached("lt", "bash", "-c", `printf '\e]2;../victim\a'; while :; do echo logged-line; sleep 0.1; done`)
	waitFor(t, "the program's title", func() bool {
		out, _ := e.run("-S", "lt", "-Q", "title")
		return out == "../victim\n"
	})
	if out, code := e.run("-S", "lt", "-X", "logfile", filepath.Join(logs, "%t")); code != 0 {
		t.Fatalf("logfile: %d %s", code, out)
	}
	e.run("-S", "lt", "-X", "logfile", "flush", "0")
	if out, code := e.run("-S", "lt", "-X", "log", "on"); code != 0 {
		t.Fatalf("log on: %d %s", code, out)
	}
	waitFor(t, "the log in its directory", func() bool {
		b, _ := os.ReadFile(filepath.Join(logs, ".._victim"))
		return len(b) > 0
	})
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Fatalf("the log went onto another file: %q", b)
	}
}

// A descriptor the starting shell left open (exec 7<secret) reaches neither
// the server nor any window; and after a live upgrade, a new window does
// not inherit the other windows' terminals or the clients' connections.
func TestWindowsGetOnlyStandardDescriptors(t *testing.T) {
	buildOthers(t)
	e := newEnv(t)
	secret := filepath.Join(e.home, "secret")
	os.WriteFile(secret, []byte("key\n"), 0o600)
	fds := func(name string) string { return filepath.Join(e.home, name) }
	// ls alone: a pipeline would show bash's own pipe.
	list := `ls /proc/$$/fd > `
	start := exec.Command("bash", "-c", `exec 7<"$0"; exec "$1" -dmS fd bash -c "$2; sleep 1000"`, secret, gmuxBin, list+fds("first"))
	start.Env, start.Dir = e.env, e.home
	if out, err := start.CombinedOutput(); err != nil {
		t.Fatalf("start: %v %s", err, out)
	}
	e.attach(80, 24, "-x", "fd") // a client's connection and terminal too
	waitFor(t, "the client attached", func() bool { return strings.Contains(e.ls(), "Attached") })
	waitFor(t, "the first window's descriptors", func() bool { return fileHas(fds("first"), "\n") })
	if got := strings.Fields(readFile(fds("first"))); !slices.Equal(got, []string{"0", "1", "2"}) {
		t.Errorf("the first window has descriptors %q, want 0 1 2", got)
	}
	pid := serverPID(t, e)
	if links := descriptorsTo(pid, secret); len(links) > 0 {
		t.Errorf("the server holds the starting shell's descriptor %v", links)
	}
	if out, code := e.run("-S", "fd", "-X", "upgrade", newerGmux); code != 0 {
		t.Fatalf("upgrade: %d %q", code, out)
	}
	if out, code := e.run("-S", "fd", "-X", "screen", "bash", "-c", list+fds("after")+"; sleep 1000"); code != 0 {
		t.Fatalf("new window: %d %q", code, out)
	}
	waitFor(t, "the new window's descriptors", func() bool { return fileHas(fds("after"), "\n") })
	if got := strings.Fields(readFile(fds("after"))); !slices.Equal(got, []string{"0", "1", "2"}) {
		t.Errorf("a window made after an upgrade has descriptors %q, want 0 1 2", got)
	}
}

func readFile(path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}

func fileHas(path, s string) bool { return strings.Contains(readFile(path), s) }

// descriptorsTo lists process pid's descriptors open on path.
func descriptorsTo(pid int, path string) []string {
	dir := fmt.Sprintf("/proc/%d/fd", pid)
	entries, _ := os.ReadDir(dir)
	var found []string
	for _, ent := range entries {
		if target, err := os.Readlink(filepath.Join(dir, ent.Name())); err == nil && target == path {
			found = append(found, ent.Name())
		}
	}
	return found
}

// -X upgrade with a relative path names a file from the caller's directory,
// never from the server's: a session started in a shared directory (cd
// /tmp; gmux) must not run the gmux-server someone else put there.
func TestUpgradePathIsTheCallers(t *testing.T) {
	buildOthers(t)
	e := newEnv(t)
	shared := filepath.Join(e.home, "shared")
	os.Mkdir(shared, 0o777)
	pwned := filepath.Join(e.home, "pwned")
	planted := "#!/bin/sh\ntouch " + pwned + "\n"
	os.WriteFile(filepath.Join(shared, "gmux-server"), []byte(planted), 0o755)
	start := exec.Command(gmuxBin, "-dmS", "rel", "sleep", "1000")
	start.Env, start.Dir = e.env, shared
	if out, err := start.CombinedOutput(); err != nil {
		t.Fatalf("start in the shared directory: %v %s", err, out)
	}
	// From the caller's directory, which has no such file: refused.
	if out, code := e.run("-S", "rel", "-X", "upgrade", "./gmux-server"); code == 0 {
		t.Fatalf("upgrade to a file the caller does not have: %q", out)
	}
	if _, err := os.Stat(pwned); err == nil {
		t.Fatal("upgrade ran the file in the server's directory")
	}
	// The caller's own file is the one taken.
	if b, err := os.ReadFile(newerGmux); err != nil || os.WriteFile(filepath.Join(e.home, "gmux-server"), b, 0o755) != nil {
		t.Fatal("copy the newer build", err)
	}
	if out, code := e.run("-S", "rel", "-X", "upgrade", "./gmux-server"); code != 0 || !strings.Contains(out, "now runs") {
		t.Fatalf("upgrade to the caller's ./gmux-server: %d %q", code, out)
	}
	if exe, _ := os.Readlink(fmt.Sprintf("/proc/%d/exe", serverPID(t, e))); exe != filepath.Join(e.home, "gmux-server") {
		t.Fatalf("the server runs %s", exe)
	}
}

// An rc path that would block (a FIFO nobody writes) is refused at once,
// and the session goes on answering; before, the whole session froze.
func TestSourceFIFORefused(t *testing.T) {
	e := newEnv(t)
	e.startDetached("ff", "sleep", "1000")
	fifo := filepath.Join(e.home, "rc.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan string, 1)
	go func() {
		out, _ := e.run("-S", "ff", "-X", "source", fifo)
		done <- out
	}()
	select {
	case out := <-done:
		if !strings.Contains(out, "not a regular file") {
			t.Fatalf("source of a FIFO: %q", out)
		}
	case <-time.After(5 * time.Second):
		os.WriteFile(fifo, nil, 0) // let the server go on
		t.Fatal("source of a FIFO froze the session")
	}
	if out, code := e.run("-S", "ff", "-Q", "windows"); code != 0 {
		t.Fatalf("the session after: %d %q", code, out)
	}
	// /dev/null is the one device an rc may be (gmux -c /dev/null, as
	// screen's and tmux's): no config, no error.
	if out, code := e.run("-S", "ff", "-X", "source", "/dev/null"); code != 0 {
		t.Fatalf("source /dev/null: %d %q", code, out)
	}
}

// A session renamed (sessionname) or live-upgraded still leaves no log
// behind after a clean end, and while it runs its log is where -ls and
// -wipe look for it: under its current name.
func TestLogFollowsRenameAndUpgrade(t *testing.T) {
	buildOthers(t)
	e := newEnv(t)
	logs := func() []string {
		m, _ := filepath.Glob(filepath.Join(e.dir, ".*.log"))
		return m
	}
	e.startDetached("old", "sleep", "1000")
	if out, code := e.run("-S", "old", "-X", "sessionname", "new"); code != 0 {
		t.Fatalf("sessionname: %d %q", code, out)
	}
	if got, want := logs(), []string{serverLog(t, e)}; !slices.Equal(got, want) {
		t.Fatalf("logs after the rename %q, want %q", got, want)
	}
	if out, code := e.run("-S", "new", "-X", "quit"); code != 0 {
		t.Fatalf("quit: %d %q", code, out)
	}
	waitFor(t, "the renamed session's log to go", func() bool { return len(logs()) == 0 })

	e.startDetached("up", "sleep", "1000")
	if out, code := e.run("-S", "up", "-X", "upgrade", newerGmux); code != 0 {
		t.Fatalf("upgrade: %d %q", code, out)
	}
	if out, code := e.run("-S", "up", "-X", "quit"); code != 0 {
		t.Fatalf("quit: %d %q", code, out)
	}
	waitFor(t, "the upgraded session's log to go", func() bool { return len(logs()) == 0 })
}

// A window stopped with C-s (flow on) stays stopped across a live upgrade,
// and what it held comes when C-q does: the upgrade neither lets it run
// nor loses its output.
func TestUpgradeKeepsFlowControl(t *testing.T) {
	buildOthers(t)
	e := newEnv(t)
	tm := startSession(t, e, "fl")
	if out, code := e.run("-S", "fl", "-X", "flow", "on"); code != 0 {
		t.Fatalf("flow on: %d %q", code, out)
	}
	tm.send("\x13echo held-$((1+1))\r")
	if out, code := e.run("-S", "fl", "-X", "upgrade", newerGmux); code != 0 {
		t.Fatalf("upgrade: %d %q", code, out)
	}
	time.Sleep(300 * time.Millisecond) // a negative: the output must not come
	if strings.Contains(tm.text(), "held-2") {
		t.Fatalf("the stopped window ran on after the upgrade:\n%s", tm.text())
	}
	tm.send("\x11")
	tm.waitText("held-2")
}

// gmux -r or -x typed in one of the session's own windows is refused, as
// screen refuses it ("Attaching from inside of screen?"): the session
// would draw itself in itself for ever. Another session may still be
// attached from inside this one.
func TestAttachFromInsideRefused(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "in")
	e.startDetached("other", "bash", "-c", "echo other-$((6*7)); sleep 1000")
	for i, how := range []string{"-x in", "-d -r in", "-D -R in"} {
		tm.send(fmt.Sprintf("clear; %s %s; echo try-%d-status-$?\r", gmuxBin, how, i))
		tm.waitMatch(fmt.Sprintf(`(?s)inside of gmux.*try-%d-status-1`, i))
	}
	tm.send("clear; " + gmuxBin + " -r other\r")
	tm.waitText("other-42")
}

// A client killed outright (kill -9) cannot restore its terminal; the
// server, which holds it, does, as tmux's does: main screen, cursor shown,
// mouse, keypad and bracketed paste off.
func TestTerminalRestoredAfterClientKill(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "k9")
	tm.send(`printf '\033[?1049h\033[?1000h\033[?1006h\033[?2004h\033[?25l\033[?1h\033=alt-on\n'; sleep 1000` + "\r")
	tm.waitText("alt-on")
	waitFor(t, "the modes on the outer terminal", func() bool { return tm.programModes() != "" })
	tm.cmd.Process.Kill()
	waitFor(t, "the terminal restored after kill -9", func() bool { return tm.programModes() == "" })
	waitFor(t, "the session detached", func() bool { return strings.Contains(e.ls(), "Detached") })
}

// A hostile far side (the host of a remote session, or whatever answers
// for it) writes only the session's screen on the local terminal: what it
// says when the client is not drawing for it (-ls and -X output, ssh's
// stderr, a welcome's error, detach and exit texts) has its controls made
// visible, and its power detach ends the client without hanging up the
// local shell.
func TestHostileFarSide(t *testing.T) {
	e := newEnv(t)
	hostile := "\x1b]0;pwned\a\x1b[2J$ fake-prompt"
	// fakeSSH is an ssh whose far side writes stream, and hostile on stderr.
	fakeSSH := func(name string, stream []byte) []string {
		data := filepath.Join(e.home, name+".out")
		os.WriteFile(data, stream, 0o600)
		os.WriteFile(data+".err", []byte(hostile+"\n"), 0o600)
		script := filepath.Join(e.home, name)
		os.WriteFile(script, []byte("#!/bin/sh\ncat "+data+".err >&2\ncat "+data+"\nexec cat >/dev/null\n"), 0o755)
		return []string{"GMUX_SSH_COMMAND=" + script}
	}
	clean := func(what, out string) {
		t.Helper()
		if strings.Contains(out, "\x1b]0;pwned") || strings.Contains(out, "\x1b[2J$ fake") {
			t.Errorf("%s: the far side's escapes reached the terminal: %q", what, out)
		}
	}
	withEnv(e, fakeSSH("ls", []byte(hostile+"\n")), func() {
		out, _ := e.run("-ls", "far:")
		clean("-ls far:", out)
		if !strings.Contains(out, "fake-prompt") {
			t.Errorf("-ls far: lost the far side's text: %q", out)
		}
	})
	frames := func(fs ...[]byte) []byte { return slices.Concat(append([][]byte{[]byte(proto.ProxyMagic)}, fs...)...) }
	welcome := func(w proto.Welcome) []byte { return proto.AppendFrame(nil, proto.TypeWelcome, proto.EncodeWelcome(w)) }
	ok := welcome(proto.Welcome{Session: "1.x"})
	for _, c := range []struct {
		name   string
		stream []byte
	}{
		{"welcome", frames(welcome(proto.Welcome{Error: hostile}))},
		{"detach", frames(ok, proto.AppendFrame(nil, proto.TypeDetach, []byte(hostile)))},
		{"exit", frames(ok, proto.AppendFrame(nil, proto.TypeExit, proto.EncodeJSON(proto.Exit{Reason: hostile})))},
		{"powerdetach", frames(ok, proto.AppendFrame(nil, proto.TypePowerDetach, []byte(hostile)))},
	} {
		var tm *terminal
		withEnv(e, fakeSSH(c.name, c.stream), func() {
			tm = e.startIn(80, 24, "bash", "--norc", "--noprofile", "-c", gmuxBin+" -r far:x; echo parent-alive-$((6*7)); sleep 100")
		})
		tm.waitText("parent-alive-42") // a far side's power detach did not hang up the local shell
		clean(c.name, tm.rawOutput())
	}
}
