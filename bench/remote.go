package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// The remote case: a private sshd on loopback, and through it plain `ssh
// -tt` running a shell, gmux's own remote attach (gmux -r HOST:NAME) and
// `ssh -tt HOST tmux attach`, measured side by side.

// remoteResult is the remote case's figures.
type remoteResult struct {
	SSHEchoP50us  float64 `json:"ssh_echo_p50_us"`
	SSHEchoP99us  float64 `json:"ssh_echo_p99_us"`
	GmuxEchoP50us float64 `json:"gmux_echo_p50_us"`
	GmuxEchoP99us float64 `json:"gmux_echo_p99_us"`
	TmuxEchoP50us float64 `json:"tmux_over_ssh_echo_p50_us"`
	// EchoRatio is gmux's p50 over plain ssh's (goal ≤ 1.2).
	EchoRatio     float64 `json:"echo_p50_ratio_to_ssh"`
	SSHMBs        float64 `json:"ssh_throughput_mb_s"`
	GmuxMBs       float64 `json:"gmux_throughput_mb_s"`
	TmuxMBs       float64 `json:"tmux_over_ssh_throughput_mb_s"`
	ThroughputVsT float64 `json:"throughput_ratio_to_tmux_over_ssh"` // goal ≥ 2
	// SSHConnectMs is `ssh HOST true`: what any reconnect pays.
	SSHConnectMs float64 `json:"ssh_connect_ms"`
	// ResetToScreenMs: the link is reset under an attached client; until the
	// screen is drawn again (noticing, a retry, ssh's connect, the redraw).
	ResetToScreenMs float64 `json:"reset_to_redrawn_ms"`
	// ReturnToScreenMs: a link down for 5 s comes back; until the screen is
	// drawn again (goal ≤ 1000 ms + SSHConnectMs).
	ReturnToScreenMs float64 `json:"return_to_redrawn_ms"`
	// Echo over a link with LinkRTTms of round trip (the relay holds each
	// chunk half of it each way): what loopback hides, that gmux's cost over
	// ssh is a constant of a few hundred µs, not a factor.
	LinkRTTms         float64 `json:"link_rtt_ms"`
	SSHLinkEchoP50us  float64 `json:"ssh_link_echo_p50_us"`
	GmuxLinkEchoP50us float64 `json:"gmux_link_echo_p50_us"`
	TmuxLinkEchoP50us float64 `json:"tmux_over_ssh_link_echo_p50_us"`
	LinkEchoRatio     float64 `json:"link_echo_p50_ratio_to_ssh"`
	// The second build's, with -gmux-b (it runs on the far side too).
	GmuxBEchoP50us float64 `json:"gmux_b_echo_p50_us,omitempty"`
	GmuxBMBs       float64 `json:"gmux_b_throughput_mb_s,omitempty"`
	Err            string  `json:"error,omitempty"`
}

// remoteCase runs the remote case, or says why it cannot.
func remoteCase(work, flood string) (r remoteResult) {
	defer func() {
		if p := recover(); p != nil {
			r.Err = fmt.Sprint(p)
		}
	}()
	sshd := startSSHD(work)
	defer sshd.stop()
	relay := startRelay(sshd.port, 0)
	defer relay.close()
	link := startRelay(sshd.port, linkRTT/2)
	defer link.close()
	host := "root@127.0.0.1"
	sshArgs := func(port int) []string {
		return []string{"-i", sshd.key, "-p", fmt.Sprint(port), "-o", "StrictHostKeyChecking=no",
			"-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"}
	}
	gdir := filepath.Join(work, "remote-sock")
	farGmux := func(bin string) string {
		return "env GMUX_SOCKET_DIR=" + gdir + " SHELL=/bin/bash LANG=C.UTF-8 PS1='$ ' PATH=" + os.Getenv("PATH") + " " + bin
	}
	farEnv := farGmux(*gmuxBin)
	// Straight to sshd, as plain ssh goes, for echo and throughput; through
	// the relay for the reconnects.
	relayEnv := append([]string{"GMUX_SSH_COMMAND=ssh " + strings.Join(sshArgs(relay.port()), " "), "GMUX_REMOTE_COMMAND=" + farEnv}, shellEnv...)
	tsock := fmt.Sprintf("gmux-bench-remote-%d", os.Getpid())
	tconf := filepath.Join(work, "tmux.conf")

	// gmux over ssh, connecting to port, as name with bin at both ends.
	gmuxOverSSH := func(name, bin, session string, port int) *mux {
		env := func(port int) []string {
			return append([]string{"GMUX_SSH_COMMAND=ssh " + strings.Join(sshArgs(port), " "), "GMUX_REMOTE_COMMAND=" + farGmux(bin)}, shellEnv...)
		}
		gm := &mux{name: name}
		gm.start = func() { run(env(sshd.port), bin, "-dmS", host+":"+session, "bash", "--norc", "--noprofile") }
		gm.attach = func() *client { return startClient(env(port), bin, "-r", host+":"+session) }
		gm.stop = func() { try(env(sshd.port), bin, "-S", host+":"+session, "-X", "quit") }
		return gm
	}
	// The three (four with -gmux-b), connecting to port: sshd's own, or the
	// slow link's.
	overSSH := func(port int) []*mux {
		plain := &mux{name: "ssh", start: func() {}, stop: func() {}}
		plain.attach = func() *client {
			return startClient(shellEnv, "ssh", append(append([]string{"-tt"}, sshArgs(port)...), host, "env", "PS1='$ '", "LANG=C.UTF-8", "bash", "--norc", "--noprofile")...)
		}
		gm := gmuxOverSSH("gmux over ssh", *gmuxBin, "rbench", port)
		tm := &mux{name: "tmux over ssh"}
		tm.start = func() {
			run(shellEnv, "tmux", "-L", tsock, "-f", tconf, "new-session", "-d", "-s", "rbench", "-x", "200", "-y", "50", "bash", "--norc", "--noprofile")
		}
		tm.attach = func() *client {
			return startClient(shellEnv, "ssh", append(append([]string{"-tt"}, sshArgs(port)...), host, "env", "LANG=C.UTF-8", "tmux", "-L", tsock, "attach", "-t", "rbench")...)
		}
		tm.stop = func() { try(shellEnv, "tmux", "-L", tsock, "kill-server") }
		if *gmuxB != "" {
			return []*mux{plain, gm, tm, gmuxOverSSH("gmux-b over ssh", *gmuxB, "rbench-b", port)}
		}
		return []*mux{plain, gm, tm}
	}
	muxes := overSSH(sshd.port)
	gm := muxes[1]

	// Throughput: the flood through each.
	tput := make([]float64, len(muxes))
	for i, m := range muxes {
		fmt.Fprintf(os.Stderr, "  throughput through %s…\n", m.name)
		m.start()
		c := m.attach()
		c.typeLine("export PS1='$ '; stty -echo")
		var v []float64
		for j := range *runs {
			start := time.Now()
			c.typeLine(fmt.Sprintf("cat %s; %s", flood, markerCmd(70+j)))
			c.waitFor(marker(70+j), 3*time.Minute)
			v = append(v, float64(*sizeMiB<<20)/time.Since(start).Seconds()/1e6)
		}
		tput[i] = median(v)
		c.close()
		m.stop()
	}
	r.SSHMBs, r.GmuxMBs, r.TmuxMBs = tput[0], tput[1], tput[2]
	r.ThroughputVsT = r.GmuxMBs / r.TmuxMBs
	if len(tput) > 3 {
		r.GmuxBMBs = tput[3]
	}

	// Echo, interleaved as for the multiplexers.
	results := make([]result, len(muxes))
	echoSideBySide(muxes, results)
	for _, res := range results {
		if res.Err != "" {
			panic(res.Name + ": " + res.Err)
		}
	}
	r.SSHEchoP50us, r.SSHEchoP99us = results[0].EchoP50us, results[0].EchoP99us
	r.GmuxEchoP50us, r.GmuxEchoP99us = results[1].EchoP50us, results[1].EchoP99us
	r.TmuxEchoP50us = results[2].EchoP50us
	r.EchoRatio = r.GmuxEchoP50us / r.SSHEchoP50us
	if len(results) > 3 {
		r.GmuxBEchoP50us = results[3].EchoP50us
	}

	// Echo again over the slow link.
	fmt.Fprintf(os.Stderr, "  echo over a link of %v round trip…\n", linkRTT)
	results = make([]result, len(muxes))
	echoSideBySide(overSSH(link.port()), results)
	for _, res := range results {
		if res.Err != "" {
			panic(res.Name + " over the slow link: " + res.Err)
		}
	}
	r.LinkRTTms = float64(linkRTT.Microseconds()) / 1000
	r.SSHLinkEchoP50us, r.GmuxLinkEchoP50us, r.TmuxLinkEchoP50us = results[0].EchoP50us, results[1].EchoP50us, results[2].EchoP50us
	r.LinkEchoRatio = r.GmuxLinkEchoP50us / r.SSHLinkEchoP50us

	// ssh's own connect time.
	var connect []float64
	for range 5 {
		start := time.Now()
		run(shellEnv, "ssh", append(sshArgs(sshd.port), host, "true")...)
		connect = append(connect, float64(time.Since(start).Microseconds())/1000)
	}
	r.SSHConnectMs = median(connect)

	// Reconnects, through the relay.
	gm.start()
	defer gm.stop()
	c := startClient(relayEnv, *gmuxBin, "-r", host+":rbench")
	defer c.close()
	var reset, back []float64
	fmt.Fprintf(os.Stderr, "  reconnects…\n")
	for i := range *runs {
		c.typeLine(fmt.Sprintf("clear; %s", markerCmd(80+i)))
		c.waitFor(marker(80+i), time.Minute)
		time.Sleep(200 * time.Millisecond)
		c.drain()
		start := time.Now()
		relay.reset()
		c.waitFor(marker(80+i), time.Minute) // the screen, drawn again
		reset = append(reset, float64(time.Since(start).Microseconds())/1000)

		time.Sleep(200 * time.Millisecond)
		relay.setDown(true)
		relay.reset()
		c.waitFor("lost", time.Minute)
		time.Sleep(5 * time.Second)
		c.drain()
		start = time.Now()
		relay.setDown(false)
		c.waitFor(marker(80+i), time.Minute)
		back = append(back, float64(time.Since(start).Microseconds())/1000)
	}
	r.ResetToScreenMs, r.ReturnToScreenMs = median(reset), median(back)
	return r
}

func reportRemote(r remoteResult) {
	if r.Err != "" {
		fmt.Printf("\nremote case: %s\n", r.Err)
		return
	}
	fmt.Printf("\nremote (private sshd on loopback):\n")
	fmt.Printf("  echo p50/p99 µs: ssh -tt %.0f/%.0f, gmux %.0f/%.0f (%.2fx ssh), tmux over ssh p50 %.0f\n",
		r.SSHEchoP50us, r.SSHEchoP99us, r.GmuxEchoP50us, r.GmuxEchoP99us, r.EchoRatio, r.TmuxEchoP50us)
	if r.GmuxBEchoP50us > 0 {
		fmt.Printf("  gmux-b: echo p50 %.0f µs (%.2fx ssh), throughput %.1f MB/s\n", r.GmuxBEchoP50us, r.GmuxBEchoP50us/r.SSHEchoP50us, r.GmuxBMBs)
	}
	fmt.Printf("  echo p50 µs over a link of %.0f ms round trip: ssh -tt %.0f, gmux %.0f (%.2fx ssh), tmux over ssh %.0f\n",
		r.LinkRTTms, r.SSHLinkEchoP50us, r.GmuxLinkEchoP50us, r.LinkEchoRatio, r.TmuxLinkEchoP50us)
	fmt.Printf("  throughput MB/s: ssh -tt %.1f, gmux %.1f, tmux over ssh %.1f (gmux %.2fx tmux)\n",
		r.SSHMBs, r.GmuxMBs, r.TmuxMBs, r.ThroughputVsT)
	fmt.Printf("  ssh connect %.0f ms; link reset to redrawn screen %.0f ms; link back after 5 s to redrawn screen %.0f ms\n",
		r.SSHConnectMs, r.ResetToScreenMs, r.ReturnToScreenMs)
}

// sshServer is a private sshd on a loopback port with keys made for the run.
type sshServer struct {
	port int
	key  string
	cmd  *exec.Cmd
}

func startSSHD(work string) *sshServer {
	if os.Getuid() != 0 {
		panic("skipped: sshd needs root here")
	}
	sshd, err := exec.LookPath("sshd")
	if err != nil {
		if sshd, err = exec.LookPath("/usr/sbin/sshd"); err != nil {
			panic("skipped: sshd is not installed (openssh-server)")
		}
	}
	dir := filepath.Join(work, "ssh")
	must(os.MkdirAll(dir, 0o700))
	for _, k := range []string{"host", "user"} {
		run(shellEnv, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", filepath.Join(dir, k))
	}
	pub, _ := os.ReadFile(filepath.Join(dir, "user.pub"))
	must(os.WriteFile(filepath.Join(dir, "authorized_keys"), pub, 0o600))
	port := freePort()
	conf := fmt.Sprintf("Port %d\nListenAddress 127.0.0.1\nHostKey %s/host\nAuthorizedKeysFile %s/authorized_keys\nPidFile %s/sshd.pid\n"+
		"PermitRootLogin yes\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\nPrintMotd no\nPrintLastLog no\n",
		port, dir, dir, dir)
	must(os.WriteFile(filepath.Join(dir, "sshd_config"), []byte(conf), 0o600))
	os.MkdirAll("/run/sshd", 0o755)
	cmd := exec.Command(sshd, "-D", "-e", "-f", filepath.Join(dir, "sshd_config"))
	must(cmd.Start())
	s := &sshServer{port: port, key: filepath.Join(dir, "user"), cmd: cmd}
	for deadline := time.Now().Add(10 * time.Second); ; {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			return s
		}
		if time.Now().After(deadline) {
			s.stop()
			panic("sshd did not listen")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *sshServer) stop() { s.cmd.Process.Kill(); s.cmd.Wait() }

func freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	must(err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// linkRTT is the round trip of the slow link the remote echo is measured
// over a second time: a server in a nearby data centre.
const linkRTT = 10 * time.Millisecond

// relay passes TCP through to sshd, each chunk after delay (each way);
// reset drops every connection, and while down new connections are refused
// (closed at once).
type relay struct {
	ln     net.Listener
	target string
	delay  time.Duration
	mu     sync.Mutex
	conns  []*net.TCPConn
	down   bool
}

func startRelay(port int, delay time.Duration) *relay {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(err)
	r := &relay{ln: ln, target: fmt.Sprintf("127.0.0.1:%d", port), delay: delay}
	go r.serve()
	return r
}

func (r *relay) port() int { return r.ln.Addr().(*net.TCPAddr).Port }

func (r *relay) serve() {
	for {
		c, err := r.ln.Accept()
		if err != nil {
			return
		}
		r.mu.Lock()
		down := r.down
		r.mu.Unlock()
		if down {
			c.(*net.TCPConn).SetLinger(0)
			c.Close()
			continue
		}
		d, err := net.Dial("tcp", r.target)
		if err != nil {
			c.Close()
			continue
		}
		r.mu.Lock()
		r.conns = append(r.conns, c.(*net.TCPConn), d.(*net.TCPConn))
		r.mu.Unlock()
		go r.pass(d, c)
		go r.pass(c, d)
	}
}

// pass copies src to dst, each chunk held for the relay's delay (in order,
// as a link's latency holds it), and closes dst at the end.
func (r *relay) pass(dst, src net.Conn) {
	defer dst.Close()
	if r.delay == 0 {
		io.Copy(dst, src)
		return
	}
	type chunk struct {
		due time.Time
		b   []byte
	}
	chunks := make(chan chunk, 4096)
	go func() {
		defer close(chunks)
		for {
			b := make([]byte, 32<<10)
			n, err := src.Read(b)
			if n > 0 {
				chunks <- chunk{time.Now().Add(r.delay), b[:n]}
			}
			if err != nil {
				return
			}
		}
	}()
	for c := range chunks {
		time.Sleep(time.Until(c.due))
		if _, err := dst.Write(c.b); err != nil {
			src.Close() // the reader ends, and chunks with it
			for range chunks {
			}
			return
		}
	}
}

func (r *relay) setDown(down bool) {
	r.mu.Lock()
	r.down = down
	r.mu.Unlock()
}

func (r *relay) reset() {
	r.mu.Lock()
	conns := r.conns
	r.conns = nil
	r.mu.Unlock()
	for _, c := range conns {
		c.SetLinger(0)
		c.Close()
	}
}

func (r *relay) close() { r.ln.Close(); r.reset() }
