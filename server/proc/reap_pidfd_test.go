//go:build linux && !portable

package proc

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// Waiting for many programs must not hold a thread for each: a server
// with a hundred windows would otherwise have a hundred idle threads.
func TestReapHoldsNoThreadPerProgram(t *testing.T) {
	if _, err := unix.PidfdOpen(os.Getpid(), 0); err != nil {
		t.Skipf("no pidfds here (%v): the blocking wait is used", err)
	}
	before := threads(t)
	const n = 40
	var cmds []*exec.Cmd
	done := make(chan error, n)
	for range n {
		c := exec.Command("sleep", "60")
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, c)
		go func() {
			ws, err := Reap(c.Process.Pid)
			if err == nil && !ws.Signaled() {
				err = os.ErrInvalid
			}
			done <- err
		}()
	}
	// Give the waits time to settle (a blocking wait4 would have taken a
	// thread each by then).
	deadline := time.Now().Add(500 * time.Millisecond)
	for time.Now().Before(deadline) && threads(t) < before+n/2 {
		time.Sleep(20 * time.Millisecond)
	}
	during := threads(t)
	for _, c := range cmds {
		c.Process.Kill()
	}
	for range n {
		if err := <-done; err != nil {
			t.Errorf("Reap: %v", err)
		}
	}
	if during >= before+n/2 {
		t.Errorf("%d programs waited for: threads went from %d to %d", n, before, during)
	}
}

func threads(t *testing.T) int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "Threads:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	t.Fatal("no Threads in /proc/self/status")
	return 0
}
