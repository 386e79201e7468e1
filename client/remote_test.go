package client

import (
	"errors"
	"os/exec"
	"testing"
	"time"
)

func TestSplitRemote(t *testing.T) {
	for _, c := range []struct {
		arg, host, name string
		ok              bool
	}{
		{"work", "", "work", false},
		{"host:work", "host", "work", true},
		{"me@host:", "me@host", "", true},
		{"::1:work", "::1", "work", true},
		{":work", "", ":work", false},
	} {
		host, name, ok := SplitRemote(c.arg)
		if host != c.host || name != c.name || ok != c.ok {
			t.Errorf("SplitRemote(%q) = %q %q %v, want %q %q %v", c.arg, host, name, ok, c.host, c.name, c.ok)
		}
	}
}

// What ssh is asked to run reaches the far side's gmux word for word,
// whatever the words hold.
func TestShellQuoteRoundTrip(t *testing.T) {
	words := []string{"plain", "", "two words", "it's", `"$HOME"`, "a;b|c&d", "`x`", "tab\there", "new\nline", "*?[]"}
	line := "printf '%s\\0'"
	for _, w := range words {
		line += " " + shellQuote(w)
	}
	out, err := exec.Command("/bin/sh", "-c", line).Output()
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	want := ""
	for _, w := range words {
		want += w + "\x00"
	}
	if got != want {
		t.Fatalf("quoted words came back as %q, want %q", got, want)
	}
}

func TestRetryDelayBackoff(t *testing.T) {
	ms := time.Millisecond
	for _, c := range []struct {
		try     int
		lostFor time.Duration
		want    time.Duration
	}{
		{1, 0, 250 * ms}, {2, time.Second, 500 * ms}, {3, 2 * time.Second, time.Second}, {20, 50 * time.Second, time.Second},
		{4, 2 * time.Minute, 2 * time.Second}, {30, 5 * time.Minute, 5 * time.Second}, {40, time.Hour, 30 * time.Second},
	} {
		for range 50 {
			d := retryDelay(c.try, c.lostFor)
			if d < c.want*6/10 || d > c.want {
				t.Fatalf("retry %d after %v waits %v, want %v less at most 40%%, never more", c.try, c.lostFor, d, c.want)
			}
		}
	}
}

func TestSSHFailureExplained(t *testing.T) {
	said := func(s string) *tail { t := &tail{}; t.Write([]byte(s)); return t }
	if err := sshFailure("h", 127, said("bash: line 1: gmux: command not found\n")); !isFinal(err) {
		t.Errorf("missing gmux: %v", err)
	}
	if err := sshFailure("h", 2, said("gmux: unknown option -- (gmux -h lists them)\n")); !isFinal(err) {
		t.Errorf("old gmux: %v", err)
	}
	if err := sshFailure("h", 255, said("root@h: Permission denied (publickey).\n")); !errors.Is(err, ErrAuthNeeded) {
		t.Errorf("authentication: %v", err)
	}
	if err := sshFailure("h", 255, said("ssh: connect to host h port 22: Connection refused\n")); isFinal(err) || errors.Is(err, ErrAuthNeeded) {
		t.Errorf("a refused connection is worth a retry: %v", err)
	}
}
