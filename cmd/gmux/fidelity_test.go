package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A program run inside gmux shows what it shows run directly in a reference
// terminal (a tmux pane of the same size), before and after detach/resume.
func TestSameAsReferencePane(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("needs tmux")
	}
	for _, prog := range []struct{ name, cmd, want string }{
		{"vim", "vim -u NONE -N -n -i NONE /etc/services", "tcpmux"},
		{"less", "less /etc/services", "tcpmux"},
	} {
		t.Run(prog.name, func(t *testing.T) {
			if _, err := exec.LookPath(prog.name); err != nil {
				t.Skipf("%s not installed", prog.name)
			}
			e := newEnv(t)
			ref := referencePane(t, e, prog.cmd, prog.want)
			tm := e.attach(80, 24, "-S", prog.name, "sh", "-c", prog.cmd)
			tm.waitText(prog.want)
			waitFor(t, "gmux to show what the reference pane shows", func() bool { return trimLines(tm.text()) == ref })
			tm.send("\x01d")
			tm.waitExit()
			tm2 := e.attach(80, 24, "-r", prog.name)
			waitFor(t, "the resumed screen to match the reference", func() bool { return trimLines(tm2.text()) == ref })
		})
	}
}

// referencePane runs cmd in a private tmux pane of 80x24 with gmux's TERM and
// returns its screen once it settles.
func referencePane(t *testing.T, e *env, cmd, want string) string {
	t.Helper()
	conf := filepath.Join(e.home, "tmux.conf")
	os.WriteFile(conf, []byte("set -g status off\nset -g default-terminal screen-256color\n"), 0o644)
	sock := "gmux-ref-" + strconv.Itoa(os.Getpid()) + "-" + filepath.Base(e.home)
	tmux := func(args ...string) string {
		c := exec.Command("tmux", append([]string{"-L", sock, "-f", conf}, args...)...)
		c.Env = append(os.Environ(), "HOME="+e.home)
		out, _ := c.CombinedOutput()
		return string(out)
	}
	t.Cleanup(func() { tmux("kill-server") })
	tmux("new-session", "-d", "-x", "80", "-y", "24", "cd "+e.home+"; "+cmd)
	var last string
	deadline := time.Now().Add(10 * time.Second)
	for {
		cur := trimLines(tmux("capture-pane", "-p"))
		if cur == last && strings.Contains(cur, want) {
			return cur
		}
		if time.Now().After(deadline) {
			t.Fatalf("reference pane did not settle:\n%s", cur)
		}
		last = cur
		time.Sleep(100 * time.Millisecond)
	}
}

// trimLines removes trailing blanks and blank lines at the end.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// Terminal queries are answered through the PTY, as a terminal would.
func TestQueriesAnswered(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "query")
	tm.send(`clear; printf '\033[6n'; IFS= read -rs -d R r; printf '\033[c'; IFS= read -rs -d c d; echo "cpr=${r#*[} da=${d#*[}"` + "\r")
	tm.waitText("cpr=1;1 da=?62;22")
}
