package client

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
	"golang.org/x/term"
)

// Retry pacing after a lost link: exponential backoff with jitter, so that
// the clients that lost one link do not all knock at once, capped low while
// the loss is recent — a link that returns (Wi-Fi back, a laptop awake) is
// found within a second, which is the point of reconnecting by ourselves —
// and higher as the outage drags on, when a retry a second is only load.
const (
	retryFirst = 250 * time.Millisecond
	retryMax   = 30 * time.Second
)

// retryCap is the longest pause between retries lostFor into an outage.
func retryCap(lostFor time.Duration) time.Duration {
	switch {
	case lostFor < time.Minute:
		return time.Second
	case lostFor < 10*time.Minute:
		return 5 * time.Second
	}
	return retryMax
}

// retryDelay is the pause before retry number try (1, 2, ...) lostFor into
// an outage: 250 ms, 500 ms, 1 s, ... up to retryCap, each shortened at
// random by up to 40%. Never lengthened: the cap is what a returning link
// waits at most (±20% around it made that 1.2 s, and a link back after 5 s
// was redrawn in 1840 ms where the goal is 1 s plus ssh's connect, 784).
func retryDelay(try int, lostFor time.Duration) time.Duration {
	d := retryCap(lostFor)
	if try < 10 {
		d = min(retryFirst<<(try-1), d)
	}
	return time.Duration(float64(d) * (0.6 + 0.4*rand.Float64()))
}

// remoteAttachment is an attach to a session on another host that rides out
// a lost link: it notices one by heartbeats, keeps the last screen, says on
// the bottom line that it is reconnecting, and attaches again (to the same
// session, taking it over, never creating one) with non-interactive ssh,
// until it succeeds or the user gives up with C-a d. One goroutine — run —
// owns all of it; the link's and the terminal's goroutines only move bytes.
type remoteAttachment struct {
	host    string
	session string // PID.NAME once attached: retries go to this one only
	hello   proto.Hello
	in, out *os.File
	raw     *term.State
	keys    *keyReader
	escape  byte

	link     *remoteLink                // nil while the link is down
	live     atomic.Pointer[remoteLink] // link, for the terminal's reader
	features []string
	// suspending: asked the server to let go, stopping when it says so;
	// keys are not sent meanwhile.
	suspending atomic.Bool

	// While down:
	lostAt   time.Time
	why      string // why the link went, or why the last try failed
	try      int    // retries made
	nextTry  time.Time
	dialing  chan dialResult // a retry under way, else nil
	needAuth bool            // ssh must ask the user: waits for Enter
	sawEsc   bool            // the command key was typed: d gives up
	dropped  int             // keys typed while down, not sent
}

type dialResult struct {
	link    *remoteLink
	welcome proto.Welcome
	err     error
}

// AttachRemote attaches the terminal to session name on host, over ssh.
func AttachRemote(host, name string, opts AttachOptions) (Result, error) {
	useAllProcessors()
	in, out := os.Stdin, os.Stdout
	if !term.IsTerminal(int(in.Fd())) {
		return Result{}, ErrNotATerminal
	}
	a := &remoteAttachment{host: host, in: in, out: out, escape: 0x01, hello: attachHello(opts, out, in)}
	// The far side's environment is the proxy's; only a remote client
	// offers heartbeats.
	a.hello.Features = append(slices.Clone(proto.Features), proto.FeatureHeartbeat, proto.FeatureReplace)
	// The first connection may ask (a host key, a password): ssh has the
	// terminal in cooked mode until the session answers.
	l, w, err := dialRemote(host, name, a.hello, true)
	if err != nil {
		return Result{}, err
	}
	if a.raw, err = term.MakeRaw(int(in.Fd())); err != nil {
		l.close()
		return Result{}, fmt.Errorf("raw mode: %w", err)
	}
	defer term.Restore(int(in.Fd()), a.raw)
	if a.keys, err = newKeyReader(in, a.keyNow); err != nil {
		l.close()
		return Result{}, err
	}
	defer a.keys.stop()
	a.connected(l, w)
	if c, r := terminalSize(out, in); c != a.hello.Cols || r != a.hello.Rows {
		// Resized while ssh was connecting (no SIGWINCH was watched then).
		a.hello.Cols, a.hello.Rows = c, r
		a.send(proto.TypeResize, proto.EncodeResize(c, r))
	}
	res := a.run()
	if a.link != nil {
		a.link.close()
	}
	if res.lost {
		out.Write([]byte(terminalReset))
	}
	return res, nil
}

// connected takes a new link; retries from now on go to its session only.
func (a *remoteAttachment) connected(l *remoteLink, w proto.Welcome) {
	a.link, a.features = l, w.Features
	l.start(a.out)
	a.live.Store(l)
	a.session = w.Session
	if w.Escape != "" && w.Escape[0] != 0 {
		a.escape = w.Escape[0]
	}
	a.try, a.why, a.needAuth, a.sawEsc = 0, "", false, false
	// A retry replaces the display it lost, which the server may not have
	// noticed yet, and attaches to nothing else; the session's other
	// displays stay (two shared remotes must not kick each other out).
	// A server without FeatureReplace can only be taken over.
	if slices.Contains(w.Features, proto.FeatureReplace) && w.Display != 0 {
		a.hello.Replaces, a.hello.Takeover, a.hello.Shared = w.Display, false, true
	} else {
		a.hello.Replaces, a.hello.Takeover, a.hello.Shared = 0, true, false
	}
	if a.dropped > 0 {
		msg := fmt.Sprintf("%d key(s) typed while the link was down were not sent", a.dropped)
		a.send(proto.TypeCommand, proto.EncodeJSON(proto.Command{Args: []string{"echo", msg}, Window: -1, Literal: true, Show: true}))
		a.dropped = 0
	}
}

// run is the attachment's loop; it returns how the attachment ended.
func (a *remoteAttachment) run() Result {
	sigs := make(chan os.Signal, 8)
	signal.Notify(sigs, syscall.SIGWINCH, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT, syscall.SIGQUIT,
		syscall.SIGTSTP, syscall.SIGCONT)
	defer signal.Stop(sigs)
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		timer.Reset(time.Until(a.nextWake()))
		var frames <-chan proto.Frame
		if a.link != nil {
			frames = a.link.frames
		}
		select {
		case k, ok := <-a.keys.keys:
			if !ok {
				return Result{Message: "[gmux: terminal closed]", Status: 1, lost: true}
			}
			if res, done := a.typed(k); done {
				return res
			}
		case f, ok := <-frames:
			if !ok {
				a.down("the connection closed: " + a.link.said.lastLine())
				continue
			}
			if res, done := a.frame(f); done {
				return res
			}
		case sig := <-sigs:
			if res, done := a.signalled(sig); done {
				return res
			}
		case r := <-a.dialing:
			a.dialing = nil
			if res, done := a.dialed(r); done {
				return res
			}
		case <-timer.C:
			a.tick()
		}
	}
}

// nextWake is when the loop has something to do unprompted: a heartbeat
// while connected; a retry, or the countdown on the status line, while down.
func (a *remoteAttachment) nextWake() time.Time {
	if a.link != nil {
		return earliest(a.link.lastSent().Add(proto.HeartbeatInterval), a.link.lastHeard().Add(proto.HeartbeatLost))
	}
	if a.needAuth {
		return time.Now().Add(time.Hour)
	}
	// The countdown on the status line moves each second.
	second := time.Now().Add(time.Second).Truncate(time.Second)
	if a.dialing == nil && a.nextTry.Before(second) {
		return a.nextTry
	}
	return second
}

func earliest(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func (a *remoteAttachment) tick() {
	now := time.Now()
	if a.link != nil {
		if now.Sub(a.link.lastHeard()) >= proto.HeartbeatLost {
			a.down(fmt.Sprintf("no answer for %d s", int(proto.HeartbeatLost.Seconds())))
			return
		}
		if now.Sub(a.link.lastSent()) >= proto.HeartbeatInterval {
			a.send(proto.TypePing, nil)
		}
		return
	}
	if a.dialing == nil && !a.needAuth && !now.Before(a.nextTry) {
		a.retry()
	}
	a.status()
}

// send queues a frame on the link; a full queue means the link is gone.
func (a *remoteAttachment) send(t proto.Type, payload []byte) {
	if a.link == nil {
		return
	}
	if !a.link.send(t, payload) {
		a.down("the connection is not taking data")
	}
}

// keyNow sends keys straight from the terminal's reader while the link is up
// (no hand-off to the loop on a keystroke's way); it reports false when the
// loop is to have them.
func (a *remoteAttachment) keyNow(k []byte) bool {
	l := a.live.Load()
	if l == nil {
		return false
	}
	if !a.suspending.Load() {
		l.writeNow(proto.TypeInput, k) // a failed link is the loop's to notice
	}
	return true
}

// frame handles one frame from the session.
func (a *remoteAttachment) frame(f proto.Frame) (Result, bool) {
	switch f.Type {
	case proto.TypeOutput:
		if _, err := a.out.Write(f.Payload); err != nil {
			return Result{Message: "[gmux: terminal closed]", Status: 1, lost: true}, true
		}
	case proto.TypeSuspend:
		a.stop()
	default:
		// A detach is final, whoever asked: another display took the
		// session over (gmux -d -r), and taking it back would fight it.
		if res, ok := ending(f, " on "+a.host); ok {
			// A power detach from the far side ends this client, but
			// never hangs up the local shell it runs in: that is not the
			// far host's to ask.
			res.HangUp = false
			return res, true
		}
	}
	return Result{}, false
}

// typed handles keys: to the session while connected; while down they are
// not sent (blindly typed keys could do anything once the link is back),
// except C-a d, which gives up, and Enter when ssh must ask the user.
func (a *remoteAttachment) typed(k []byte) (Result, bool) {
	if a.link != nil {
		if !a.suspending.Load() {
			a.send(proto.TypeInput, k)
		}
		return Result{}, false
	}
	for _, b := range k {
		switch {
		case a.sawEsc && (b == 'd' || b == 0x04):
			// lost: the server, out of reach, cannot restore the terminal.
			return Result{Message: fmt.Sprintf("[gave up reconnecting to %s; the session stays there: gmux -r %s:%s]",
				a.host, a.host, a.session), lost: true}, true
		case b == a.escape:
			a.sawEsc = true
			continue
		case a.needAuth && (b == '\r' || b == '\n'):
			a.authenticate()
		default:
			a.dropped++
		}
		a.sawEsc = false
	}
	a.status()
	return Result{}, false
}

// signalled handles the client's signals.
func (a *remoteAttachment) signalled(sig os.Signal) (Result, bool) {
	switch sig {
	case syscall.SIGWINCH:
		a.hello.Cols, a.hello.Rows = terminalSize(a.out, a.in)
		if a.link != nil {
			a.send(proto.TypeResize, proto.EncodeResize(a.hello.Cols, a.hello.Rows))
		} else {
			a.status()
		}
	case syscall.SIGTSTP:
		if a.link != nil && slices.Contains(a.features, proto.FeatureSuspend) {
			a.suspending.Store(true) // stops when the server has let go (frame)
			a.send(proto.TypeSuspend, nil)
			return Result{}, false
		}
		a.stop()
	case syscall.SIGCONT:
		a.cont()
	default:
		// A hang-up or a kill detaches; the session goes on over there.
		if a.link != nil && slices.Contains(a.features, proto.FeatureDetachRequest) {
			a.send(proto.TypeDetach, nil)
			a.awaitEnd(answerWait)
		}
		return Result{Message: fmt.Sprintf("[gmux: %s, detached from %s on %s]", sig, a.session, a.host), Status: 1, lost: true}, true
	}
	return Result{}, false
}

// awaitEnd gives the server up to d to answer a detach (and restore the
// terminal through its last frames).
func (a *remoteAttachment) awaitEnd(d time.Duration) {
	deadline := time.After(d)
	for {
		select {
		case f, ok := <-a.link.frames:
			if !ok {
				return
			}
			if _, done := a.frame(f); done {
				return
			}
		case <-deadline:
			return
		}
	}
}

// stop hands the terminal back to the shell and stops until fg.
func (a *remoteAttachment) stop() {
	a.suspending.Store(false)
	term.Restore(int(a.in.Fd()), a.raw)
	syscall.Kill(os.Getpid(), syscall.SIGSTOP)
}

// cont takes the terminal back after a stop, when in the foreground.
func (a *remoteAttachment) cont() {
	if !retakeTerminal(a.in) {
		return
	}
	a.hello.Cols, a.hello.Rows = terminalSize(a.out, a.in)
	if a.link != nil {
		// Stopped, the client heard nothing, and that says nothing of the
		// link: the heartbeat clock starts again.
		a.link.heard.Store(time.Now().UnixNano())
		a.send(proto.TypeResume, proto.EncodeResize(a.hello.Cols, a.hello.Rows))
	} else {
		a.status()
	}
}

// down takes note that the link is lost and starts retrying.
func (a *remoteAttachment) down(why string) {
	if a.link == nil {
		return
	}
	// Keys sent since the far side was last heard from went into a link
	// now found dead: they count with those typed from now on.
	a.dropped += int(a.link.unheard.Load())
	a.link.close()
	a.link = nil
	a.live.Store(nil)
	a.suspending.Store(false)
	a.lostAt, a.why, a.try = time.Now(), strings.TrimSuffix(strings.TrimSpace(why), ":"), 0
	a.nextTry = time.Now().Add(retryDelay(1, 0))
	a.status()
}

// retry starts a non-interactive attempt in the background: keys (C-a d)
// and signals are still handled meanwhile.
func (a *remoteAttachment) retry() {
	a.try++
	done := make(chan dialResult, 1)
	a.dialing = done
	hello, target := a.hello, a.target()
	go func() {
		l, w, err := dialRemote(a.host, target, hello, false)
		done <- dialResult{l, w, err}
	}()
}

// target is what a retry asks the far side for: the session by its PID,
// which stays when the session is renamed and is never another session's.
func (a *remoteAttachment) target() string {
	pid, _, _ := strings.Cut(a.session, ".")
	if _, err := strconv.Atoi(pid); err != nil {
		return a.session
	}
	return pid
}

// dialed takes a retry's outcome.
func (a *remoteAttachment) dialed(r dialResult) (Result, bool) {
	if r.err == nil {
		a.connected(r.link, r.welcome)
		return Result{}, false // the server redraws everything on attach
	}
	a.why = r.err.Error()
	switch {
	case isFinal(r.err) || errors.Is(r.err, ErrNoSession): // the session is gone, or gmux there
		return Result{Message: fmt.Sprintf("[gmux: cannot reconnect to %s on %s: %s]", a.session, a.host, r.err), Status: 1, lost: true}, true
	case errors.Is(r.err, ErrAuthNeeded):
		a.needAuth = true
	default:
		a.nextTry = time.Now().Add(retryDelay(a.try+1, time.Since(a.lostAt)))
	}
	a.status()
	return Result{}, false
}

// authenticate runs one interactive attempt: ssh gets the terminal, cooked,
// and the keys, to ask for a password or passphrase.
func (a *remoteAttachment) authenticate() {
	a.keys.pause()
	defer a.keys.unpause()
	term.Restore(int(a.in.Fd()), a.raw)
	fmt.Fprintf(a.out, "\x1b[%d;1H\x1b[0m\x1b[K\r\n[gmux: logging in to %s again]\r\n", a.hello.Rows, a.host)
	a.try++
	l, w, err := dialRemote(a.host, a.target(), a.hello, true)
	term.MakeRaw(int(a.in.Fd()))
	a.dialed(dialResult{l, w, err})
	if err != nil && !errors.Is(err, ErrAuthNeeded) {
		a.needAuth = false
	}
}

// status draws the reconnecting line on the terminal's bottom row, over the
// last screen, which stays as it was.
func (a *remoteAttachment) status() {
	if a.link != nil {
		return
	}
	esc := keyName(a.escape)
	var msg string
	switch {
	case a.needAuth:
		msg = fmt.Sprintf("connection to %s lost — ssh must ask you to log in: Enter to do so, %s d to give up", a.host, esc)
	case a.dialing != nil:
		msg = fmt.Sprintf("connection to %s lost — reconnecting (try %d) — %s d to give up", a.host, a.try, esc)
	default:
		next := max(0, int(time.Until(a.nextTry).Round(time.Second).Seconds()))
		msg = fmt.Sprintf("connection to %s lost — reconnecting (try %d, next in %d s) — %s d to give up", a.host, a.try+1, next, esc)
	}
	if a.dropped > 0 {
		msg += fmt.Sprintf(" — %d key(s) dropped", a.dropped)
	}
	if a.why != "" {
		msg += " [" + a.why + "]"
	}
	line := []rune(proto.Printable(msg))
	cols := max(1, a.hello.Cols)
	if len(line) > cols {
		line = line[:cols]
	}
	pad := strings.Repeat(" ", cols-len(line))
	// Saved cursor, bottom row, reverse video, whole width; the cursor goes
	// back where the session left it.
	fmt.Fprintf(a.out, "\x1b7\x1b[%d;1H\x1b[0;7m%s%s\x1b[0m\x1b8", a.hello.Rows, string(line), pad)
}

// keyName is how a command key is written: C-a.
func keyName(b byte) string {
	switch {
	case b < 0x20:
		return "C-" + string(rune(b+0x60))
	case b == 0x7f:
		return "C-?"
	}
	return string(rune(b))
}
