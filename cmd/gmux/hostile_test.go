package main

import (
	"os"
	"path/filepath"
	"testing"
)

// Round three of the hardening tests: what a hostile program in a window,
// a hostile far side and a second local user found. Each names the hole it
// guards.

// A title is the program's choice: put into a log's name (%t), it cannot
// take the log out of its directory onto another file of the user's.
func TestLogNameFromTitleStaysInItsDirectory(t *testing.T) {
	e := newEnv(t)
	logs := filepath.Join(e.home, "logs")
	os.Mkdir(logs, 0o700)
	victim := filepath.Join(e.home, "victim")
	os.WriteFile(victim, []byte("precious\n"), 0o600)
	e.startDetached("lt", "bash", "-c", `printf '\e]2;../victim\a'; while :; do echo logged-line; sleep 0.1; done`)
	waitFor(t, "the program's title", func() bool {
		out, _ := e.run("-S", "lt", "-Q", "title")
		return out == "../victim\n"
	})
	if out, code := e.run("-S", "lt", "-X", "logfile", filepath.Join(logs, "%t")); code != 0 {
		t.Fatalf("logfile: %d %s", code, out)
	}
	e.run("-S", "lt", "-X", "logfile", "flush", "0")
	if out, code := e.run("-S", "lt", "-X", "log", "on"); code != 0 {
		t.Fatalf("log on: %d %s", code, out)
	}
	waitFor(t, "the log in its directory", func() bool {
		b, _ := os.ReadFile(filepath.Join(logs, ".._victim"))
		return len(b) > 0
	})
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Fatalf("the log went onto another file: %q", b)
	}
}
