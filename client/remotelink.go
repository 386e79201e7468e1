package client

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/proto/quietfd"
	"golang.org/x/sys/unix"
)

// remoteLink is one ssh connection to a remote session's proxy: frames go
// out through ssh's stdin, in through its stdout. Its goroutines only move
// bytes; the attach loop owns everything else.
type remoteLink struct {
	cmd    *exec.Cmd
	said   *tail
	frames chan proto.Frame // closed when the stream ends
	out    chan []byte      // to the writer; never blocks the loop
	done   chan struct{}    // closed by close
	// The hot paths skip the loop: output is written to the terminal by
	// the reader, keys to ssh by the terminal's reader (writeNow) — a hand-off
	// between goroutines less each way of every keystroke's echo.
	r      *proto.Reader
	stdout *os.File  // ssh's output, read by the reader and closed by it
	term   io.Writer // where output goes, once attached
	stdin  io.Writer
	wmu    sync.Mutex // one writer at a time on stdin
	// When something last went out and came in (UnixNano), for heartbeats.
	sent, heard atomic.Int64
	// unheard counts the key bytes sent since the far side was last heard
	// from: on a link found dead, they are as good as not sent.
	unheard atomic.Int64
}

// maxNoise is how much a login script on the far side may print before the
// proxy speaks (a "Welcome!" from .bashrc): skipped, up to this.
const maxNoise = 64 << 10

// batchWelcomeWait bounds how long a background retry waits for the session
// to answer, ssh's connect included.
const batchWelcomeWait = 30 * time.Second

// dialRemote runs ssh to host's gmux proxy for the session name, sends
// hello and waits for the welcome. interactive: ssh may ask the user (the
// terminal is in cooked mode, and what ssh says shows) and is waited for as
// long as it takes; otherwise it runs in batch mode and silently.
func dialRemote(host, name string, hello proto.Hello, interactive bool) (*remoteLink, proto.Welcome, error) {
	cmd := sshTo(host, !interactive, ProxyFlag, name)
	l := &remoteLink{cmd: cmd, said: &tail{}, frames: make(chan proto.Frame, 16), out: make(chan []byte, 64), done: make(chan struct{})}
	if interactive {
		l.said.passTo(&textWriter{w: os.Stderr})
	}
	cmd.Stderr = l.said
	stdin, sshIn, err := quietPipe()
	if err != nil {
		return nil, proto.Welcome{}, err
	}
	cmd.Stdin = sshIn
	// Not StdoutPipe: Wait closes that as soon as ssh exits, and the last
	// frames (a detach, the session's end) could be lost unread. This pipe
	// is closed when the reader is done with it.
	stdout, sshOut, err := os.Pipe()
	if err != nil {
		stdin.Close()
		sshIn.Close()
		return nil, proto.Welcome{}, err
	}
	cmd.Stdout = sshOut
	err = cmd.Start()
	sshOut.Close()
	sshIn.Close()
	if err != nil {
		stdout.Close()
		stdin.Close()
		return nil, proto.Welcome{}, &finalError{fmt.Sprintf("run %s: %v", sshCommand(), err)}
	}
	l.stdout = stdout
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	l.stdin = stdin
	go l.write()
	hello.PID = os.Getpid()
	l.out <- proto.AppendFrame(nil, proto.TypeHello, proto.EncodeHello(hello))

	r := proto.NewReader(stdout)
	first := make(chan error, 1)
	var f proto.Frame
	go func() {
		err := r.SkipTo(proto.ProxyMagic, maxNoise)
		if err == nil {
			f, err = r.ReadFrame()
		}
		first <- err
	}()
	var wait <-chan time.Time
	if !interactive {
		wait = time.After(batchWelcomeWait)
	}
	select {
	case err = <-first:
	case <-wait:
		err = fmt.Errorf("no answer from %s within %v", host, batchWelcomeWait)
	}
	l.said.passTo(nil) // from now on the screen is the session's
	if err != nil {
		l.close()
		var noise *proto.NoiseError
		if errors.As(err, &noise) {
			return nil, proto.Welcome{}, &finalError{fmt.Sprintf("%s printed %q… where gmux was to answer: a login script there writes to the output of non-interactive shells (ssh %s true shows it); make it quiet unless the shell is interactive", host, noise.Seen, host)}
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			<-exited // its exit status and last words say why
			return nil, proto.Welcome{}, sshFailure(host, cmd.ProcessState.ExitCode(), l.said)
		}
		return nil, proto.Welcome{}, err
	}
	w, err := welcomeOf(f)
	if err != nil {
		l.close()
		var ve *proto.VersionError
		if errors.As(err, &ve) {
			return nil, w, &finalError{fmt.Sprintf("the gmux on %s speaks protocol v%d, this one v%d: install the same gmux on both sides", host, ve.Peer, ve.Local)}
		}
		// The far side's words, shown here: made printable.
		if strings.HasPrefix(w.Error, noSession) {
			return nil, w, fmt.Errorf("%s: %w: %s", host, ErrNoSession, proto.Printable(w.Error))
		}
		return nil, w, &finalError{fmt.Sprintf("%s: %s", host, proto.Printable(err.Error()))}
	}
	l.heard.Store(time.Now().UnixNano())
	l.r = r
	return l, w, nil
}

// start begins reading frames: output to term, the rest to the loop.
func (l *remoteLink) start(term io.Writer) {
	l.term = term
	go l.read(l.r)
}

// welcomeOf reads the first frame of a connection as a welcome; a refusal
// is an error with the server's words.
func welcomeOf(f proto.Frame) (proto.Welcome, error) {
	if f.Type != proto.TypeWelcome {
		return proto.Welcome{}, fmt.Errorf("session server answered %s, not welcome", f.Type)
	}
	w, err := proto.DecodeWelcome(f.Payload)
	if err == nil && w.Error != "" {
		err = errors.New(w.Error)
	}
	return w, err
}

// read writes output to the terminal and hands other frames to the loop,
// until the stream ends.
func (l *remoteLink) read(r *proto.Reader) {
	defer close(l.frames)
	defer l.stdout.Close()
	for {
		f, err := r.ReadFrame()
		if err != nil {
			return
		}
		l.heard.Store(time.Now().UnixNano())
		l.unheard.Store(0)
		if f.Type == proto.TypeOutput {
			if _, err := l.term.Write(f.Payload); err == nil {
				continue
			}
			// The terminal is gone: the loop finds out.
		}
		select {
		case l.frames <- f:
		case <-l.done:
			return
		}
	}
}

// write writes what the loop queued, in order.
func (l *remoteLink) write() {
	defer l.stdin.(io.Closer).Close()
	for {
		select {
		case b := <-l.out:
			if l.writeBytes(b) != nil {
				return
			}
		case <-l.done:
			return
		}
	}
}

// send queues a frame; it reports false when the link is so far behind that
// the queue is full (a black hole): the frame is dropped.
func (l *remoteLink) send(t proto.Type, payload []byte) bool {
	select {
	case l.out <- proto.AppendFrame(nil, t, payload):
		// Counted as sent when queued: a heartbeat the writer has not yet
		// written must not make the loop queue another, and another.
		l.sent.Store(time.Now().UnixNano())
		l.noteKeys(t, payload)
		return true
	default:
		return false
	}
}

// writeNow writes a frame at once, from the caller's goroutine (keys, from
// the terminal's reader). It may block on a link that takes nothing; the
// loop, which never calls it, notices by heartbeats.
func (l *remoteLink) writeNow(t proto.Type, payload []byte) error {
	select {
	case <-l.done:
		return os.ErrClosed
	default:
	}
	l.noteKeys(t, payload)
	return l.writeBytes(proto.AppendFrame(nil, t, payload))
}

// noteKeys counts the keys in a frame sent (unheard).
func (l *remoteLink) noteKeys(t proto.Type, payload []byte) {
	if t == proto.TypeInput {
		l.unheard.Add(int64(len(payload)))
	}
}

// writeBytes writes frames to ssh, one writer at a time.
func (l *remoteLink) writeBytes(b []byte) error {
	l.wmu.Lock()
	defer l.wmu.Unlock()
	_, err := l.stdin.Write(b)
	if err == nil {
		l.sent.Store(time.Now().UnixNano())
	}
	return err
}

func (l *remoteLink) lastSent() time.Time  { return time.Unix(0, l.sent.Load()) }
func (l *remoteLink) lastHeard() time.Time { return time.Unix(0, l.heard.Load()) }

// close ends the link: ssh is killed (a black-holed ssh would wait for ever).
func (l *remoteLink) close() {
	select {
	case <-l.done:
		return
	default:
	}
	close(l.done)
	if l.cmd.Process != nil {
		l.cmd.Process.Kill()
	}
	l.stdout.Close() // a reader, if one was started, ends with it
}

// quietPipe is a pipe for ssh's input: ssh reads r, the client writes w,
// which is polled for room only while a write waits (proto/quietfd) —
// through Go's own poller, each key ssh read would wake the client once
// more.
func quietPipe() (w *quietfd.File, r *os.File, err error) {
	var fds [2]int
	if err := pipeCloexec(&fds); err != nil {
		return nil, nil, err
	}
	if w, err = quietfd.New(fds[1], "ssh input"); err != nil {
		unix.Close(fds[0])
		return nil, nil, err
	}
	return w, os.NewFile(uintptr(fds[0]), "ssh input"), nil
}
