package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
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
	rc := writeRC(t, e, "password '"+passwordHash(t, password)+"'\n")
	tm := e.attach(80, 24, "-c", rc, "-S", name, "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	return tm
}

// passwordHash is openssl's $6$ hash of password.
func passwordHash(t *testing.T, password string) string {
	t.Helper()
	hash, err := exec.Command("openssl", "passwd", "-6", password).Output()
	if err != nil {
		t.Skipf("openssl: %v", err)
	}
	return strings.TrimSpace(string(hash))
}

// A session started detached (-dm) with a password asks for it at its very
// first attach, as screen does: there is no starter's display to trust.
func TestFirstAttachOfDetachedSessionIsLocked(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, "password '"+passwordHash(t, "s3cret")+"'\n")
	if out, code := e.run("-c", rc, "-dmS", "dl", "bash", "-c", "echo secret-$((6*7)); sleep 1000"); code != 0 {
		t.Fatalf("start: %d %q", code, out)
	}
	tm := e.attach(80, 24, "-r", "dl")
	tm.waitText("session dl is locked")
	if strings.Contains(tm.rawOutput(), "secret-42") {
		t.Fatalf("the first attach shows the session before the password:\n%q", tm.rawOutput())
	}
	tm.send("s3cret\r")
	tm.waitText("secret-42")
}

// A password line gmux cannot use (a hash written unquoted, whose $salt
// and $digest expand to nothing, or garbage) fails closed: the session is
// not started, and the error names the file and line.
func TestUnusablePasswordRefusesToStart(t *testing.T) {
	e := newEnv(t)
	for _, line := range []string{"password " + passwordHash(t, "pw"), "password garbage"} {
		rc := writeRC(t, e, "# my rc\n"+line+"\n")
		out, code := e.run("-c", rc, "-dmS", "bad", "sleep", "1000")
		if code == 0 || !strings.Contains(out, rc+":2:") || !strings.Contains(out, "not started") {
			t.Errorf("%q: %d %q", line, code, out)
		}
		if ls := e.ls(); strings.Contains(ls, ".bad") {
			t.Fatalf("%q: a session runs without its password:\n%s", line, ls)
		}
	}
}

// One try per Enter, however the tries arrive: a burst or paste of
// "w1⏎w2⏎right⏎" makes one try, and the pause after a wrong one covers
// what follows it in the same read.
func TestLockBurstIsOneTry(t *testing.T) {
	e := newEnv(t)
	tm := attachWithPassword(t, e, "lb", "right")
	tm.send("\x01x")
	tm.waitText("session lb is locked")
	tm.send("w1\rw2\rright\r")
	tm.waitText("Password incorrect.")
	if !strings.Contains(tm.text(), "is locked") {
		t.Fatalf("a try after a wrong one in the same burst opened the lock:\n%s", tm.text())
	}
	deadline := time.Now().Add(10 * time.Second)
	for strings.Contains(tm.text(), "is locked") && time.Now().Before(deadline) {
		tm.send("right\r")
		time.Sleep(250 * time.Millisecond) // typed again until the pause is over
	}
	tm.waitText("$ ")
}

// A bcrypt check (tens to hundreds of milliseconds) runs off the session
// loop: the session answers while it runs.
func TestPasswordCheckOffTheLoop(t *testing.T) {
	e := newSerialEnv(t)
	hash, err := bcrypt.GenerateFromPassword([]byte("right"), 14)
	if err != nil {
		t.Fatal(err)
	}
	rc := writeRC(t, e, "password '"+string(hash)+"'\n")
	tm := e.attach(80, 24, "-c", rc, "-S", "bc", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	tm.send("\x01x")
	tm.waitText("session bc is locked")
	began := time.Now()
	tm.send("wrong\r")
	var slowest time.Duration
	for !strings.Contains(tm.text(), "Password incorrect.") {
		if time.Since(began) > 30*time.Second {
			t.Fatal("the check never ended")
		}
		t0 := time.Now()
		if _, code := e.run("-S", "bc", "-Q", "windows"); code != 0 {
			t.Fatal("-Q windows failed during the check")
		}
		slowest = max(slowest, time.Since(t0))
	}
	check := time.Since(began)
	if slowest > check/2 {
		t.Fatalf("the session stalled during the password check: -Q took %v of a %v check", slowest, check)
	}
}
