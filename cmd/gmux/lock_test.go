package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// C-a x locks the display behind the session's password (a $6$ hash from
// openssl passwd -6 in the config); a wrong one is told and costs a pause;
// nothing typed at the lock reaches a program; reattaching asks for it too;
// -X still works; idle N lockscreen locks by itself.
func TestLockAndPassword(t *testing.T) {
	e := newEnv(t)
	tm := attachWithPassword(t, e, "lk", "s3cret")
	tm.send("echo visible-$((1+1))\r")
	tm.waitText("visible-2")
	tm.send("\x01x")
	tm.waitText("session lk is locked")
	if strings.Contains(tm.text(), "visible-2") {
		t.Fatalf("the window shows through the lock:\n%s", tm.text())
	}
	tm.send("wrong\r")
	tm.waitText("Password incorrect.")
	if out, code := e.run("-S", "lk", "-Q", "windows"); code != 0 || !strings.Contains(out, "bash") {
		t.Errorf("-Q while locked: %d %q", code, out)
	}
	// After the pause, the right one opens it.
	deadline := time.Now().Add(10 * time.Second)
	for strings.Contains(tm.text(), "is locked") && time.Now().Before(deadline) {
		tm.send("s3cret\r")
		time.Sleep(250 * time.Millisecond) // typed again until the pause is over
	}
	tm.waitText("visible-2")
	tm.send("echo after-$((2+2))\r")
	tm.waitText("after-4")
	if strings.Contains(tm.text(), "wrong") || strings.Contains(tm.text(), "s3cret") {
		t.Errorf("what was typed at the lock reached the shell:\n%s", tm.text())
	}
	tm.send("\x01d")
	tm.waitExit()

	tm = e.attach(80, 24, "-r", "lk")
	tm.waitText("session lk is locked (reattach)")
	// Not on the screen, and never sent to the terminal either (a frame
	// drawn then covered stays in some terminals' scrollback).
	if strings.Contains(tm.rawOutput(), "after-4") {
		t.Fatalf("reattach shows the session before the password:\n%q", tm.rawOutput())
	}
	tm.send("s3cret\r")
	tm.waitText("after-4")
	e.run("-S", "lk", "-X", "idle", "1", "lockscreen")
	tm.waitText("session lk is locked")
}

// Without a password, C-a x runs $LOCKPRG on the display, unlocked when it
// exits 0; with neither, it says how to set a password instead of locking.
func TestLockprg(t *testing.T) {
	e := newEnv(t)
	prog := filepath.Join(e.home, "lockprg")
	os.WriteFile(prog, []byte("#!/bin/sh\necho LOCKPRG-RUNNING\nread line\n[ \"$line\" = open ]\n"), 0o755)
	var tm *terminal
	withEnv(e, []string{"LOCKPRG=" + prog}, func() {
		tm = e.attach(80, 24, "-S", "lp", "bash", "--norc", "--noprofile")
	})
	tm.waitText("$ ")
	tm.send("echo under-$((3+3))\r")
	tm.waitText("under-6")
	tm.send("\x01x")
	tm.waitText("LOCKPRG-RUNNING")
	tm.send("open\r")
	tm.waitText("under-6")

	tm2 := e.attach(80, 24, "-S", "np", "bash", "--norc", "--noprofile")
	tm2.waitText("$ ")
	tm2.send("\x01x")
	tm2.waitText("no password to lock with")
}

// attachWithPassword starts session name with password (a $6$ hash from
// openssl passwd -6 in its config) and attaches to it at its prompt; the
// test is skipped without openssl.
func attachWithPassword(t *testing.T, e *env, name, password string) *terminal {
	t.Helper()
	hash, err := exec.Command("openssl", "passwd", "-6", password).Output()
	if err != nil {
		t.Skipf("openssl: %v", err)
	}
	rc := writeRC(t, e, "password '"+strings.TrimSpace(string(hash))+"'\n")
	tm := e.attach(80, 24, "-c", rc, "-S", name, "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	return tm
}
