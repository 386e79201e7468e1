package main

import (
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gmux/gmux/proto"
)

// linkRelay stands between ssh and sshd as the network does: it passes bytes
// on, and the test can reset every connection (a dropped link) or turn it
// into a black hole (nothing passes, nothing is reset: a dead Wi-Fi, a NAT
// that forgot the flow). When the black hole ends, the connections it held
// are reset, as a NAT that lost its state answers.
type linkRelay struct {
	t      *testing.T
	ln     net.Listener
	target string
	mu     sync.Mutex
	conns  []*net.TCPConn
	hole   bool
}

func startRelay(t *testing.T, targetPort int) *linkRelay {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &linkRelay{t: t, ln: ln, target: fmt.Sprintf("127.0.0.1:%d", targetPort)}
	t.Cleanup(func() { ln.Close(); r.reset() })
	go r.serve()
	return r
}

func (r *linkRelay) port() int { return r.ln.Addr().(*net.TCPAddr).Port }

func (r *linkRelay) serve() {
	for {
		c, err := r.ln.Accept()
		if err != nil {
			return
		}
		r.mu.Lock()
		r.conns = append(r.conns, c.(*net.TCPConn))
		hole := r.hole
		r.mu.Unlock()
		if hole {
			go r.pipe(c, io.Discard) // held, and nothing answers
			continue
		}
		d, err := net.Dial("tcp", r.target)
		if err != nil {
			c.Close()
			continue
		}
		r.mu.Lock()
		r.conns = append(r.conns, d.(*net.TCPConn))
		r.mu.Unlock()
		go r.pipe(c, d)
		go r.pipe(d, c)
	}
}

// pipe copies from to to, dropping what comes while the link is a black hole.
func (r *linkRelay) pipe(from net.Conn, to io.Writer) {
	buf := make([]byte, 32<<10)
	for {
		n, err := from.Read(buf)
		r.mu.Lock()
		hole := r.hole
		r.mu.Unlock()
		if n > 0 && !hole {
			if _, err := to.Write(buf[:n]); err != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// reset drops every connection with a TCP reset.
func (r *linkRelay) reset() {
	r.mu.Lock()
	conns := r.conns
	r.conns = nil
	r.mu.Unlock()
	for _, c := range conns {
		c.SetLinger(0)
		c.Close()
	}
}

// blackHole starts or ends a black hole.
func (r *linkRelay) blackHole(on bool) {
	r.mu.Lock()
	r.hole = on
	r.mu.Unlock()
	if !on {
		r.reset()
	}
}

// remoteEnv is what a remote test's gmux needs to reach sshd through the
// relay, and to run the gmux under test on the far side with this test's
// socket directory and shell.
func remoteEnv(e *env, sshd *sshServer, port int) []string {
	quoted := make([]string, len(e.env))
	for i, kv := range e.env {
		quoted[i] = "'" + strings.ReplaceAll(kv, "'", `'\''`) + "'"
	}
	return []string{
		fmt.Sprintf("GMUX_SSH_COMMAND=ssh -i %s -p %d -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR", sshd.key, port),
		fmt.Sprintf("GMUX_REMOTE_COMMAND=cd %s && env %s %s", e.home, strings.Join(quoted, " "), gmuxBin)}
}

const farHost = "root@127.0.0.1"

// A session on another host, attached over ssh: the job survives a reset
// link and a black-holed one, the client says it is reconnecting and comes
// back by itself, keys typed meanwhile are not sent, and C-a d ends it.
func TestRemoteAttachRidesOutLostLinks(t *testing.T) {
	e := newSerialEnv(t)
	sshd := startSSHD(t, e)
	relay := startRelay(t, sshd.port)
	var tm *terminal
	withEnv(e, remoteEnv(e, sshd, relay.port()), func() {
		tm = e.attach(120, 24, "-S", farHost+":job")
	})
	tm.waitText("$ ")
	if !strings.Contains(e.ls(), ".job\t") {
		t.Fatalf("the session is not on the far side:\n%s", e.ls())
	}
	pid := startJob(t, tm)
	tm.send("echo before-$((1+1))\r")
	tm.waitText("before-2")

	// A reset: ssh ends at once, the client retries by itself.
	relay.reset()
	tm.waitText("connection to " + farHost + " lost")
	waitGone(tm, "lost", 15*time.Second) // redrawn: the status line is gone
	if !strings.Contains(tm.text(), "before-2") {
		t.Fatalf("the screen was not redrawn as it was:\n%s", tm.text())
	}
	tm.send("echo after-reset-$((2+2))\r")
	tm.waitText("after-reset-4")
	tm.resize(100, 30) // passed on, as by a local client
	waitFor(t, "the window to take the new size", func() bool { c, r := windowSize(t, e, "job"); return c == 100 && r == 30 })
	// A yank on the far host reaches this terminal's clipboard (OSC 52).
	tm.send(`printf '\e]52;c;%s\a' "$(printf far-yank | base64)"` + "\r")
	waitFor(t, "a far program's copy on this terminal", func() bool {
		return strings.Contains(tm.rawOutput(), "\x1b]52;c;"+base64.StdEncoding.EncodeToString([]byte("far-yank"))+"\a")
	})

	// A black hole: nothing comes back and nothing is reset; heartbeats
	// notice within 15 s.
	relay.blackHole(true)
	lostAt := time.Now()
	tm.send("ab") // typed before the loss is noticed: into the hole
	tm.waitMatchWithin("connection to "+farHost+" lost — reconnecting", 15*time.Second)
	t.Logf("black hole noticed in %v", time.Since(lostAt).Round(time.Millisecond))
	// The last word heard came at most a heartbeat before the hole
	// began: a loss called sooner was not the heartbeats' doing.
	if d := time.Since(lostAt); d < proto.HeartbeatLost-proto.HeartbeatInterval-time.Second {
		t.Fatalf("a black hole was called lost after %v, before heartbeats could be missed:\n%s", d, tm.text())
	}
	tm.send("xyz")
	tm.waitText("5 key(s) dropped") // those sent into the hole count too
	relay.blackHole(false)
	tm.waitMatchWithin("5 key\\(s\\) typed while the link was down were not sent", 40*time.Second)
	if strings.Contains(tm.text(), "xyz") || strings.Contains(tm.text(), "$ ab") {
		t.Fatalf("keys typed while the link was down reached the shell:\n%s", tm.text())
	}
	tm.send("echo after-hole-$((3+3))\r")
	tm.waitText("after-hole-6")
	if !alive(pid) {
		t.Fatalf("job %d died with the link", pid)
	}

	// The far side's commands over ssh: -ls HOST: and -X.
	withEnv(e, remoteEnv(e, sshd, relay.port()), func() {
		out, code := e.run("-ls", farHost+":")
		if code != 0 || !strings.Contains(out, ".job\t") || !strings.Contains(out, "Attached") {
			t.Fatalf("-ls %s: (%d)\n%s", farHost+":", code, out)
		}
		out, code = e.run("-S", farHost+":job", "-Q", "windows")
		if code != 0 || !strings.Contains(out, "0") {
			t.Fatalf("-Q windows over ssh: (%d) %s", code, out)
		}
		if out, code := e.run("-S", farHost+":job", "-X", "title", "far away"); code != 0 {
			t.Fatalf("-X title over ssh: (%d) %s", code, out)
		}
		out, _ = e.run("-S", "job", "-Q", "title")
		if !strings.Contains(out, "far away") {
			t.Fatalf("-X over ssh did not reach the session: title %q", out)
		}
	})

	tm.send("\x01d")
	if code := tm.waitExit(); code != 0 || !strings.Contains(tm.text(), "[detached from ") || !strings.Contains(tm.text(), ".job on "+farHost+"]") {
		t.Fatalf("C-a d: status %d\n%s", code, tm.text())
	}
	waitFor(t, "the session to be Detached", func() bool { return strings.Contains(e.ls(), "Detached") })
	if !alive(pid) {
		t.Fatalf("job %d died on detach", pid)
	}
}

// While the link is down, C-a d gives up for good, and the session stays on
// the far side, detached once the server hears nothing more.
func TestRemoteGiveUpWhileDown(t *testing.T) {
	e := newEnv(t)
	sshd := startSSHD(t, e)
	relay := startRelay(t, sshd.port)
	e.startDetached("far")
	var tm *terminal
	withEnv(e, remoteEnv(e, sshd, relay.port()), func() { tm = e.attach(80, 24, "-r", farHost+":far") })
	tm.waitText("$ ")
	relay.blackHole(true)
	tm.waitMatchWithin("connection to "+farHost+" lost", 15*time.Second)
	tm.send("\x01d")
	tm.waitExit()
	if !strings.Contains(tm.text(), "gave up reconnecting") {
		t.Fatalf("no word on giving up:\n%s", tm.text())
	}
	relay.blackHole(false) // the old connection is reset: the server drops it
	waitFor(t, "the session to be Detached", func() bool { return strings.Contains(e.ls(), "Detached") })
}

// A client killed outright leaves the remote session detached, as a local
// one; and a far side without gmux gets a message naming the fix.
func TestRemoteKilledClientAndMissingGmux(t *testing.T) {
	e := newEnv(t)
	sshd := startSSHD(t, e)
	e.startDetached("far")
	vars := remoteEnv(e, sshd, sshd.port)
	var tm *terminal
	withEnv(e, vars, func() { tm = e.attach(80, 24, "-r", farHost+":far") })
	tm.waitText("$ ")
	waitFor(t, "the session to be Attached", func() bool { return strings.Contains(e.ls(), "Attached") })
	tm.cmd.Process.Signal(syscall.SIGKILL)
	waitFor(t, "the session to be Detached", func() bool { return strings.Contains(e.ls(), "Detached") })

	missing := append(vars[:1:1], "GMUX_REMOTE_COMMAND=/nonexistent/gmux")
	withEnv(e, missing, func() { tm = e.attach(80, 24, "-r", farHost+":far") })
	tm.waitExit()
	if out := strings.ReplaceAll(tm.text(), "\n", ""); !strings.Contains(out, "gmux is not installed on "+farHost) || !strings.Contains(out, "GMUX_REMOTE_COMMAND") {
		t.Fatalf("no clear message for a far side without gmux:\n%s", out)
	}
	old := filepath.Join(e.home, "oldgmux")
	os.WriteFile(old, []byte("#!/bin/sh\necho 'gmux: unknown option -- (gmux -h lists them)' >&2\nexit 2\n"), 0o755)
	withEnv(e, append(vars[:1:1], "GMUX_REMOTE_COMMAND="+old), func() { tm = e.attach(80, 24, "-r", farHost+":far") })
	tm.waitExit()
	if out := strings.ReplaceAll(tm.text(), "\n", ""); !strings.Contains(out, "the gmux on "+farHost+" is too old for remote sessions: install this gmux there") {
		t.Fatalf("no clear message for a far side with an old gmux:\n%s", out)
	}
	withEnv(e, vars, func() { tm = e.attach(80, 24, "-r", farHost+":nosuch") })
	tm.waitExit()
	if out := strings.ReplaceAll(tm.text(), "\n", ""); !strings.Contains(out, `there is no session matching "nosuch"`) {
		t.Fatalf("no clear message for an unknown remote session:\n%s", out)
	}
}

// A login script on the far side that prints (a greeting in .bashrc, read
// even for ssh's commands) does not get in the way.
func TestRemoteLoginNoise(t *testing.T) {
	e := newEnv(t)
	sshd := startSSHD(t, e)
	e.startDetached("far")
	vars := remoteEnv(e, sshd, sshd.port)
	vars[1] = strings.Replace(vars[1], "GMUX_REMOTE_COMMAND=", "GMUX_REMOTE_COMMAND=echo Welcome to the far side; printf 'x\\0\\0\\0\\1y\\n'; ", 1)
	var tm *terminal
	withEnv(e, vars, func() { tm = e.attach(80, 24, "-r", farHost+":far") })
	tm.waitText("$ ")
	tm.send("echo through-$((7*6))\r")
	tm.waitText("through-42")
	if strings.Contains(tm.text(), "Welcome") {
		t.Fatalf("the far side's greeting reached the screen:\n%s", tm.text())
	}
	tm.send("\x01d")
	tm.waitExit()
}

// Two clients on two hosts (two sshd) at once both ride out a reset.
func TestRemoteTwoHosts(t *testing.T) {
	e := newEnv(t)
	var tms []*terminal
	var relays []*linkRelay
	for i := range 2 {
		sshd := startSSHD(t, e)
		relay := startRelay(t, sshd.port)
		relays = append(relays, relay)
		withEnv(e, remoteEnv(e, sshd, relay.port()), func() {
			// -S HOST:NAME creates there; so does -D -R HOST:NAME, when
			// there is none to resume.
			how := []string{"-S", fmt.Sprintf("%s:host%d", farHost, i)}
			if i == 1 {
				how = []string{"-D", "-R", fmt.Sprintf("%s:host%d", farHost, i)}
			}
			tms = append(tms, e.attach(80, 24, how...))
		})
	}
	for i, tm := range tms {
		tm.waitText("$ ")
		tm.send(fmt.Sprintf("echo on-host-%d\r", i))
		tm.waitText(fmt.Sprintf("on-host-%d", i))
	}
	if out := e.ls(); !strings.Contains(out, ".host0\t") || !strings.Contains(out, ".host1\t") {
		t.Fatalf("sessions not made on the far side:\n%s", out)
	}
	for _, r := range relays {
		r.reset()
	}
	for i, tm := range tms {
		waitFor(t, "the client to say the link is lost", func() bool { return strings.Contains(tm.rawOutput(), "lost") })
		waitGone(tm, "lost", 15*time.Second)
		tm.send(fmt.Sprintf("echo again-%d-$((%d+10))\r", i, i))
		tm.waitText(fmt.Sprintf("again-%d-%d", i, i+10))
	}
}

// waitGone waits until the screen no longer shows s.
func waitGone(tm *terminal, s string, d time.Duration) {
	tm.t.Helper()
	deadline := time.Now().Add(d)
	for strings.Contains(tm.text(), s) {
		if time.Now().After(deadline) {
			tm.t.Fatalf("timed out waiting for %q to go from the screen:\n%s", s, tm.text())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// The first connection may ask (here a key's passphrase): ssh has the
// terminal, cooked, until the session answers. A retry never asks: when ssh
// must, the client says so and waits for Enter, then ssh asks again.
func TestRemoteAsksOnlyWhenTold(t *testing.T) {
	e := newEnv(t)
	sshd := startSSHD(t, e)
	relay := startRelay(t, sshd.port)
	locked := filepath.Join(filepath.Dir(sshd.key), "locked")
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "sesame", "-f", locked).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v %s", err, out)
	}
	pub, _ := os.ReadFile(locked + ".pub")
	keys := filepath.Join(filepath.Dir(sshd.key), "authorized_keys")
	old, _ := os.ReadFile(keys)
	os.WriteFile(keys, append(old, pub...), 0o600)
	e.startDetached("far")
	vars := remoteEnv(e, sshd, relay.port())
	vars[0] = strings.Replace(vars[0], "-i "+sshd.key, "-o IdentitiesOnly=yes -i "+locked, 1)
	var tm *terminal
	withEnv(e, vars, func() { tm = e.attach(120, 24, "-r", farHost+":far") })
	tm.waitText("Enter passphrase for key")
	tm.send("sesame\r")
	tm.waitText("$ ")
	tm.send("echo in-$((4*4))\r")
	tm.waitText("in-16")

	relay.reset()
	tm.waitMatchWithin("ssh must ask you to log in: Enter to do so", 20*time.Second)
	tm.send("\r")
	tm.waitText("Enter passphrase for key")
	tm.send("sesame\r")
	// Redrawn (ssh discards what is typed before it has restored the
	// terminal: wait for the session's screen).
	waitGone(tm, "logging in to", 15*time.Second)
	tm.send("echo again-$((5*5))\r")
	tm.waitText("again-25")
	tm.send("\x01d")
	tm.waitExit()
}

// The server answers a ping at once, tells a heartbeat client its command
// key, and (make stress) drops a heartbeat client that falls silent.
func TestHeartbeatAnswered(t *testing.T) {
	e := newSerialEnv(t)
	e.startDetached("hb")
	conn, err := net.Dial("unix", socketOf(t, e))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	proto.WriteFrame(conn, proto.TypeHello, proto.EncodeHello(proto.Hello{
		Mode: proto.ModeAttach, Term: "xterm-256color", Cols: 80, Rows: 24,
		Features: append(slices.Clone(proto.Features), proto.FeatureHeartbeat)}))
	r := proto.NewReader(conn)
	f, err := r.ReadFrame()
	if err != nil || f.Type != proto.TypeWelcome {
		t.Fatalf("no welcome: %v %v", f, err)
	}
	w, _ := proto.DecodeWelcome(f.Payload)
	if !slices.Contains(w.Features, proto.FeatureHeartbeat) || w.Escape != "\x01" {
		t.Fatalf("welcome: features %v, escape %q", w.Features, w.Escape)
	}
	proto.WriteFrame(conn, proto.TypePing, nil)
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		f, err := r.ReadFrame()
		if err != nil {
			t.Fatalf("no pong: %v", err)
		}
		if f.Type == proto.TypePong {
			break
		}
	}
	if !stress() {
		return
	}
	conn.SetReadDeadline(time.Time{})
	go discard(conn)
	deadline := time.Now().Add(proto.HeartbeatTimeout + 10*time.Second)
	for !strings.Contains(e.ls(), "Detached") {
		if time.Now().After(deadline) {
			t.Fatalf("a silent heartbeat client is still attached after %v", proto.HeartbeatTimeout)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Two displays share a remote session (-x), each over its own link; when
// one link resets, its client comes back in its own place, and the other
// display stays attached: a reconnection replaces only the display it lost.
func TestRemoteSharedReconnectKeepsOthers(t *testing.T) {
	e := newEnv(t)
	sshd := startSSHD(t, e)
	e.startDetached("shared")
	var tms []*terminal
	var relays []*linkRelay
	for i := range 2 {
		relay := startRelay(t, sshd.port)
		relays = append(relays, relay)
		withEnv(e, remoteEnv(e, sshd, relay.port()), func() { tms = append(tms, e.attach(80, 24, "-x", farHost+":shared")) })
		tms[i].waitText("$ ")
	}
	waitFor(t, "two displays", func() bool { out, _ := e.run("-S", "shared", "-Q", "displays"); return strings.Count(out, "\n") >= 2 })
	relays[0].reset()
	tms[0].waitText("lost")
	waitGone(tms[0], "lost", 15*time.Second)
	tms[0].send("echo back-$((40+2))\r")
	tms[1].waitText("back-42") // the other display still shows the session
	if strings.Contains(tms[1].rawOutput(), "detached") {
		t.Fatalf("the other display was detached by the reconnection:\n%s", tms[1].text())
	}
	tms[1].send("echo still-$((50+5))\r")
	tms[0].waitText("still-55")
	for _, tm := range tms {
		tm.send("\x01d")
		tm.waitExit()
	}
}
