package client

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/gmux/gmux/proto"
)

// A remote session is named HOST:NAME on the command line. HOST is whatever
// the user's ssh accepts (user@host, an alias from ssh_config); the session's
// server runs there and is reached through `ssh HOST gmux --proxy NAME`, with
// the user's keys, agent, ssh_config, ProxyJump and ControlMaster: no daemon
// or port of gmux's own.

// SplitRemote splits a HOST:NAME argument. ok is false for a local name (no
// colon, or nothing before it). The last colon splits, so that a session name
// never holds one and an IPv6 address may.
func SplitRemote(arg string) (host, name string, ok bool) {
	i := strings.LastIndexByte(arg, ':')
	if i <= 0 {
		return "", arg, false
	}
	return arg[:i], arg[i+1:], true
}

// sshCommand is the ssh to run: GMUX_SSH_COMMAND as the shell reads it (as
// git reads GIT_SSH_COMMAND), else ssh.
func sshCommand() string {
	if c := strings.TrimSpace(os.Getenv("GMUX_SSH_COMMAND")); c != "" {
		return c
	}
	return "ssh"
}

// remoteGmux is the gmux to run on the far side: GMUX_REMOTE_COMMAND (a
// command line for the remote shell, e.g. "~/bin/gmux" or "env
// GMUX_SOCKET_DIR=/x gmux"), else gmux from the PATH there.
func remoteGmux() string {
	if c := strings.TrimSpace(os.Getenv("GMUX_REMOTE_COMMAND")); c != "" {
		return c
	}
	return "gmux"
}

// sshTo returns the command that runs gmux with args on host. batch: no
// prompt may appear (a retry in the background), and a dead host is given
// up on in ConnectTimeout.
func sshTo(host string, batch bool, args ...string) *exec.Cmd {
	remote := remoteGmux()
	for _, a := range args {
		remote += " " + shellQuote(a)
	}
	// No pty, and no escape character: the stream is binary frames, and a
	// "~." after a newline byte must not end it.
	sshArgs := []string{"-T", "-e", "none"}
	if batch {
		sshArgs = append(sshArgs, "-o", "BatchMode=yes", "-o", "ConnectTimeout=10")
	}
	sshArgs = append(sshArgs, "--", host, remote)
	// Through the shell, so that GMUX_SSH_COMMAND may hold options and
	// quotes; exec, so that the process this client kills is ssh itself.
	cmd := exec.Command("/bin/sh", append([]string{"-c", "exec " + sshCommand() + ` "$@"`, "gmux-ssh"}, sshArgs...)...)
	// An ssh that leaves a process holding its stderr (an old OpenSSH's
	// ControlPersist master) must not keep Wait from returning once it
	// has exited.
	cmd.WaitDelay = time.Second
	return cmd
}

// shellQuote quotes s for a POSIX shell (the remote login shell reads the
// command ssh sends as one line).
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:=@%+,", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// tail keeps the last bytes written to it (ssh's complaints), for saying
// why a connection failed; it can also pass what it gets on to the terminal,
// while ssh may still be asking the user something.
type tail struct {
	mu   sync.Mutex
	buf  []byte
	pass io.Writer // also written here, when not nil
}

const tailSize = 4 << 10

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.pass != nil {
		t.pass.Write(p)
	}
	t.buf = append(t.buf, p...)
	if len(t.buf) > tailSize {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-tailSize:]...)
	}
	return len(p), nil
}

// passTo sets where what ssh says is shown as well (nil: nowhere).
func (t *tail) passTo(w io.Writer) {
	t.mu.Lock()
	t.pass = w
	t.mu.Unlock()
}

// lastLine is the last non-empty line written, cleaned for a status line.
func (t *tail) lastLine() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	lines := bytes.Split(bytes.TrimSpace(t.buf), []byte("\n"))
	return strings.TrimSpace(string(bytes.ToValidUTF8(lines[len(lines)-1], nil)))
}

func (t *tail) contains(s string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return bytes.Contains(t.buf, []byte(s))
}

// ErrAuthNeeded is a connection that failed because ssh wanted to ask the
// user something (a password, a passphrase, a new host key) and was not
// allowed to.
var ErrAuthNeeded = errors.New("ssh needs to authenticate interactively")

// sshFailure explains why an ssh to host that ran gmux ended: status is its
// exit status, said what it wrote on stderr. Final failures (no gmux there,
// an old one) are wrapped as such; a failed authentication wraps
// ErrAuthNeeded.
func sshFailure(host string, status int, said *tail) error {
	last := proto.Printable(said.lastLine()) // the far side's words
	switch {
	case status == 127 || said.contains("gmux: not found") || said.contains("command not found") || said.contains("No such file or directory") && status != 255:
		return &finalError{fmt.Sprintf("gmux is not installed on %s (or not on the PATH of a non-interactive ssh there): install it there, or set GMUX_REMOTE_COMMAND to its path (%s)", host, last)}
	case said.contains("unknown option --"):
		return &finalError{fmt.Sprintf("the gmux on %s is too old for remote sessions: install this gmux there (%s)", host, last)}
	case status == 255 && (said.contains("Permission denied") || said.contains("Host key verification failed") ||
		said.contains("REMOTE HOST IDENTIFICATION HAS CHANGED") || said.contains("passphrase") || said.contains("password")):
		return fmt.Errorf("%w: %s", ErrAuthNeeded, last)
	case last != "":
		return fmt.Errorf("ssh %s: %s", host, last)
	}
	return fmt.Errorf("ssh %s exited with status %d", host, status)
}

// finalError is a failure that trying again will not mend.
type finalError struct{ msg string }

func (e *finalError) Error() string { return e.msg }

// isFinal reports whether err is not worth a retry.
func isFinal(err error) bool {
	var f *finalError
	return errors.As(err, &f)
}

// RemoteRun runs gmux with args on host, its output on ours (gmux -ls
// HOST:, gmux -S HOST:NAME -X ...), and returns its exit status. ssh may ask
// for a password on the terminal as usual.
func RemoteRun(host string, args ...string) (int, error) {
	cmd := sshTo(host, false, args...)
	stdout, stderr := &textWriter{w: os.Stdout}, &textWriter{w: os.Stderr}
	said := &tail{pass: stderr}
	cmd.Stdout, cmd.Stderr = stdout, said
	err := cmd.Run()
	stdout.Flush()
	stderr.Flush()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, nil
	case errors.As(err, &exit):
		status := exit.ExitCode()
		if status == 255 || status == 127 || said.contains("unknown option --") {
			return status, sshFailure(host, status, said)
		}
		return status, nil // gmux there said what went wrong
	}
	return 1, fmt.Errorf("run %s: %w", sshCommand(), err)
}
