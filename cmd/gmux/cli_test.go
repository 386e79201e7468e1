package main

import (
	"strings"
	"testing"
)

func TestLiteralCommandKey(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "lit")
	// In bash, C-a moves to the start of the line: C-a a must deliver it.
	tm.send("world-$((2+2))")
	tm.waitText("world-$((2+2))")
	tm.send("\x01a")
	tm.send("echo hello-\r")
	tm.waitText("hello-world-4")
}

func TestResumeOrCreate(t *testing.T) {
	e := newEnv(t)
	// -R with nothing to resume starts a session.
	a := e.attach(80, 24, "-R", "-S", "auto", "bash", "--norc", "--noprofile")
	a.waitText("$ ")
	a.send("echo first-life\r")
	a.waitText("first-life")
	a.send("\x01d")
	a.waitExit()
	// -R resumes it now.
	b := e.attach(80, 24, "-R")
	b.waitText("first-life")
	// -D -R takes it from b.
	c := e.attach(80, 24, "-D", "-R", "auto")
	c.waitText("first-life")
	b.waitExit()
	// -d name detaches it from elsewhere.
	out, code := e.run("-d", "auto")
	if code != 0 || !strings.Contains(out, "detached") {
		t.Fatalf("-d auto: %d %q", code, out)
	}
	c.waitExit()
	if !strings.Contains(c.rawOutput(), "[remote detached from") {
		t.Fatalf("no remote detach message: %q", tail(c.rawOutput()))
	}
}

func TestResumeAmongSeveral(t *testing.T) {
	e := newEnv(t)
	for _, n := range []string{"alpha", "beta"} {
		e.startDetached(n, "sleep", "1000")
	}
	out, code := e.run("-r")
	if code != 1 || !strings.Contains(out, "several suitable sessions") || !strings.Contains(out, ".alpha") || !strings.Contains(out, `gmux -r [pid.]name`) {
		t.Fatalf("-r among several: %d %q", code, out)
	}
	// A prefix picks one.
	tm := e.attach(80, 24, "-r", "be")
	waitFor(t, "beta attached", func() bool { return strings.Contains(e.ls(), "(Attached)") })
	tm.send("\x01d")
	tm.waitExit()
	if !strings.Contains(tm.rawOutput(), ".beta]") {
		t.Fatalf("attached to the wrong one: %q", tail(tm.rawOutput()))
	}
	// A name taken by a live session is refused.
	if out, code := e.run("-dmS", "alpha", "sleep", "1"); code != 1 || !strings.Contains(out, "exists") {
		t.Fatalf("duplicate name: %d %q", code, out)
	}
}
