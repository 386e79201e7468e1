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

// What gmux draws on the user's terminal is what the program drew, cell for
// cell, down to the forms of colours and what is not there: a tmux pane
// running a program directly and a tmux pane running gmux running the same
// program are captured with their styles and trailing blanks (capture-pane
// -e -N) and must be the same. Trailing blanks written as spaces, 31 sent
// for 38;5;1, or concealed text sent as spaces would all show.
func TestRendererMatchesTmuxPane(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("needs tmux")
	}
	e := newEnv(t)
	conf := filepath.Join(e.home, "tmux.conf")
	os.WriteFile(conf, []byte("set -g status off\nset -g default-terminal screen-256color\n"), 0o644)
	sock := "gmux-render-" + strconv.Itoa(os.Getpid()) + "-" + filepath.Base(e.home)
	tmux := func(args ...string) string {
		c := exec.Command("tmux", append([]string{"-L", sock, "-f", conf}, args...)...)
		c.Env = append(append([]string{}, e.env...), "COLORTERM=truecolor")
		out, _ := c.CombinedOutput()
		return string(out)
	}
	t.Cleanup(func() { tmux("kill-server") })
	script := `printf 'plain\n\033[31mred31\033[m \033[38;5;1mred256\033[m \033[38;5;9mbright\033[m\n` +
		`\033[1;38;5;3mbold256\033[m \033[1;33mbold33\033[m\n\033[44mbg\033[m   \033[41m  \033[m\n` +
		`trail   \033[K\n\033[8mhidden\033[m shown \033[4mul\033[m\n\033[38;2;10;20;30;48;2;200;100;0mrgb\033[m\n` +
		`\xe4\xb8\xad\xe6\x96\x87 wide\nDONE'; exec sleep 1000`
	tmux("new-session", "-d", "-x", "60", "-y", "12", "-n", "direct", "sh", "-c", script)
	tmux("new-window", "-d", "-n", "gmux", gmuxBin, "-S", "render", "sh", "-c", script)
	capture := func(win string) string {
		return tmux("capture-pane", "-p", "-e", "-N", "-t", win) + "cursor " + tmux("display", "-p", "-t", win, "#{cursor_x},#{cursor_y}")
	}
	var direct, through string
	deadline := time.Now().Add(10 * time.Second)
	for {
		direct, through = capture("direct"), capture("gmux")
		if strings.Contains(direct, "DONE") && direct == through {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the panes differ:\ndirect: %q\nthrough gmux: %q", direct, through)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(direct, "38;5;1m") || !strings.Contains(direct, "trail   ") {
		t.Fatalf("the reference pane is not what the test means to compare: %q", direct)
	}
}
