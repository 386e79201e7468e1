package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestTwoBinaries: gmux starts the gmux-server beside it (through a
// symbolic link too), says what is missing when there is none, and
// gmux-server is a complete gmux.
func TestTwoBinaries(t *testing.T) {
	e := newEnv(t)
	e.startDetached("two", "sleep", "1000")
	server := filepath.Join(filepath.Dir(gmuxBin), "gmux-server")
	exe, err1 := os.Stat("/proc/" + strconv.Itoa(serverPID(t, e)) + "/exe")
	want, err2 := os.Stat(server)
	if err1 != nil || err2 != nil || !os.SameFile(exe, want) {
		t.Fatalf("the session's server runs %v, want %s (%v, %v)", exe, server, err1, err2)
	}

	// gmux-server answers as gmux does.
	out, err := runBinary(e, server, "-ls")
	if err != nil || !strings.Contains(out, ".two\t") {
		t.Fatalf("gmux-server -ls: %v\n%s", err, out)
	}

	// A link to gmux from another directory finds the server beside the file.
	links := t.TempDir()
	link := filepath.Join(links, "gmux")
	if err := os.Symlink(gmuxBin, link); err != nil {
		t.Fatal(err)
	}
	if out, err := runBinary(e, link, "-dmS", "linked", "sleep", "1000"); err != nil {
		t.Fatalf("gmux by a link: %v\n%s", err, out)
	}

	// A gmux without its server refuses to start one, and says what to
	// install; what needs no server still works.
	alone := filepath.Join(t.TempDir(), "gmux")
	copyBinary(t, gmuxBin, alone)
	out, err = runBinary(e, alone, "-dmS", "lonely", "sleep", "1000")
	if err == nil || !strings.Contains(out, "gmux-server is not installed beside "+alone) {
		t.Fatalf("gmux without gmux-server started a session: %v\n%s", err, out)
	}
	if out, _ := e.run("-ls"); strings.Contains(out, "lonely") || !strings.Contains(out, ".linked\t") {
		t.Fatalf("sessions after the refusal:\n%s", out)
	}
	if out, err := runBinary(e, alone, "-ls"); err != nil || !strings.Contains(out, ".two\t") {
		t.Fatalf("gmux alone -ls: %v\n%s", err, out)
	}
	// A server's role handed to it (a -X upgrade naming it) fails with the
	// same advice.
	cmd := exec.Command(alone, "__resume", "-check")
	cmd.Env = e.env
	out2, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out2), "gmux-server is not installed") {
		t.Fatalf("gmux alone __resume -check: %v\n%s", err, out2)
	}
}

func runBinary(e *env, bin string, args ...string) (string, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env, cmd.Dir = e.env, e.home
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func copyBinary(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o755); err != nil {
		t.Fatal(err)
	}
}
