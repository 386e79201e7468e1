// Command conformance runs xterm's conformance suite, esctest2, stock inside
// a gmux window and prints how many tests passed and which failed.
//
// The suite runs inside the terminal under test and reads the screen back
// with DECRQCRA, so the only outside help it needs is a real terminal of
// 80x25 around gmux: a private tmux server gives it one. Nothing here touches
// the user's own tmux or gmux: both run on private sockets and are killed by
// their own PIDs.
//
//	go run ./cmd/conformance [-esctest DIR] [-include REGEX] [-log FILE]
//
// DIR defaults to $ESCTEST_DIR, else ../shared/esctest2. Without the suite or
// without tmux and python3 it says so and exits 0, so `make conformance` is
// safe anywhere.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

func main() {
	defaultDir := os.Getenv("ESCTEST_DIR")
	if defaultDir == "" {
		defaultDir = filepath.Join("..", "shared", "esctest2")
	}
	dir := flag.String("esctest", defaultDir, "esctest2 checkout (holds esctest/esctest.py)")
	include := flag.String("include", "", "regex of test names to run (default all)")
	logPath := flag.String("log", "", "keep esctest's full log here")
	timeout := flag.Duration("timeout", 30*time.Minute, "give up after this long")
	flag.Parse()

	script := filepath.Join(*dir, "esctest", "esctest.py")
	if _, err := os.Stat(script); err != nil {
		fmt.Printf("conformance: skipped, esctest2 not found at %s (set ESCTEST_DIR)\n", *dir)
		return
	}
	for _, tool := range []string{"tmux", "python3"} {
		if _, err := exec.LookPath(tool); err != nil {
			fmt.Printf("conformance: skipped, %s not installed\n", tool)
			return
		}
	}
	res, err := run(script, *include, *logPath, *timeout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		os.Exit(1)
	}
	res.print(os.Stdout)
}

// result is what esctest's summary line and failure list say.
type result struct {
	passed, knownBugs, failed int
	failing                   []string
}

func (r result) print(w *os.File) {
	fmt.Fprintf(w, "esctest2 in gmux: %d passed, %d failed, %d known xterm bugs (of %d run)\n",
		r.passed, r.failed, r.knownBugs, r.passed+r.failed+r.knownBugs)
	byClass := map[string]int{}
	var order []string
	for _, t := range r.failing {
		class, _, _ := strings.Cut(t, ".")
		if byClass[class] == 0 {
			order = append(order, class)
		}
		byClass[class]++
	}
	if len(order) > 0 {
		fmt.Fprintln(w, "failing, by test class:")
		for _, c := range order {
			fmt.Fprintf(w, "  %-32s %d\n", c, byClass[c])
		}
	}
}

func run(script, include, keepLog string, timeout time.Duration) (result, error) {
	work, err := os.MkdirTemp("", "gmux-conformance-")
	if err != nil {
		return result{}, err
	}
	defer os.RemoveAll(work)

	gmux := filepath.Join(work, "gmux")
	build := exec.Command("go", "build", "-o", work+"/", "./cmd/gmux", "./cmd/gmux-server") // gmux and its server, side by side
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return result{}, fmt.Errorf("building gmux: %w", err)
	}

	logFile := filepath.Join(work, "esctest.log")
	sockDir := filepath.Join(work, "sockets")
	if err := os.Mkdir(sockDir, 0o700); err != nil {
		return result{}, err
	}
	args := []string{"python3", script, "--expected-terminal=xterm", "--max-vt-level=5",
		"--logfile=" + logFile}
	if include != "" {
		args = append(args, "--include="+include)
	}
	inner := fmt.Sprintf("HOME=%s GMUX_SOCKET_DIR=%s GMUXRC=/dev/null SYSGMUXRC=/dev/null %s -S conformance %s",
		shellQuote(work), shellQuote(sockDir), shellQuote(gmux), shellJoin(args))

	tmuxSock := filepath.Join(work, "tmux.sock")
	tmux := func(a ...string) *exec.Cmd {
		return exec.Command("tmux", append([]string{"-S", tmuxSock, "-f", "/dev/null"}, a...)...)
	}
	start := tmux("new-session", "-d", "-x", "80", "-y", "25", "-P", "-F", "#{pid}",
		"env TERM=xterm-256color sh -c "+shellQuote(inner))
	start.Env = append(os.Environ(), "TERM=xterm-256color")
	out, err := start.Output()
	if err != nil {
		return result{}, fmt.Errorf("starting tmux: %w", err)
	}
	tmuxPID, _ := strconv.Atoi(strings.TrimSpace(string(out)))
	defer func() {
		_ = tmux("kill-server").Run()
		if tmuxPID > 0 {
			if p, err := os.FindProcess(tmuxPID); err == nil {
				_ = p.Kill()
			}
		}
	}()

	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	res, err := waitForSummary(ctx, logFile)
	if keepLog != "" {
		if data, rerr := os.ReadFile(logFile); rerr == nil {
			_ = os.WriteFile(keepLog, data, 0o644)
		}
	}
	return res, err
}

var summaryLine = regexp.MustCompile(`(?i)\*\*\* (\d+) tests passed, (\d+) known bugs(?:, (\d+) tests failed)? \*\*\*`)

// waitForSummary polls esctest's log until its summary appears. esctest
// writes the log only at the end, so there is nothing to follow before.
func waitForSummary(ctx context.Context, logFile string) (result, error) {
	for {
		if data, err := os.ReadFile(logFile); err == nil {
			if res, ok := parseLog(string(data)); ok {
				return res, nil
			}
		}
		select {
		case <-ctx.Done():
			return result{}, errors.New("esctest did not finish in time")
		case <-time.After(time.Second):
		}
	}
}

func parseLog(log string) (result, bool) {
	m := summaryLine.FindStringSubmatchIndex(log)
	if m == nil {
		return result{}, false
	}
	num := func(i int) int {
		if m[2*i] < 0 {
			return 0
		}
		n, _ := strconv.Atoi(log[m[2*i]:m[2*i+1]])
		return n
	}
	res := result{passed: num(1), knownBugs: num(2), failed: num(3)}
	rest := log[m[1]:]
	if _, list, ok := strings.Cut(rest, "Failing tests:\n"); ok {
		sc := bufio.NewScanner(strings.NewReader(list))
		for sc.Scan() {
			if name := strings.TrimSpace(sc.Text()); name != "" {
				res.failing = append(res.failing, name)
			}
		}
	}
	return res, true
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func shellJoin(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = shellQuote(a)
	}
	return strings.Join(q, " ")
}
