package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// unprivileged is how a test runs gmux as a user the kernel holds to its
// limits: as root, nobody; otherwise the test's own user. dir is a home
// and socket directory that user owns.
func unprivileged(t *testing.T) (attr *syscall.SysProcAttr, env []string) {
	t.Helper()
	dir, err := os.MkdirTemp("", "gmu")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if os.Getuid() == 0 {
		attr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		os.Chown(dir, 65534, 65534)
	}
	return attr, []string{"GMUX_SOCKET_DIR=" + filepath.Join(dir, "s"), "HOME=" + dir, "PATH=" + os.Getenv("PATH"),
		"TERM=xterm-256color", "LANG=C.UTF-8", "SHELL=/bin/sh", "SYSGMUXRC=" + filepath.Join(dir, "sysrc"),
		"DBUS_SESSION_BUS_ADDRESS=unix:path=" + filepath.Join(dir, "nobus")}
}

// At the process limit (RLIMIT_NPROC) the server never needs a new OS
// thread: its limit is cut to 1 while four windows flood and commands come,
// and it runs on (before: "fatal error: newosproc" within seconds, every
// window gone). What needs a process (a new window) fails with an error.
func TestProcessLimitKeepsSession(t *testing.T) {
	attr, env := unprivileged(t)
	run := func(args ...string) (string, error) {
		cmd := exec.Command(gmuxBin, args...)
		cmd.Env, cmd.SysProcAttr = env, attr
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	flood := "while :; do seq 1 100000; done"
	if out, err := run("-dmS", "np", "bash", "-c", flood); err != nil {
		t.Fatalf("start: %v %s", err, out)
	}
	var dir string
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "GMUX_SOCKET_DIR="); ok {
			dir = v
		}
	}
	entries, _ := os.ReadDir(dir)
	pid := 0
	for _, ent := range entries {
		if p, _, ok := strings.Cut(ent.Name(), "."); ok && !strings.HasPrefix(ent.Name(), ".") {
			pid, _ = strconv.Atoi(p)
		}
	}
	if pid == 0 {
		t.Fatal("no session socket")
	}
	t.Cleanup(func() { syscall.Kill(pid, syscall.SIGKILL) })
	for range 3 {
		if out, err := run("-S", "np", "-X", "screen", "bash", "-c", flood); err != nil {
			t.Fatalf("new window: %v %s", err, out)
		}
	}
	// As the server's own user (root may lack CAP_SYS_RESOURCE in a
	// container): lowering one's own limit needs no privilege.
	prlimit := exec.Command("prlimit", "--pid", strconv.Itoa(pid), "--nproc=1:1")
	prlimit.SysProcAttr = attr
	if out, err := prlimit.CombinedOutput(); err != nil {
		t.Fatalf("prlimit: %v %s", err, out)
	}
	for until := time.Now().Add(3 * time.Second); time.Now().Before(until); {
		for _, cmd := range [][]string{{"-X", "select", "1"}, {"-X", "hardcopy", "-h", filepath.Join(dir, "..", "hc")}, {"-Q", "windows"}} {
			run(append([]string{"-S", "np"}, cmd...)...)
		}
	}
	if out, err := run("-S", "np", "-Q", "windows"); err != nil || !strings.Contains(out, "3") {
		t.Fatalf("the session at its process limit: %v %q", err, out)
	}
	log, _ := os.ReadFile(filepath.Join(dir, "."+strconv.Itoa(pid)+".np.log"))
	if strings.Contains(string(log), "newosproc") {
		t.Fatalf("the server died for want of a thread:\n%s", log[:min(len(log), 2000)])
	}
	out, err := run("-S", "np", "-X", "screen", "true")
	if err == nil || !strings.Contains(out, "resource temporarily unavailable") {
		t.Fatalf("a new window at the limit: %v %q", err, out)
	}
}
