package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// startAgent runs an ssh-agent at sock holding a new key with comment name,
// for the length of the test.
func startAgent(t *testing.T, e *env, sock, name string) {
	t.Helper()
	agent := exec.Command("ssh-agent", "-D", "-a", sock)
	if err := agent.Start(); err != nil {
		t.Skipf("ssh-agent: %v", err)
	}
	t.Cleanup(func() { agent.Process.Kill(); agent.Wait() })
	key := filepath.Join(e.home, name)
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v %s", err, out)
	}
	waitFor(t, "the agent's socket", func() bool { _, err := os.Stat(sock); return err == nil })
	add := exec.Command("ssh-add", key)
	add.Env = append(os.Environ(), "SSH_AUTH_SOCK="+sock)
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("ssh-add: %v %s", err, out)
	}
}

// withEnv runs f with extra variables in every gmux e starts.
func withEnv(e *env, extra []string, f func()) {
	saved := e.env
	e.env = append(slices.Clone(saved), extra...)
	defer func() { e.env = saved }()
	f()
}

// A shell started under one SSH login's agent uses the agent of whichever
// login attached last: SSH_AUTH_SOCK in windows is a link that follows the
// newest client. DISPLAY (an updateenv variable) follows it for new windows.
func TestAgentFollowsNewestClient(t *testing.T) {
	e := newEnv(t)
	sock1, sock2 := filepath.Join(e.home, "a1"), filepath.Join(e.home, "a2")
	startAgent(t, e, sock1, "key-one")
	startAgent(t, e, sock2, "key-two")
	var tm *terminal
	withEnv(e, []string{"SSH_AUTH_SOCK=" + sock1, "DISPLAY=:1"}, func() {
		tm = e.attach(100, 24, "-S", "agent", "bash", "--norc", "--noprofile")
	})
	tm.waitText("$ ")
	tm.send("ssh-add -l; echo agent-at=$SSH_AUTH_SOCK\r")
	tm.waitText("key-one")
	if strings.Contains(tm.text(), "agent-at="+sock1) {
		t.Fatalf("the window has the client's own agent path, not the session's link:\n%s", tm.text())
	}
	tm.send("\x01d")
	tm.waitExit()
	withEnv(e, []string{"SSH_AUTH_SOCK=" + sock2, "DISPLAY=:2"}, func() {
		tm = e.attach(100, 24, "-r", "agent")
	})
	tm.send("clear; ssh-add -l\r") // the same shell, started under the first login
	tm.waitText("key-two")
	if strings.Contains(tm.text(), "key-one") {
		t.Errorf("the old agent still answers:\n%s", tm.text())
	}
	tm.send("\x01c")
	tm.send("echo display=$DISPLAY\r")
	tm.waitText("display=:2")
}
