package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// sshServer is a private sshd on a loopback port, with a host key and a user
// key made for the test.
type sshServer struct {
	port int
	key  string
	cmd  *exec.Cmd
}

func startSSHD(t *testing.T, e *env) *sshServer {
	t.Helper()
	sshd, err := exec.LookPath("sshd")
	if err != nil {
		if sshd, err = exec.LookPath("/usr/sbin/sshd"); err != nil {
			t.Skip("sshd is not installed (openssh-server); .ci/run installs it")
		}
	}
	if os.Getuid() != 0 {
		t.Skip("sshd needs root here")
	}
	dir, err := os.MkdirTemp(e.home, "ssh") // one per sshd: a test may run two
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"host", "user"} {
		if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", filepath.Join(dir, k)).CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen: %v %s", err, out)
		}
	}
	pub, _ := os.ReadFile(filepath.Join(dir, "user.pub"))
	os.WriteFile(filepath.Join(dir, "authorized_keys"), pub, 0o600)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	conf := fmt.Sprintf(`Port %d
ListenAddress 127.0.0.1
HostKey %s/host
AuthorizedKeysFile %s/authorized_keys
PidFile %s/sshd.pid
PermitRootLogin yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
PrintLastLog no
`, port, dir, dir, dir)
	os.WriteFile(filepath.Join(dir, "sshd_config"), []byte(conf), 0o600)
	os.MkdirAll("/run/sshd", 0o755)
	cmd := exec.Command(sshd, "-D", "-e", "-f", filepath.Join(dir, "sshd_config"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	waitFor(t, "sshd to listen", func() bool {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			c.Close()
		}
		return err == nil
	})
	return &sshServer{port: port, key: filepath.Join(dir, "user"), cmd: cmd}
}

// login runs `ssh -tt` to the test sshd in a terminal, running remote.
func (s *sshServer) login(e *env, remote string) *terminal {
	return e.startIn(80, 24, "ssh", "-tt", "-i", s.key, "-p", fmt.Sprint(s.port),
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
		"root@127.0.0.1", remote)
}

// A real SSH login drops (the ssh client killed, or the server's session
// process): the job in gmux lives, and a new login resumes it.
func TestSSHDropKeepsJob(t *testing.T) {
	e := newEnv(t)
	sshd := startSSHD(t, e)
	remote := func(args string) string {
		quoted := make([]string, len(e.env))
		for i, kv := range e.env {
			quoted[i] = "'" + strings.ReplaceAll(kv, "'", `'\''`) + "'" // PS1='$ ' keeps its space
		}
		return fmt.Sprintf("cd %s && env %s %s %s", e.home, strings.Join(quoted, " "), gmuxBin, args)
	}
	for i, how := range []string{"ssh client killed", "sshd session killed"} {
		t.Run(how, func(t *testing.T) {
			name := fmt.Sprintf("job%d", i)
			login := sshd.login(e, remote("-S "+name+" bash --norc --noprofile"))
			login.waitText("$ ")
			pid := startJob(t, login)
			if how == "ssh client killed" {
				login.cmd.Process.Signal(syscall.SIGKILL)
			} else {
				// The per-connection sshd process is the parent of the login's
				// session: find it through the job's ancestry and kill it.
				for _, p := range childrenOf(sshd.cmd.Process.Pid) {
					syscall.Kill(p, syscall.SIGKILL)
				}
			}
			login.pty.Close()
			waitFor(t, "the session to become Detached", func() bool {
				out, _ := e.run("-ls")
				return strings.Contains(out, "."+name+"\t") && strings.Contains(out, "Detached")
			})
			if !alive(pid) {
				t.Fatalf("job %d died with the connection", pid)
			}
			again := sshd.login(e, remote("-r "+name))
			again.waitText(fmt.Sprintf("job=%d", pid))
			again.send(fmt.Sprintf("kill -0 %d && echo alive-after-$((1+1))\r", pid))
			again.waitText("alive-after-2")
			again.send("\x01d")
			again.waitExit()
		})
	}
}
