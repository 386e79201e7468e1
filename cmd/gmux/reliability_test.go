package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// stress reports whether the long versions run (make stress).
func stress() bool { return os.Getenv("GMUX_STRESS") != "" }

func serverPID(t *testing.T, e *env) int {
	t.Helper()
	pid, _ := strconv.Atoi(strings.SplitN(filepath.Base(socketOf(t, e)), ".", 2)[0])
	return pid
}

func TestServerSignals(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "sig")
	job := startJob(t, tm)
	pid := serverPID(t, e)
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGPIPE} {
		syscall.Kill(pid, sig)
	}
	tm.send("echo survived-$((2*2))\r")
	tm.waitText("survived-4")
	if !alive(pid) || !alive(job) {
		t.Fatal("SIGHUP/SIGINT/SIGPIPE hurt the server or its programs")
	}
	sock := socketOf(t, e)
	syscall.Kill(pid, syscall.SIGTERM)
	if code := tm.waitExit(); code != 0 {
		t.Fatalf("client status after SIGTERM: %d", code)
	}
	if !strings.Contains(tm.rawOutput(), "terminated by terminated") && !strings.Contains(tm.rawOutput(), "ended: terminated") {
		t.Fatalf("client not told why: %q", tail(tm.rawOutput()))
	}
	waitFor(t, "the programs to get SIGHUP", func() bool { return !alive(job) || isZombie(job) })
	if _, err := os.Stat(sock); !os.IsNotExist(err) {
		t.Fatalf("socket left behind: %v", err)
	}
}

func TestAttachDetachCycles(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "cycle")
	job := startJob(t, tm)
	tm.send("\x01d")
	tm.waitExit()
	for i := range 100 {
		c := e.attach(80, 24, "-r", "cycle")
		c.waitText("job=")
		c.send("\x01d")
		if code := c.waitExit(); code != 0 {
			t.Fatalf("cycle %d: status %d", i, code)
		}
	}
	if !alive(job) {
		t.Fatal("job died during the cycles")
	}
}

func TestTwentyClientsAtOnce(t *testing.T) {
	e := newEnv(t)
	first := startSession(t, e, "crowd")
	var wg sync.WaitGroup
	clients := make([]*terminal, 20)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			clients[i] = e.attach(80, 24, "-x", "crowd")
		}()
	}
	wg.Wait()
	first.send("echo hello-crowd-$((3*3))\r")
	for i, c := range clients {
		c.waitText("hello-crowd-9")
		if c.exited() {
			t.Fatalf("client %d exited", i)
		}
	}
	clients[7].send("echo from-seven\r")
	first.waitText("from-seven")
}

func (tm *terminal) exited() bool {
	select {
	case <-tm.done:
		return true
	default:
		return false
	}
}

// The program floods output while clients come and go and get killed: the
// session lives, and the output kept (the history) is complete and in order.
func TestFloodWhileClientsComeAndGo(t *testing.T) {
	e := newEnv(t)
	lines := 200000
	if stress() {
		lines = 20000000
	}
	tm := startSession(t, e, "flood")
	tm.send(fmt.Sprintf("seq 1 %d; echo flood-$((5*5))-done\r", lines))
	sigs := []syscall.Signal{syscall.SIGKILL, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGPIPE}
	cycles := 0
	for i := 0; ; i++ {
		c := e.attach(80, 24, "-x", "flood")
		waitFor(t, "a first frame", func() bool { return strings.TrimSpace(c.text()) != "" })
		if i%2 == 0 {
			c.cmd.Process.Signal(sigs[i%len(sigs)])
		} else {
			// The terminal vanishes under the client: the kernel's hang-up
			// and a closed PTY, as when a terminal emulator is killed.
			c.cmd.Process.Signal(syscall.SIGHUP)
			c.pty.Close()
		}
		c.waitExit()
		cycles++
		if strings.Contains(tm.text(), "flood-25-done") {
			break
		}
		if i > 2000 {
			t.Fatal("flood never finished")
		}
	}
	hc := filepath.Join(e.home, "hc.txt")
	if out, code := e.run("-S", "flood", "-X", "hardcopy", "-h", hc); code != 0 {
		t.Fatalf("hardcopy: %s", out)
	}
	b, _ := os.ReadFile(hc)
	var nums []int
	for _, l := range strings.Split(string(b), "\n") {
		if n, err := strconv.Atoi(strings.TrimSpace(l)); err == nil {
			nums = append(nums, n)
		}
	}
	if len(nums) < 9000 || nums[len(nums)-1] != lines {
		t.Fatalf("history holds %d numbers ending at %v", len(nums), nums[len(nums)-1:])
	}
	for i := 1; i < len(nums); i++ {
		if nums[i] != nums[i-1]+1 {
			t.Fatalf("output lost: %d then %d", nums[i-1], nums[i])
		}
	}
	t.Logf("%d clients came and went; checked %d consecutive lines of history", cycles, len(nums))
}

func TestUnusableSocketDir(t *testing.T) {
	e := newEnv(t)
	for _, dir := range []string{"/proc/self/gmux-test", "/dev/null/gmux"} {
		env := append([]string{"GMUX_SOCKET_DIR=" + dir}, e.env[1:]...)
		cmd := exec.Command(gmuxBin, "-dmS", "x", "sleep", "1")
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err == nil || !strings.Contains(string(out), "socket directory") || strings.Contains(string(out), "panic") {
			t.Errorf("%s: %v %q", dir, err, out)
		}
	}
}

// Another user can neither list nor connect: the directory's mode stops
// them, and where it would not, the server's peer-uid check does.
func TestOtherUserRefused(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to run a helper as nobody")
	}
	e := newEnv(t)
	e.startDetached("mine", "sleep", "1000")
	nobody := &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	cmd := exec.Command(gmuxBin, "-ls")
	cmd.Env, cmd.SysProcAttr = e.env, nobody
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "socket directory") {
		t.Fatalf("-ls as nobody: %v %q", err, out)
	}
	// With the path open to it, the directory's owner still refuses it.
	os.Chmod(e.home, 0o755)
	cmd = exec.Command(gmuxBin, "-ls")
	cmd.Env, cmd.SysProcAttr = e.env, nobody
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "not you") {
		t.Fatalf("-ls as nobody, path open: %v %q", err, out)
	}
	// A system python that another user may run, for a raw connection.
	python := "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		t.Skip("/usr/bin/python3 needed for the raw connection")
	}
	// Open the way by hand, as a careless admin might: the server still refuses.
	sock := socketOf(t, e)
	os.Chmod(e.home, 0o755)
	os.Chmod(e.dir, 0o755)
	os.Chmod(sock, 0o777)
	script := `import socket,sys
s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])
try:
    s.sendall(bytes([1,0,0,0,20,0,1])+b'{"mode":"command"}')
    s.settimeout(5)
    print("reply" if s.recv(100) else "closed")
except (BrokenPipeError, ConnectionResetError):
    print("closed")`
	py := exec.Command(python, "-c", script, sock)
	py.SysProcAttr = nobody
	out, err = py.CombinedOutput()
	if err != nil && !strings.Contains(string(out), "reset") {
		t.Fatalf("python: %v %s", err, out[max(0, len(out)-300):])
	}
	if strings.Contains(string(out), "reply") {
		t.Fatalf("server answered another uid: %s", out)
	}
	log, _ := os.ReadFile(filepath.Join(e.dir, "."+filepath.Base(sock)+".log"))
	if !strings.Contains(string(log), "connection from another user: uid 65534") {
		t.Fatalf("refusal not logged: %s", log)
	}
}
