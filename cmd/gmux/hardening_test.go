package main

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gmux/gmux/proto"
	"golang.org/x/sys/unix"
)

// The hardening tests: what an attacker and a fault injector found, kept
// closed. Each names the hole it guards.

// windowSize returns the current window's size from -X info.
func windowSize(t *testing.T, e *env, name string) (int, int) {
	t.Helper()
	return infoSize(t, e, "-S", name, "-X", "info")
}

// infoSize is the window size in what gmux args (an info command) print.
func infoSize(t *testing.T, e *env, args ...string) (int, int) {
	t.Helper()
	out, code := e.run(args...)
	m := regexp.MustCompile(`/\((\d+),(\d+)\)`).FindStringSubmatch(out)
	if code != 0 || m == nil {
		t.Fatalf("%v: %d %q", args, code, out)
	}
	cols, _ := strconv.Atoi(m[1])
	rows, _ := strconv.Atoi(m[2])
	return cols, rows
}

// A huge terminal gets a window of the largest size the server holds; the
// session and its programs live on.
func TestHugeTerminalIsClamped(t *testing.T) {
	e := newEnv(t)
	e.startDetached("huge")
	pid := serverPID(t, e)
	tm := e.startIn(80, 24, "/bin/sh", "-c", "stty rows 65535 cols 65535; exec "+gmuxBin+" -r huge")
	tm.waitText("$ ")
	cols, rows := windowSize(t, e, "huge")
	if cols != 1000 || rows > 300 || rows < 290 {
		t.Fatalf("window is %dx%d for a 65535x65535 terminal", cols, rows)
	}
	tm.send("echo alive-$((6*7))\r")
	tm.waitText("alive-42")
	if !alive(pid) {
		t.Fatal("server died")
	}
}

// A resize frame beyond any terminal (and beyond what EncodeResize sends) is
// clamped too.
func TestHugeResizeFrameIsClamped(t *testing.T) {
	e := newSerialEnv(t)
	e.startDetached("rs")
	conn, err := net.Dial("unix", socketOf(t, e))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	proto.WriteFrame(conn, proto.TypeHello, proto.EncodeHello(proto.Hello{
		Mode: proto.ModeAttach, Term: "xterm-256color", Cols: 80, Rows: 24}))
	go discard(conn)
	start := time.Now()
	proto.WriteFrame(conn, proto.TypeResize, []byte{0xff, 0xff, 0xff, 0xff})
	waitFor(t, "the window to take the clamped size", func() bool {
		cols, _ := windowSize(t, e, "rs")
		return cols == 1000
	})
	t.Logf("a 65535x65535 resize took %v", time.Since(start).Round(time.Millisecond))
	if stress() {
		// Resize storms between huge and small: memory stays bounded.
		start := time.Now()
		for i := range 2000 {
			size := []byte{0xff, 0xff, 0xff, 0xff}
			if i%2 == 1 {
				size = []byte{0, 80, 0, 24}
			}
			proto.WriteFrame(conn, proto.TypeResize, size)
		}
		waitFor(t, "the storm to pass", func() bool { cols, _ := windowSize(t, e, "rs"); return cols == 80 })
		rss := rssKiB(serverPID(t, e))
		t.Logf("2000 resizes between 65535x65535 and 80x24 in %v: server RSS %d KiB", time.Since(start).Round(time.Millisecond), rss)
		if rss > 300<<10 {
			t.Errorf("server RSS %d KiB after the storm", rss)
		}
	}
	if out, _ := e.run("-S", "rs", "-X", "stuff", "echo fine-$((2+3))\n"); strings.Contains(out, "gmux:") {
		t.Fatalf("session stopped serving: %s", out)
	}
}

// discard reads a connection until it ends.
func discard(conn net.Conn) {
	buf := make([]byte, 64<<10)
	for {
		if _, err := conn.Read(buf); err != nil {
			return
		}
	}
}

// A crashed server leaves its log, with the trace, and -ls says where.
func TestCrashKeepsLog(t *testing.T) {
	e := newEnv(t)
	e.startDetached("crash", "sleep", "1000")
	pid := serverPID(t, e)
	syscall.Kill(pid, syscall.SIGABRT) // the runtime dumps its goroutines and exits
	waitFor(t, "the server to die", func() bool { return !alive(pid) || isZombie(pid) })
	logPath := serverLog(t, e)
	b, err := os.ReadFile(logPath)
	if err != nil || !strings.Contains(string(b), "SIGABRT") || !strings.Contains(string(b), "goroutine") {
		t.Fatalf("crash log %s: %v\n%s", logPath, err, b)
	}
	if ls := e.ls(); !strings.Contains(ls, "Dead") || !strings.Contains(ls, logPath) {
		t.Fatalf("-ls does not say where the log is:\n%s", ls)
	}
	e.run("-wipe")
	if _, err := os.Stat(logPath); !os.IsNotExist(err) {
		t.Fatalf("-wipe left the log: %v", err)
	}
}

// A clean end leaves no log behind.
func TestCleanEndRemovesLog(t *testing.T) {
	e := newEnv(t)
	e.startDetached("clean", "sleep", "1000")
	logPath := serverLog(t, e)
	if _, err := os.Stat(logPath); err != nil {
		t.Fatalf("no server log while running: %v", err)
	}
	out, code := e.run("-S", "clean", "-X", "quit")
	if code != 0 {
		t.Fatalf("-X quit: status %d %q", code, out)
	}
	waitFor(t, "the log to go", func() bool { _, err := os.Stat(logPath); return os.IsNotExist(err) })
}

// Names and titles never carry control characters to a terminal.
func TestControlsInNamesAndTitles(t *testing.T) {
	e := newEnv(t)
	out, code := e.run("-dmS", "a\x1b]0;X\a\x1b[2J")
	if code == 0 || !strings.Contains(out, "control characters") {
		t.Fatalf("a session name with ESC was accepted: %d %q", code, out)
	}
	if _, code := e.run("-dmS", "two\nlines"); code == 0 {
		t.Fatal("a session name with a newline was accepted")
	}
	e.startDetached("t", "bash", "--norc", "-c", `printf '\033]2;ti\302\2332Jtle\007'; sleep 1000`)
	waitFor(t, "the program's title", func() bool {
		out, _ := e.run("-S", "t", "-X", "windows")
		return strings.Contains(out, "ti2Jtle")
	})
	for _, cmd := range [][]string{{"windows"}, {"title"}, {"info"}} {
		out, _ := e.run(append([]string{"-S", "t", "-X"}, cmd...)...)
		if strings.ContainsAny(out, "\x1b\u009b\a") {
			t.Errorf("-X %s printed controls: %q", cmd[0], out)
		}
	}
	e.run("-S", "t", "-X", "title", "x\x1b[2Jy\u0085")
	out, _ = e.run("-S", "t", "-X", "title")
	if strings.TrimSpace(out) != `x^[[2Jy\u0085` {
		t.Errorf("title set with ESC printed as %q", out)
	}
	// A socket made by hand (or by an old gmux) is listed, not obeyed.
	ln, err := net.Listen("unix", filepath.Join(e.dir, "1.evil\x1b[2J"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if ls := e.ls(); strings.Contains(ls, "\x1b") || !strings.Contains(ls, "1.evil^[[2J") {
		t.Errorf("-ls printed a name raw:\n%q", ls)
	}
}

// A stopped session answers nothing: -ls says so without waiting long, and a
// command to another session does not wait on it at all.
func TestHungSessionDoesNotSlowOthers(t *testing.T) {
	e := newSerialEnv(t)
	for _, name := range []string{"hung", "healthy"} {
		e.startDetached(name, "sleep", "1000")
	}
	var hung int
	entries, _ := os.ReadDir(e.dir)
	for _, ent := range entries {
		if strings.HasSuffix(ent.Name(), ".hung") {
			hung, _ = strconv.Atoi(strings.SplitN(ent.Name(), ".", 2)[0])
		}
	}
	syscall.Kill(hung, syscall.SIGSTOP)
	defer syscall.Kill(hung, syscall.SIGCONT)
	start := time.Now()
	ls := e.ls()
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("-ls took %v with one session stopped", d)
	}
	if !strings.Contains(ls, "stopped or wedged") || !strings.Contains(ls, ".healthy\t") {
		t.Errorf("-ls:\n%s", ls)
	}
	start = time.Now()
	if out, code := e.run("-S", "healthy", "-X", "info"); code != 0 {
		t.Fatalf("-X to the healthy session: %d %q", code, out)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("-X to a healthy session took %v", d)
	}
	// -r from a terminal tries the stopped session's socket at once (its
	// server runs the gmux-server this gmux starts: no probe first), gives up on it soon and
	// says what the usual way says.
	start = time.Now()
	tm := e.attach(80, 24, "-r", "hung")
	if code := tm.waitExit(); code == 0 {
		t.Errorf("-r of a stopped session: exit 0\n%s", tm.rawOutput())
	}
	if d := time.Since(start); d > 8*time.Second {
		t.Errorf("-r of a stopped session took %v", d)
	}
	if out := tm.rawOutput(); !strings.Contains(out, "hung") {
		t.Errorf("-r of a stopped session said %q", out)
	}
}

// stubborn is a program that ignores the hang-up and SIGTERM; it writes its
// PID to file.
func stubborn(file string) []string {
	return []string{"bash", "--norc", "-c", `trap "" HUP TERM; echo $$ > ` + file + `; while :; do sleep 0.2; done`}
}

func readPID(t *testing.T, file string) int {
	t.Helper()
	var pid int
	waitFor(t, "the program's pid", func() bool {
		b, _ := os.ReadFile(file)
		pid, _ = strconv.Atoi(strings.TrimSpace(string(b)))
		return pid > 0
	})
	return pid
}

// kill and quit end programs that ignore SIGHUP: SIGTERM, then SIGKILL.
func TestKillEscalates(t *testing.T) {
	e := newEnv(t)
	pidFile := filepath.Join(e.home, "stubborn.pid")
	e.startDetached("k", "sleep", "1000")
	if out, code := e.run(append([]string{"-S", "k", "-X", "screen"}, stubborn(pidFile)...)...); code != 0 {
		t.Fatalf("screen: %q", out)
	}
	pid := readPID(t, pidFile)
	if out, code := e.run("-S", "k", "-p", "1", "-X", "kill"); code != 0 {
		t.Fatalf("kill: %q", out)
	}
	waitFor(t, "the stubborn program to die", func() bool { return !alive(pid) })
	waitFor(t, "window 1 to go", func() bool {
		out, _ := e.run("-S", "k", "-X", "windows")
		return !strings.Contains(out, "1")
	})

	os.Remove(pidFile)
	e.run(append([]string{"-S", "k", "-X", "screen"}, stubborn(pidFile)...)...)
	pid = readPID(t, pidFile)
	server := serverPID(t, e)
	if out, code := e.run("-S", "k", "-X", "quit"); code != 0 {
		t.Fatalf("quit: %d %q", code, out)
	}
	waitFor(t, "the server to end", func() bool { return !alive(server) })
	if alive(pid) {
		t.Fatalf("pid %d outlived the session", pid)
	}
}

// hardcopy, log and writebuf do not write through a planted symlink, nor to
// a file someone else owns; they say why.
func TestUserFilesRefuseSymlinks(t *testing.T) {
	e := newEnv(t)
	e.startDetached("f", "sleep", "1000")
	victim := filepath.Join(e.home, "bashrc")
	os.WriteFile(victim, []byte("precious\n"), 0o600)
	absent := filepath.Join(e.home, "created-through-link")
	os.Symlink(victim, filepath.Join(e.home, "hardcopy.0"))
	os.Symlink(absent, filepath.Join(e.home, "gmuxlog.0"))
	os.Symlink(victim, filepath.Join(e.home, "exchange"))
	for _, cmd := range [][]string{{"hardcopy"}, {"log", "on"}, {"writebuf", "exchange"}, {"readbuf", "exchange"}} {
		out, code := e.run(append([]string{"-S", "f", "-X"}, cmd...)...)
		if code == 0 || !strings.Contains(out, "symbolic link") {
			t.Errorf("-X %v: %d %q", cmd, code, out)
		}
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Fatalf("victim overwritten: %q", b)
	}
	if _, err := os.Lstat(absent); !os.IsNotExist(err) {
		t.Fatalf("log created a file through a link: %v", err)
	}
	// A plain new file is made 0600; an existing one of ours is replaced.
	if out, code := e.run("-S", "f", "-X", "hardcopy", "hc"); code != 0 {
		t.Fatalf("hardcopy: %q", out)
	}
	if st, err := os.Stat(filepath.Join(e.home, "hc")); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("hardcopy file: %v %v", st.Mode(), err)
	}
	if os.Getuid() == 0 {
		other := filepath.Join(e.home, "theirs")
		os.WriteFile(other, []byte("theirs\n"), 0o666)
		os.Chown(other, 65534, 65534)
		out, code := e.run("-S", "f", "-X", "hardcopy", "theirs")
		if code == 0 || !strings.Contains(out, "owned by uid 65534") {
			t.Errorf("hardcopy over another user's file: %d %q", code, out)
		}
	}
}

// A large paste reaches the program whole: the session stops reading the
// terminal while the program is behind, instead of dropping input. "late" is
// a program that reads nothing for the first 3 seconds.
func TestLargePasteLosesNothing(t *testing.T) {
	lines := 100000 // 9.5 MB
	if stress() {
		lines = 500000
	}
	for _, mode := range []string{"direct", "relay", "late"} {
		t.Run(mode, func(t *testing.T) {
			e := newSerialEnv(t)
			if mode == "relay" {
				e.env = append(e.env, "GMUX_RELAY=1")
			}
			tm := startSession(t, e, "paste")
			out := filepath.Join(e.home, "out")
			reader := "cat > " + out
			if mode == "late" {
				reader = "sleep 3; " + reader
			}
			// The shell must have handed over before the paste: its line
			// editor would take part of it. Once the command prints, the
			// shell reads no more input.
			tm.send("stty -echo; echo reading-$((40+2)); " + reader + "; echo pasted-$((40+2))\r")
			tm.waitText("reading-42")
			var paste strings.Builder
			for i := range lines {
				fmt.Fprintf(&paste, "line %06d %s\r", i, strings.Repeat("x", 82))
			}
			start := time.Now()
			go func() {
				tm.pty.Write([]byte(paste.String()))
				tm.pty.Write([]byte("\x04"))
			}()
			deadline := time.Now().Add(5 * time.Minute)
			for !strings.Contains(tm.text(), "pasted-42") {
				if time.Now().After(deadline) {
					log, _ := os.ReadFile(serverLog(t, e))
					t.Fatalf("the paste was not taken within 5 minutes:\n%s\nserver log:\n%s", tm.text(), log)
				}
				time.Sleep(20 * time.Millisecond)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
			missing := 0
			for i := range lines {
				if i >= len(got) || !strings.HasPrefix(got[i], fmt.Sprintf("line %06d ", i)) {
					missing++
				}
			}
			t.Logf("%s: %d lines (%.1f MB) pasted in %v: %d/%d arrived intact",
				mode, lines, float64(paste.Len())/1e6, time.Since(start).Round(time.Millisecond), lines-missing, lines)
			if missing > 0 || len(got) != lines {
				t.Fatalf("%d of %d lines lost or damaged (%d read)", missing, lines, len(got))
			}
		})
	}
}

// A program that reads nothing for inputStall loses what waits for it, the
// user is told how much, and the display is the user's again.
func TestStalledProgramInputDropped(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "stall")
	// raw: the kernel takes no more than it can hold. Once the command
	// prints, the shell's line editor reads no more.
	tm.send("stty raw -echo; echo stalling-$((1+1)); sleep 1000\r")
	tm.waitText("stalling-2")
	go tm.pty.Write([]byte(strings.Repeat("y", 3<<20)))
	m := tm.waitMatchWithin(`(\d+) bytes of input dropped`, 30*time.Second)
	if n, _ := strconv.Atoi(m[1]); n < 512<<10 {
		t.Fatalf("dropped %s bytes", m[1])
	}
	// The display is the user's again: a new window works (the stalled
	// program's own terminal is full, as it would be outside gmux).
	tm.send("\x01c")
	tm.waitText("$ ")
	tm.send("echo usable-$((3*3))\r")
	tm.waitText("usable-9")
}

// A flood of REP (9 bytes asking for 65535 cells) in one window must not
// hold up another window's echo, nor a -X command.
func TestREPFloodDoesNotStallOthers(t *testing.T) {
	e := newSerialEnv(t)
	tm := startSession(t, e, "rep")
	pidFile := filepath.Join(e.home, "flood.pid")
	tm.send(`yes "$(printf 'A\033[65535b')" & echo $! > ` + pidFile + "\r")
	flood := readPID(t, pidFile)
	t.Cleanup(func() { syscall.Kill(flood, syscall.SIGKILL) })
	tm.send("\x01c")
	tm.waitText("$ ")
	tm.send("clear\r")
	time.Sleep(500 * time.Millisecond) // let the flood build up
	keys := 50
	if stress() {
		keys = 500
	}
	var lat []time.Duration
	for i := range keys {
		lat = append(lat, echoLatency(t, tm, byte('a'+i%26)))
	}
	tm.send("\x15") // the typed letters, gone
	p50, p99 := percentile(lat, 50), percentile(lat, 99)
	start := time.Now()
	if out, code := e.run("-S", "rep", "-X", "info"); code != 0 {
		t.Fatalf("-X during the flood: %q", out)
	}
	cmd := time.Since(start)
	t.Logf("REP flood in another window: echo p50 %v p99 %v over %d keys; -X %v", p50, p99, keys, cmd)
	if p99 > time.Second || cmd > 3*time.Second {
		t.Fatalf("the flood held others up: echo p99 %v, -X %v", p99, cmd)
	}
}

// echoLatency types one letter and returns how long it took to come back on
// the client's terminal.
func echoLatency(t *testing.T, tm *terminal, ch byte) time.Duration {
	t.Helper()
	before := len(tm.rawOutput())
	start := time.Now()
	tm.send(string(ch))
	for {
		raw := tm.rawOutput()
		if strings.IndexByte(raw[before:], ch) >= 0 {
			return time.Since(start)
		}
		if time.Since(start) > 30*time.Second {
			t.Fatalf("no echo of %q in 30 s", ch)
		}
		time.Sleep(200 * time.Microsecond)
	}
}

func percentile(d []time.Duration, p int) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

// A command connection that never reads its replies is dropped once 8 MiB
// wait for it; the server does not grow, and serves the others.
func TestUnreadRepliesBounded(t *testing.T) {
	e := newSerialEnv(t)
	e.startDetached("q", "sleep", "1000")
	pid := serverPID(t, e)
	attackers := 1
	if stress() {
		attackers = 8
	}
	var wg sync.WaitGroup
	for range attackers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn, err := net.Dial("unix", socketOf(t, e))
			if err != nil {
				t.Error(err)
				return
			}
			defer conn.Close()
			proto.WriteFrame(conn, proto.TypeHello, proto.EncodeHello(proto.Hello{Mode: proto.ModeCommand}))
			cmd := proto.AppendFrame(nil, proto.TypeCommand, proto.EncodeJSON(proto.Command{Args: []string{"help"}, Window: -1}))
			batch := bytes.Repeat(cmd, 100)
			conn.SetWriteDeadline(time.Now().Add(60 * time.Second))
			sent := 0
			for {
				if _, err = conn.Write(batch); err != nil {
					break
				}
				sent += 100
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Errorf("the server neither dropped the connection nor stopped reading after %d commands", sent)
			}
			t.Logf("dropped after %d unread replies", sent)
		}()
	}
	wg.Wait()
	rss := rssKiB(pid)
	t.Logf("%d connections that never read: server RSS %d KiB", attackers, rss)
	if rss > 150<<10 {
		t.Fatalf("server RSS %d KiB", rss)
	}
	if ls := e.ls(); !strings.Contains(ls, "(Detached)") {
		t.Fatalf("server stopped serving: %s", ls)
	}
}

// rssKiB returns a process's resident set size.
func rssKiB(pid int) int {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	return 0
}

// A client stopped by its shell's job control (SIGTSTP), by SIGSTOP or by
// C-a z gives the terminal back: what is typed goes to the shell, not to the
// session, and fg brings the session back, redrawn. The client runs under an
// interactive shell, as from a login. A live upgrade meanwhile keeps it so.
func TestStoppedClientReleasesTerminal(t *testing.T) {
	for _, how := range []string{"SIGTSTP", "SIGTSTP, slow server", "SIGSTOP", "C-a z", "C-a z, upgraded"} {
		t.Run(how, func(t *testing.T) {
			e := newEnv(t)
			login := e.startIn(80, 24, "bash", "--norc", "--noprofile", "-i")
			login.waitText("$ ")
			login.send(gmuxBin + " -S stop\r")
			waitFor(t, "the session", func() bool { return strings.Contains(e.ls(), ".stop") })
			login.send("echo inside-$((5*5))\r")
			login.waitText("inside-25")
			client := 0
			waitFor(t, "the client process", func() bool {
				b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", login.cmd.Process.Pid, login.cmd.Process.Pid))
				_, err := fmt.Sscan(string(b), &client)
				return err == nil
			})
			logPath := serverLog(t, e)
			switch how {
			case "SIGTSTP":
				syscall.Kill(client, syscall.SIGTSTP)
			case "SIGTSTP, slow server":
				// The server answers only after the client gave up
				// waiting and stopped: the late answer, read after fg,
				// must not stop it again. The shell's "Stopped" goes to
				// the alternate screen the frozen server still holds,
				// and the restore then hides it: the processes' states
				// say it instead.
				server := serverPID(t, e)
				syscall.Kill(server, syscall.SIGSTOP)
				waitFor(t, "the server to stop", func() bool { return isStopped(server) })
				syscall.Kill(client, syscall.SIGTSTP)
				waitFor(t, "the client to stop without the server's answer", func() bool { return isStopped(client) })
				syscall.Kill(server, syscall.SIGCONT)
			case "SIGSTOP":
				syscall.Kill(client, syscall.SIGSTOP)
			default:
				login.send("\x01z")
			}
			if how != "SIGTSTP, slow server" {
				login.waitText("Stopped")
			}
			suspended := func() bool {
				b, _ := os.ReadFile(logPath)
				return strings.Contains(string(b), "suspended")
			}
			if how == "SIGSTOP" {
				// A stopped client cannot tell the server: the server
				// notices when it reads a key typed at the shell, and drops
				// it. Until it does, keys go to the shell: spaces harm none.
				waitFor(t, "the server to notice the stop", func() bool {
					login.send(" ")
					time.Sleep(20 * time.Millisecond)
					return suspended()
				})
			}
			waitFor(t, "the server to let go of the terminal", suspended)
			if strings.HasSuffix(how, "upgraded") {
				if out, code := e.run("-S", "stop", "-X", "upgrade", gmuxBin); code != 0 {
					t.Fatalf("upgrade: %d %q", code, out)
				}
			}
			login.send("echo at-shell-$((6*6))\r")
			login.waitText("at-shell-36")
			if out, _ := e.run("-S", "stop", "-X", "hardcopy", "-h", filepath.Join(e.home, "hc")); out != "" && !strings.Contains(out, "written") {
				t.Fatal(out)
			}
			if b, _ := os.ReadFile(filepath.Join(e.home, "hc")); strings.Contains(string(b), "at-shell") {
				t.Fatalf("the session got keys typed at the shell:\n%s", b)
			}
			login.send("fg\r")
			login.waitText("inside-25") // redrawn
			login.send("echo back-$((7*7))\r")
			login.waitText("back-49")
			login.send("\x01d")
			login.waitText("[detached from ")
		})
	}
}

// When the server dies, the client restores the terminal itself: main
// screen, cursor shown, keypad, mouse and bracketed paste off.
func TestTerminalRestoredWhenServerDies(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "die")
	tm.send(`printf '\033[?1049h\033[?1000h\033[?1006h\033[?2004h\033[?25l\033[?1h\033=alt-on\n'; sleep 1000` + "\r")
	tm.waitText("alt-on")
	waitFor(t, "the modes on the outer terminal", func() bool {
		tm.mu.Lock()
		defer tm.mu.Unlock()
		return tm.screen.AltScreen() && tm.screen.Modes().Mouse == 1000
	})
	syscall.Kill(serverPID(t, e), syscall.SIGKILL)
	tm.waitExit()
	checkRestored(t, tm, "lost connection")
}

// A client killed (SIGTERM) while the server floods its terminal has the
// server restore it and stop writing before it goes.
func TestTerminalRestoredOnClientSIGTERM(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "term")
	tm.send(`printf '\033[?1049h\033[?1000h\033[?25l'; while :; do seq 1 50000; done` + "\r")
	waitFor(t, "the flood", func() bool { return strings.Contains(tm.text(), "000") })
	tm.cmd.Process.Signal(syscall.SIGTERM)
	tm.waitExit()
	checkRestored(t, tm, "terminated, detached from")
	if raw := strings.TrimRight(tm.rawOutput(), "\r\n"); !strings.HasSuffix(raw, ".term]") {
		t.Fatalf("output after the message: %q", tail(raw))
	}
}

func checkRestored(t *testing.T, tm *terminal, msg string) {
	t.Helper()
	if left := tm.programModes(); left != "" {
		t.Errorf("terminal left in the program's modes: %s", left)
	}
	if !strings.Contains(tm.rawOutput(), msg) {
		t.Errorf("no %q: %q", msg, tail(tm.rawOutput()))
	}
}

// A session at its file descriptor limit keeps accepting once descriptors
// are free again, and meanwhile tells a client it cannot serve why, at once.
func TestFileLimitDoesNotStrandSession(t *testing.T) {
	e := newSerialEnv(t)
	cmd := exec.Command("bash", "-c", "ulimit -n 64 && exec "+gmuxBin+" -dmS fd sleep 1000")
	cmd.Env, cmd.Dir = e.env, e.home
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("start: %v %s", err, out)
	}
	windows := 1
	for ; windows < 25; windows++ {
		if out, code := e.run("-S", "fd", "-X", "screen", "sleep", "1000"); code != 0 {
			t.Logf("window %d: %s", windows, strings.TrimSpace(out))
			break
		}
	}
	rounds := 1
	if stress() {
		rounds = 20
	}
	for round := range rounds {
		var held []net.Conn
		for range 10 {
			c, err := net.Dial("unix", socketOf(t, e))
			if err != nil {
				t.Fatal(err)
			}
			held = append(held, c)
		}
		start := time.Now()
		out, code := e.run("-S", "fd", "-X", "info")
		t.Logf("round %d: %d windows, 10 connections held: -X info: %d %q in %v", round, windows, code, strings.TrimSpace(out), time.Since(start).Round(time.Millisecond))
		if code != 0 && !strings.Contains(out, "file descriptors") {
			t.Errorf("a client the session could not serve was not told why: %q", out)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("-X info took %v at the fd limit", d)
		}
		for _, c := range held {
			c.Close()
		}
		waitFor(t, "the session to serve again", func() bool {
			_, code := e.run("-S", "fd", "-X", "info")
			return code == 0
		})
	}
}

// A log that cannot be written (here: a file size limit, as a full disk)
// says so, keeps what it could not write, and catches up once it can.
func TestLogSurvivesFullDisk(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "full")
	pid := serverPID(t, e)
	logPath := filepath.Join(e.home, "win.log")
	e.run("-S", "full", "-X", "logfile", logPath)
	e.run("-S", "full", "-X", "logfile", "flush", "0.1")
	if out, code := e.run("-S", "full", "-X", "log", "on"); code != 0 {
		t.Fatalf("log on: %q", out)
	}
	limit := unix.Rlimit{Cur: 64 << 10, Max: unix.RLIM_INFINITY}
	if err := unix.Prlimit(pid, unix.RLIMIT_FSIZE, &limit, nil); err != nil {
		t.Skipf("prlimit: %v", err)
	}
	tm.send("seq 1 40000; echo seq-$((1+1))-done\r")
	tm.waitText("seq-2-done")
	tm.waitText("keeping up to")
	if b, _ := os.ReadFile(serverLog(t, e)); !strings.Contains(string(b), "file too large") {
		t.Errorf("the server log does not say the log failed:\n%s", b)
	}
	limit.Cur = unix.RLIM_INFINITY
	unix.Prlimit(pid, unix.RLIMIT_FSIZE, &limit, nil)
	tm.waitText("writing again (0 bytes lost)")
	b, _ := os.ReadFile(logPath)
	for i := 1; i <= 40000; i++ {
		if !strings.Contains(string(b), "\n"+strconv.Itoa(i)+"\n") {
			t.Fatalf("the log lost output from line %d on (%d bytes):\n%s", i, len(b), tail(string(b)))
		}
	}
	// log off and on reopen the file.
	e.run("-S", "full", "-X", "log", "off")
	os.Remove(logPath)
	e.run("-S", "full", "-X", "log", "on")
	tm.send("echo after-reopen\r")
	waitFor(t, "the reopened log", func() bool {
		b, _ := os.ReadFile(logPath)
		return strings.Contains(string(b), "after-reopen")
	})
}

// programModes says which of a program's modes the terminal is left in
// (alternate screen, hidden cursor, mouse, bracketed paste, application
// keys), "" when none.
func (tm *terminal) programModes() string {
	tm.mu.Lock()
	m, alt := tm.screen.Modes(), tm.screen.AltScreen()
	tm.mu.Unlock()
	if alt || !m.CursorVisible || m.Mouse != 0 || m.MouseEncoding != 0 || m.BracketedPaste || m.AppCursor || m.AppKeypad {
		return fmt.Sprintf("alt %v %+v", alt, m)
	}
	return ""
}
