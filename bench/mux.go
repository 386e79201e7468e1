package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// mux drives one multiplexer (or none: "direct") with a private socket and
// configuration, so the user's own sessions are never touched.
type mux struct {
	name      string
	missing   func() string
	start     func()         // a detached session running a shell
	attach    func() *client // a client in a 200x50 PTY
	shared    func() *client // a second client that never reads (nil: n/a)
	detach    func()         // detach the attached client
	newWindow func()         // open another window and show it
	upgrade   func() string  // live upgrade to the same binary, its reply (nil: n/a)
	serverPID func() int
	stop      func()
	// history is the scrollback limit in lines of the next start (10,000
	// unless a case asks for more).
	history int
}

var shellEnv = []string{"PS1=$ ", "TERM=xterm-256color", "LANG=C.UTF-8", "PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}

func run(env []string, name string, args ...string) string {
	cmd := exec.Command(name, args...)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		panic(fmt.Sprintf("%s %v: %v: %s", name, args, err, out))
	}
	return string(out)
}

// try runs a command whose failure does not matter (detaching a session
// whose client is already gone).
func try(env []string, name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Env = env
	cmd.Run()
}

func missingBinary(name string) func() string {
	return func() string {
		if _, err := exec.LookPath(name); err != nil {
			return name + " is not installed"
		}
		return ""
	}
}

func multiplexers(work string) []*mux {
	shell := []string{"bash", "--norc", "--noprofile"}

	muxes := []*mux{newGmux("gmux", *gmuxBin, work, shell)}
	if *gmuxB != "" {
		muxes = append(muxes, newGmux("gmux-b", *gmuxB, work, shell))
	}

	// tmux
	tconf := filepath.Join(work, "tmux.conf")
	os.WriteFile(tconf, []byte("set -g status off\nset -g history-limit 10000\nset -g default-terminal screen-256color\n"), 0o644)
	tsock := "gmux-bench-" + strconv.Itoa(os.Getpid())
	tmuxArgs := func(a ...string) []string { return append([]string{"-L", tsock, "-f", tconf}, a...) }
	tmux := &mux{name: "tmux", missing: missingBinary("tmux"), history: 10000}
	tmux.start = func() {
		// The history limit is read when a pane is made: from the
		// configuration, written for each start.
		os.WriteFile(tconf, []byte(fmt.Sprintf("set -g status off\nset -g history-limit %d\nset -g default-terminal screen-256color\n", tmux.history)), 0o644)
		run(shellEnv, "tmux", tmuxArgs(append([]string{"new-session", "-d", "-s", "bench", "-x", "200", "-y", "50"}, shell...)...)...)
	}
	tmux.attach = func() *client { return startClient(shellEnv, "tmux", tmuxArgs("attach", "-t", "bench")...) }
	tmux.shared = func() *client { return startStalledClient(shellEnv, "tmux", tmuxArgs("attach", "-t", "bench")...) }
	tmux.detach = func() { try(shellEnv, "tmux", tmuxArgs("detach-client", "-s", "bench")...) }
	tmux.newWindow = func() { run(shellEnv, "tmux", tmuxArgs(append([]string{"new-window", "-t", "bench"}, shell...)...)...) }
	tmux.serverPID = func() int {
		n, _ := strconv.Atoi(strings.TrimSpace(run(shellEnv, "tmux", tmuxArgs("display", "-p", "-t", "bench", "#{pid}")...)))
		return n
	}
	tmux.stop = func() {
		pid := tmux.serverPID()
		exec.Command("tmux", tmuxArgs("kill-server")...).Run()
		if pid > 0 {
			waitGone(pid, 5*time.Second) // a new server must not find this one dying
		}
	}

	// GNU screen
	sdir := filepath.Join(work, "screen-dir")
	os.MkdirAll(sdir, 0o700)
	senv := append([]string{"SCREENDIR=" + sdir, "SHELL=/bin/bash"}, shellEnv...)
	scr := &mux{name: "screen", missing: missingBinary("screen"), history: 10000}
	// Screen's defaults but utmp: where /run/utmp is missing (a container),
	// each window's login entry fails with a message that holds every
	// attach's first frame back for screen's message wait, a second.
	// Neither gmux nor tmux writes utmp.
	// -h sets the first window's scrollback only: defscrollback gives every
	// window the same limit (screen's default is 1,000 lines), as
	// history-limit does in tmux and -h in gmux.
	src := filepath.Join(work, "screenrc")
	scr.start = func() {
		os.WriteFile(src, []byte(fmt.Sprintf("deflogin off\ndefscrollback %d\n", scr.history)), 0o600)
		run(senv, "screen", append([]string{"-c", src, "-h", strconv.Itoa(scr.history), "-dmS", "bench"}, shell...)...)
	}
	scr.attach = func() *client { return startClient(senv, "screen", "-c", src, "-x", "bench") }
	scr.shared = func() *client { return startStalledClient(senv, "screen", "-c", src, "-x", "bench") }
	scr.detach = func() { try(senv, "screen", "-d", "bench") }
	scr.newWindow = func() { run(senv, "screen", "-S", "bench", "-X", "screen") }
	scr.serverPID = func() int {
		entries, _ := os.ReadDir(sdir)
		for _, e := range entries {
			n, _ := strconv.Atoi(strings.Split(e.Name(), ".")[0])
			if n > 0 {
				return n
			}
		}
		return 0
	}
	scr.stop = func() {
		exec.Command("screen", "-S", "bench", "-X", "quit").Run()
		if pid := scr.serverPID(); pid > 0 {
			killWait(pid)
		}
	}

	// direct: the shell in a PTY, the limit a multiplexer can approach
	direct := &mux{name: "direct", missing: func() string { return "" }}
	direct.start = func() {}
	direct.attach = func() *client { return startClient(shellEnv, "bash", "--norc", "--noprofile") }
	direct.stop = func() {}
	return append(muxes, tmux, scr, direct)
}

func killWait(pid int) {
	p, err := os.FindProcess(pid)
	if err != nil {
		return
	}
	// SIGTERM first: each multiplexer ends cleanly on it (gmux then writes
	// a CPU profile when GMUX_CPUPROFILE asks for one).
	p.Signal(syscall.SIGTERM)
	if !waitGone(pid, 2*time.Second) {
		p.Kill()
		waitGone(pid, 3*time.Second)
	}
}

// waitGone waits until process pid has exited (or is a zombie).
func waitGone(pid int, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); err != nil {
			return true
		}
		if b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); strings.Contains(string(b), ") Z ") {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

// newGmux drives one gmux build, with a socket directory of its own (named
// after it) so that two builds can be measured side by side in one run.
func newGmux(name, bin, work string, shell []string) *mux {
	gdir := filepath.Join(work, name+"-sock")
	genv := append([]string{"GMUX_SOCKET_DIR=" + gdir, "SHELL=/bin/bash"}, shellEnv...)
	gmux := &mux{name: name, missing: func() string { return "" }, history: 10000}
	gmux.start = func() {
		run(genv, bin, append([]string{"-h", strconv.Itoa(gmux.history), "-dmS", "bench"}, shell...)...)
	}
	gmux.attach = func() *client { return startClient(genv, bin, "-x", "bench") }
	gmux.shared = func() *client { return startStalledClient(genv, bin, "-x", "bench") }
	gmux.detach = func() { try(genv, bin, "-d", "bench") }
	gmux.newWindow = func() { run(genv, bin, "-S", "bench", "-X", "screen") }
	gmux.upgrade = func() string { return run(genv, bin, "-S", "bench", "-X", "upgrade", bin) }
	gmux.serverPID = func() int {
		entries, _ := os.ReadDir(gdir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".bench") && !strings.HasPrefix(e.Name(), ".") {
				n, _ := strconv.Atoi(strings.Split(e.Name(), ".")[0])
				return n
			}
		}
		return 0
	}
	gmux.stop = func() {
		if pid := gmux.serverPID(); pid > 0 {
			killWait(pid)
		}
	}
	return gmux
}
