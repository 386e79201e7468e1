package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gmux/gmux/proto"
)

func TestLiteralCommandKey(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "lit")
	// In bash, C-a moves to the start of the line: C-a a must deliver it.
	tm.send("world-$((2+2))")
	tm.waitText("world-$((2+2))")
	tm.send("\x01a")
	tm.send("echo hello-\r")
	tm.waitText("hello-world-4")
}

func TestResumeOrCreate(t *testing.T) {
	e := newEnv(t)
	// -R with nothing to resume starts a session.
	a := e.attach(80, 24, "-R", "-S", "auto", "bash", "--norc", "--noprofile")
	a.waitText("$ ")
	a.send("echo first-life\r")
	a.waitText("first-life")
	a.send("\x01d")
	a.waitExit()
	// -R resumes it now, from a shell: -D -R hangs that up.
	b := e.startIn(80, 24, "bash", "--norc", "--noprofile", "-c", gmuxBin+" -R; echo b-shell-lives; sleep 100")
	b.waitText("first-life")
	// -D -R takes it from b, and logs b's login out (power detach).
	c := e.attach(80, 24, "-D", "-R", "auto")
	c.waitText("first-life")
	b.waitExit()
	if strings.Contains(b.text(), "b-shell-lives") {
		t.Fatalf("-D -R left the other login running:\n%s", b.text())
	}
	// -d name detaches it from elsewhere.
	out, code := e.run("-d", "auto")
	if code != 0 || !strings.Contains(out, "detached") {
		t.Fatalf("-d auto: %d %q", code, out)
	}
	c.waitExit()
	if !strings.Contains(c.rawOutput(), "[remote detached from") {
		t.Fatalf("no remote detach message: %q", tail(c.rawOutput()))
	}
}

func TestResumeAmongSeveral(t *testing.T) {
	e := newEnv(t)
	for _, n := range []string{"alpha", "beta"} {
		e.startDetached(n, "sleep", "1000")
	}
	out, code := e.run("-r")
	if code != 1 || !strings.Contains(out, "several suitable sessions") || !strings.Contains(out, ".alpha") || !strings.Contains(out, `gmux -r [pid.]name`) {
		t.Fatalf("-r among several: %d %q", code, out)
	}
	// A prefix picks one.
	tm := e.attach(80, 24, "-r", "be")
	waitFor(t, "beta attached", func() bool { return strings.Contains(e.ls(), "(Attached)") })
	tm.send("\x01d")
	tm.waitExit()
	if !strings.Contains(tm.rawOutput(), ".beta]") {
		t.Fatalf("attached to the wrong one: %q", tail(tm.rawOutput()))
	}
	// A name taken by a live session is refused.
	if out, code := e.run("-dmS", "alpha", "sleep", "1"); code != 1 || !strings.Contains(out, "exists") {
		t.Fatalf("duplicate name: %d %q", code, out)
	}
}

// A session whose server is an older gmux (here one that, like every gmux
// before versions were reported, says none) is marked as such by -ls; one of
// this build is not.
func TestLsMarksOlderServers(t *testing.T) {
	e := newEnv(t)
	e.startDetached("new")
	os.MkdirAll(e.dir, 0o700)
	// Not a PID in front: the cleanup that ends the test's servers by the
	// PIDs in their names must find none here.
	fakeServer(t, filepath.Join(e.dir, "old-gmux.old"), func(conn net.Conn, r *proto.Reader) {
		proto.WriteFrame(conn, proto.TypeWelcome, proto.EncodeWelcome(proto.Welcome{Session: "old-gmux.old"}))
		if _, err := r.ReadFrame(); err != nil {
			return
		}
		info := `{"name":"old-gmux.old","pid":1,"attached":0,"windows":1,"created":1700000000}`
		proto.WriteFrame(conn, proto.TypeReply, proto.EncodeJSON(proto.Reply{OK: true, Output: info}))
	})
	out := e.ls()
	var oldLine, newLine string
	for _, l := range strings.Split(out, "\n") {
		switch {
		case strings.Contains(l, "old-gmux.old"):
			oldLine = l
		case strings.Contains(l, ".new\t"):
			newLine = l
		}
	}
	if !strings.Contains(oldLine, "(Detached; an older gmux)") {
		t.Fatalf("the older server is not marked:\n%s", out)
	}
	if strings.Contains(newLine, "older") || !strings.Contains(newLine, "(Detached)") {
		t.Fatalf("a server of this build is marked:\n%s", out)
	}
}

// A session whose server speaks a protocol this gmux does not (a newer or an
// older build) is not a bare error: the message names the binary that
// speaks it — the server's own, /proc/PID/exe.
func TestVersionSkewNamesTheFix(t *testing.T) {
	e := newEnv(t)
	os.MkdirAll(e.dir, 0o700)
	// The PID in the name must exist for the advice (this test's own);
	// the socket is gone before the cleanup that ends servers by PID.
	name := fmt.Sprintf("%d.skew", os.Getpid())
	fakeServer(t, filepath.Join(e.dir, name), func(conn net.Conn, _ *proto.Reader) {
		welcome := proto.EncodeWelcome(proto.Welcome{Version: 99, Error: "client speaks protocol v1, this server v99"})
		proto.WriteFrame(conn, proto.TypeWelcome, welcome)
	})
	want := fmt.Sprintf("session %s runs a newer gmux (protocol v99; this gmux speaks v%d-v%d): use /proc/%d/exe", name, proto.MinVersion, proto.Version, os.Getpid())
	out, code := e.run("-S", name, "-X", "echo", "hi")
	if code == 0 || !strings.Contains(out, want+" -S "+name+" -X") {
		t.Fatalf("-X to a session of another protocol: (%d) %s", code, out)
	}
	tm := e.attach(120, 24, "-x", name)
	tm.waitExit()
	if text := strings.ReplaceAll(tm.text(), "\n", ""); !strings.Contains(text, want+" -x "+name) {
		t.Fatalf("attaching to a session of another protocol:\n%s", tm.text())
	}
}

// fakeServer listens at path as a session server of another build would,
// answering each connection's hello with answer; the socket goes when the
// test does.
func fakeServer(t *testing.T, path string, answer func(conn net.Conn, r *proto.Reader)) {
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				r := proto.NewReader(conn)
				if _, err := r.ReadFrame(); err == nil {
					answer(conn, r)
				}
			}()
		}
	}()
}

// gmux -completion bash: the options, the sessions after -r (asked of
// gmux -ls, so GMUX_SOCKET_DIR is followed), the commands after -X.
func TestShellCompletion(t *testing.T) {
	e := newEnv(t)
	e.startDetached("alpha", "sleep", "1000")
	e.startDetached("beta.two", "sleep", "1000")
	// A name is completed as data: nothing in it runs.
	pwned := filepath.Join(e.home, "pwned")
	e.startDetached("x$(touch pwned)", "sleep", "1000")
	script, code := e.run("-completion", "bash")
	if code != 0 || !strings.Contains(script, "complete -F _gmux gmux") {
		t.Fatalf("-completion bash: %d %q", code, script)
	}
	path := filepath.Join(e.home, "gmux.bash")
	if err := os.WriteFile(path, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	complete := func(words ...string) []string {
		t.Helper()
		var quoted []string
		for _, w := range words {
			quoted = append(quoted, strconv.Quote(w))
		}
		cmd := exec.Command("bash", "--norc", "-c", fmt.Sprintf(`source %s; COMP_WORDS=(%s); COMP_CWORD=%d; _gmux; printf '%%s\n' "${COMPREPLY[@]}"`,
			path, strings.Join(quoted, " "), len(words)-1))
		cmd.Env = append(append([]string{}, e.env...), "PATH="+filepath.Dir(gmuxBin)+":"+os.Getenv("PATH"))
		cmd.Dir = e.home
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("completing %q: %v\n%s", words, err, out)
		}
		return strings.Fields(string(out))
	}
	if got, want := complete("gmux", "-r", "x"), `x\$\(touch\ pwned\)`; len(got) != 2 || strings.Join(got, " ") != want {
		t.Errorf("completing a name with $(...): %q, want %q", got, want)
	}
	if _, err := os.Stat(pwned); err == nil {
		t.Fatal("completing a session name ran a command in it")
	}
	for _, c := range []struct {
		words []string
		want  []string
	}{
		{[]string{"gmux", "-r", "[ab]"}, nil},
		{[]string{"gmux", "-dr", "b"}, []string{"beta.two"}},
		{[]string{"gmux", "-r", "a"}, []string{"alpha"}},
		{[]string{"gmux", "-S", "alpha", "-X", "sel"}, []string{"select"}},
		{[]string{"gmux", "-S", "alpha", "-X", "select", ""}, nil},
		{[]string{"gmux", "-wi"}, []string{"-wipe"}},
		{[]string{"gmux", "-completion", "z"}, []string{"zsh"}},
	} {
		got := complete(c.words...)
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("completing %q: %q, want %q", c.words, got, c.want)
		}
	}
	if _, code := e.run("-completion", "tcsh"); code == 0 {
		t.Error("-completion tcsh did not fail")
	}
}

// gmux -completion fish: the same completions in fish; a session's name is
// offered as data, and nothing in it runs.
func TestFishCompletion(t *testing.T) {
	fish, err := exec.LookPath("fish")
	if err != nil {
		t.Skip("fish is not installed; .ci/run installs it")
	}
	e := newEnv(t)
	e.startDetached("alpha", "sleep", "1000")
	e.startDetached("beta.two", "sleep", "1000")
	e.startDetached("x$(touch pwned)", "sleep", "1000")
	script, code := e.run("-completion", "fish")
	if code != 0 || !strings.Contains(script, "complete -c gmux") {
		t.Fatalf("-completion fish: %d %q", code, script)
	}
	path := filepath.Join(e.home, "gmux.fish")
	if err := os.WriteFile(path, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	complete := func(line string) []string {
		t.Helper()
		cmd := exec.Command(fish, "--no-config", "-c", "source $argv[1]; complete -C $argv[2]", path, line)
		cmd.Env = append(append([]string{}, e.env...), "PATH="+filepath.Dir(gmuxBin)+":"+os.Getenv("PATH"))
		cmd.Dir = e.home
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("completing %q: %v\n%s", line, err, out)
		}
		var words []string
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if w, _, _ := strings.Cut(l, "\t"); w != "" {
				words = append(words, w)
			}
		}
		slices.Sort(words)
		return words
	}
	for _, c := range []struct {
		line string
		want []string
	}{
		{"gmux -r a", []string{"alpha"}},
		{"gmux -dr b", []string{"beta.two"}},
		{"gmux -r x", []string{"x$(touch pwned)"}},
		{"gmux -S alpha -X sel", []string{"select"}},
		{"gmux -S alpha -X select ", nil},
		{"gmux -wi", []string{"-wipe"}},
		{"gmux -completion f", []string{"fish"}},
	} {
		if got := complete(c.line); !slices.Equal(got, c.want) {
			t.Errorf("completing %q: %q, want %q", c.line, got, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(e.home, "pwned")); err == nil {
		t.Fatal("completing a session name ran a command in it")
	}
}
