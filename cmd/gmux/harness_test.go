package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/gmux/gmux/server/vt"
)

// The end-to-end tests drive the real gmux binary in a real PTY, with their
// own socket directory, and read the client's terminal through an emulator.

var (
	gmuxBin    string
	buildFlags []string
)

func TestMain(m *testing.M) {
	// A power detach hangs up the process that started the client: for a
	// client a test starts itself, that is the test binary. Caught here
	// (not ignored, which the programs would inherit), it is told instead
	// of ending the run; the tests of power detach start their clients
	// from a shell of their own.
	hangups := make(chan os.Signal, 1)
	signal.Notify(hangups, syscall.SIGHUP)
	go func() {
		for range hangups {
			fmt.Fprintln(os.Stderr, "gmux tests: SIGHUP to the test binary (a power detach of a client it started)")
		}
	}()
	dir, err := os.MkdirTemp("", "gmux-bin")
	if err != nil {
		panic(err)
	}
	os.Chmod(dir, 0o755) // a test runs it as another user too
	// gmux and, beside it, the gmux-server it starts.
	gmuxBin = filepath.Join(dir, "gmux")
	args := append([]string{"build"}, buildFlags...)
	args = append(args, "-o", dir+"/", ".", "../gmux-server")
	if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build gmux: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// env is one test's private world: a socket directory and the environment
// every gmux it runs gets.
type env struct {
	t    *testing.T
	dir  string
	home string // also the working directory of every gmux run
	env  []string
}

// newEnv is a test's own world. Worlds share nothing, so the tests that
// have them run side by side (go test -parallel): they spend most of their
// time waiting on programs, and the suite is several times faster so.
func newEnv(t *testing.T) *env {
	t.Helper()
	t.Parallel()
	return newWorld(t)
}

// newSerialEnv is newEnv for a test that must run alone: one that measures
// time (latency, a flood's length, a heartbeat's) or memory, or looks at
// every process on the machine. Go runs such tests before the parallel ones,
// one at a time.
func newSerialEnv(t *testing.T) *env {
	t.Helper()
	return newWorld(t)
}

func newWorld(t *testing.T) *env {
	t.Helper()
	// Socket paths are limited to 107 bytes: keep the directory short.
	base, err := os.MkdirTemp("", "gm")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(base, "s")
	// New windows run the shell: a bash without rc files, prompt "$ ".
	shell := filepath.Join(base, "tsh")
	if err := os.WriteFile(shell, []byte("#!/bin/sh\nexec bash --norc --noprofile \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	// screen's startup message is not what the tests look at: off, in the
	// system rc (a test of its own turns it on).
	if err := os.WriteFile(filepath.Join(base, "sysrc"), []byte("startup_message off\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, dir: dir, home: base, env: []string{
		"GMUX_SOCKET_DIR=" + dir,
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + base,
		// The machine's /etc/gmuxrc is not this test's business, nor is the
		// user's systemd manager: no bus, so no scope is made.
		"SYSGMUXRC=" + filepath.Join(base, "sysrc"),
		"DBUS_SESSION_BUS_ADDRESS=unix:path=" + filepath.Join(base, "no-user-bus"),
		"DBUS_SYSTEM_BUS_ADDRESS=unix:path=" + filepath.Join(base, "no-system-bus"),
		"TERM=xterm-256color",
		"LANG=C.UTF-8",
		"SHELL=" + shell,
		"PS1=$ ",
	}}
	t.Cleanup(func() {
		e.killServers()
		os.RemoveAll(base)
	})
	return e
}

// killServers ends the servers this test started (found by PID in their
// socket names), and nothing else.
func (e *env) killServers() {
	var pids []int
	entries, _ := os.ReadDir(e.dir)
	for _, ent := range entries {
		pidStr, _, ok := strings.Cut(ent.Name(), ".")
		pid, err := strconv.Atoi(pidStr)
		if !ok || err != nil || strings.HasPrefix(ent.Name(), ".") {
			continue
		}
		pids = append(pids, pid)
	}
	// A session a live upgrade's keeper took back is served by the keeper,
	// whose PID is not the one in the socket's name: found by the socket
	// directory in its environment, which only this test's servers have.
	pids = append(pids, processesWhere("environ", func(env string) bool {
		return slices.Contains(strings.Split(env, "\x00"), "GMUX_SOCKET_DIR="+e.dir) && isServer(env)
	})...)
	for _, pid := range pids {
		syscall.Kill(pid, syscall.SIGTERM)
		deadline := time.Now().Add(3 * time.Second)
		for alive(pid) && !isZombie(pid) && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		syscall.Kill(pid, syscall.SIGKILL)
	}
}

// isServer reports whether a process's environment is a session server's:
// the server clears its environment for the client's, and sets none of
// the variables a window's program gets ($GMUX among them).
func isServer(environ string) bool {
	return !strings.Contains("\x00"+environ, "\x00GMUX=")
}

// run runs gmux without a terminal and returns its output and exit status.
func (e *env) run(args ...string) (string, int) {
	e.t.Helper()
	cmd := exec.Command(gmuxBin, args...)
	cmd.Env, cmd.Dir = e.env, e.home
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		e.t.Fatalf("run gmux %v: %v", args, err)
	}
	return string(out), code
}

// startDetached starts session name running argv (the shell if none) with
// -dmS, and fails the test if it does not start.
func (e *env) startDetached(name string, argv ...string) {
	e.t.Helper()
	if _, code := e.run(append([]string{"-dmS", name}, argv...)...); code != 0 {
		e.t.Fatal("start failed")
	}
}

// serverLog returns the path of the log of the one session in e.
// pasteBuffer returns what session's paste buffer holds (writebuf).
func (e *env) pasteBuffer(session string) string {
	e.t.Helper()
	path := filepath.Join(e.home, "pastebuffer")
	os.Remove(path)
	if out, code := e.run("-S", session, "-X", "writebuf", path); code != 0 {
		e.t.Fatalf("writebuf: %d %s", code, out)
	}
	b, _ := os.ReadFile(path)
	return string(b)
}

func serverLog(t *testing.T, e *env) string {
	t.Helper()
	return filepath.Join(e.dir, "."+filepath.Base(socketOf(t, e))+".log")
}

// sessions returns -ls output.
func (e *env) ls() string {
	out, _ := e.run("-ls")
	return out
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// terminal is a gmux client running in a PTY, its output read into an emulator.
type terminal struct {
	t        *testing.T
	cmd      *exec.Cmd
	pty      *os.File
	mu       sync.Mutex
	screen   *vt.Screen
	raw      bytes.Buffer
	done     chan struct{} // closed when the client has exited
	readDone chan struct{} // closed when its output has all been read
	code     int
}

func (e *env) attach(cols, rows int, args ...string) *terminal {
	e.t.Helper()
	return e.startIn(cols, rows, gmuxBin, args...)
}

// startIn runs a program in a new terminal of the given size.
func (e *env) startIn(cols, rows int, path string, args ...string) *terminal {
	e.t.Helper()
	cmd := exec.Command(path, args...)
	cmd.Env, cmd.Dir = e.env, e.home
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		e.t.Fatal(err)
	}
	tm := &terminal{t: e.t, cmd: cmd, pty: f, screen: vt.New(cols, rows, 1000), done: make(chan struct{}), readDone: make(chan struct{})}
	go tm.read()
	go tm.wait()
	e.t.Cleanup(func() {
		cmd.Process.Kill()
		f.Close()
		<-tm.done
	})
	return tm
}

func (tm *terminal) read() {
	defer close(tm.readDone)
	buf := make([]byte, 64<<10)
	for {
		n, err := tm.pty.Read(buf)
		if n > 0 {
			tm.mu.Lock()
			tm.screen.Write(buf[:n])
			tm.raw.Write(buf[:n])
			if r := tm.screen.TakeReplies(); len(r) > 0 {
				tm.pty.Write(r)
			}
			tm.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// wait records the client's exit. It is apart from read: a test that closes
// the PTY under a blocked read must still see the client go.
func (tm *terminal) wait() {
	err := tm.cmd.Wait()
	if ee, ok := err.(*exec.ExitError); ok {
		tm.code = ee.ExitCode()
	}
	// The client's last words may still be in the PTY: let the reader take
	// them (it ends when the PTY does), unless the test closed the PTY.
	select {
	case <-tm.readDone:
	case <-time.After(2 * time.Second):
	}
	close(tm.done)
}

// text returns the terminal's screen as text.
func (tm *terminal) text() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.screen.String()
}

func (tm *terminal) rawOutput() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.raw.String()
}

// settled returns the screen once nothing has arrived for quiet (a
// program done painting), waiting up to 10 s for that.
func (tm *terminal) settled(quiet time.Duration) string {
	size := func() int {
		tm.mu.Lock()
		defer tm.mu.Unlock()
		return tm.raw.Len()
	}
	last, since := size(), time.Now()
	for deadline := time.Now().Add(10 * time.Second); time.Since(since) < quiet && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
		if n := size(); n != last {
			last, since = n, time.Now()
		}
	}
	return tm.text()
}

func (tm *terminal) send(s string) {
	tm.t.Helper()
	if _, err := tm.pty.Write([]byte(s)); err != nil {
		tm.t.Fatalf("write to terminal: %v", err)
	}
}

// waitText waits until the screen shows s.
func (tm *terminal) waitText(s string) {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(tm.text(), s) {
		if time.Now().After(deadline) {
			tm.t.Fatalf("timed out waiting for %q on screen:\n%s", s, tm.text())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitMatch waits until the screen matches the regular expression and
// returns the submatches.
func (tm *terminal) waitMatch(expr string) []string {
	tm.t.Helper()
	return tm.waitMatchWithin(expr, 10*time.Second)
}

// waitMatchWithin is waitMatch with its own deadline.
func (tm *terminal) waitMatchWithin(expr string, d time.Duration) []string {
	tm.t.Helper()
	re := regexp.MustCompile(expr)
	deadline := time.Now().Add(d)
	for {
		if m := re.FindStringSubmatch(tm.text()); m != nil {
			return m
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("timed out waiting for the screen to match %s:\n%s", expr, tm.text())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitExit waits for the client to exit and returns its status.
func (tm *terminal) waitExit() int {
	tm.t.Helper()
	select {
	case <-tm.done:
		return tm.code
	case <-time.After(10 * time.Second):
		pid := tm.cmd.Process.Pid
		wchan, _ := os.ReadFile(fmt.Sprintf("/proc/%d/wchan", pid))
		st, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		tm.t.Fatalf("client %d did not exit (wchan %s, stat %s); screen:\n%s", pid, wchan, st, tm.text())
	}
	return -1
}

// resize changes the terminal size; the kernel signals the client.
func (tm *terminal) resize(cols, rows int) {
	tm.mu.Lock()
	tm.screen.Resize(cols, rows)
	tm.mu.Unlock()
	pty.Setsize(tm.pty, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
}

// alive reports whether process pid exists.
func alive(pid int) bool { return syscall.Kill(pid, 0) == nil }
