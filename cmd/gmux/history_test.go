package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// waitWithin is waitFor with a deadline of its own, for long outputs.
func waitWithin(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// The compressed scrollback holds every line: a million lines go in, and
// hardcopy -h writes each of them back, in order, with nothing between.
func TestHardcopyOfLongCompressedHistory(t *testing.T) {
	e := newEnv(t)
	if out, code := e.run("-dmS", "long", "-h", "1000100"); code != 0 {
		t.Fatalf("start: %d %s", code, out)
	}
	const n = 1000000
	if out, code := e.run("-S", "long", "-X", "stuff", fmt.Sprintf("seq %d; echo seq-done\n", n)); code != 0 {
		t.Fatalf("stuff: %d %s", code, out)
	}
	histLines := regexp.MustCompile(`\+(\d+) `)
	waitWithin(t, 2*time.Minute, "the window to print all the lines", func() bool {
		out, _ := e.run("-S", "long", "-Q", "info")
		m := histLines.FindStringSubmatch(out)
		k := 0
		if m != nil {
			k, _ = strconv.Atoi(m[1])
		}
		return k >= n-100 // the last lines are still on the screen
	})
	file := filepath.Join(e.home, "all.txt")
	waitFor(t, "the last line", func() bool {
		os.Remove(file)
		e.run("-S", "long", "-X", "hardcopy", "-h", file)
		b, _ := os.ReadFile(file)
		return strings.Contains(string(b), "\nseq-done\n")
	})
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	start := -1
	for i, l := range lines {
		if l == "1" {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatalf("the first line is gone from the history")
	}
	for k := 1; k <= n; k++ {
		if got := lines[start+k-1]; got != strconv.Itoa(k) {
			t.Fatalf("line %d of seq: %q", k, got)
		}
	}
}

// historybytes bounds each window's scrollback in bytes, and info shows
// what it takes.
func TestHistoryBytesBudget(t *testing.T) {
	e := newEnv(t)
	if out, code := e.run("-dmS", "budget", "-h", "1000000"); code != 0 {
		t.Fatalf("start: %d %s", code, out)
	}
	if out, code := e.run("-S", "budget", "-X", "historybytes", "64k"); code != 0 {
		t.Fatalf("historybytes: %d %s", code, out)
	}
	e.run("-S", "budget", "-X", "stuff", "seq -f 'line %06g of the budget test' 100000; echo budget-done\n")
	info := regexp.MustCompile(`\+(\d+) .*history ([0-9.]+) (B|kB|MB)`)
	waitWithin(t, time.Minute, "the output to end", func() bool {
		out, _ := e.run("-S", "budget", "-Q", "info")
		m := info.FindStringSubmatch(out)
		if m == nil {
			return false
		}
		lines, _ := strconv.Atoi(m[1])
		size, _ := strconv.ParseFloat(m[2], 64)
		if m[3] == "MB" || m[3] == "kB" && size > 64 {
			t.Fatalf("history over its 64k budget: %s", out)
		}
		e.run("-S", "budget", "-Q", "hardcopy", filepath.Join(e.home, "screen.txt"))
		b, _ := os.ReadFile(filepath.Join(e.home, "screen.txt"))
		return lines > 500 && strings.Contains(string(b), "\nbudget-done")
	})
	if out, _ := e.run("-S", "budget", "-Q", "historybytes"); !strings.Contains(out, "64.0 kB") {
		t.Fatalf("historybytes reads back %q", out)
	}
	if out, code := e.run("-S", "budget", "-X", "historybytes", "lots"); code == 0 || !strings.Contains(out, "size") {
		t.Fatalf("a bad size was taken: %d %q", code, out)
	}
}
