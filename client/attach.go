package client

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// AttachOptions say how to attach.
type AttachOptions struct {
	Shared   bool // -x: beside other clients
	Takeover bool // -d/-D with -r: detach the others
	// PowerDetach (-D): and hang up their logins.
	PowerDetach bool
	ReadOnly    bool
	ForceUTF8   bool
	// Quick: give up after quickTimeout without an answer (a stopped or
	// wedged server), not an attach's usual replyTimeout: for an attach
	// tried before the usual way (which probes, and says what is wrong).
	Quick bool
}

// quickTimeout bounds a Quick attach's wait for the server's answer: long
// enough for a busy server (a healthy one answers within a millisecond),
// short enough that a stopped one is soon reported the usual way.
const quickTimeout = 3 * time.Second

// ErrNotATerminal is returned when attaching without a terminal.
var ErrNotATerminal = errors.New("must be connected to a terminal")

// Result is how an attachment ended.
type Result struct {
	Message string // printed after the terminal is restored: "[detached from ...]"
	Status  int    // the process exit status
	// HangUp: power detach (screen's pow_detach); the caller hangs up the
	// shell that started it, which logs the user out.
	HangUp bool
	lost   bool // the server did not restore the terminal: the client must
}

// Attach connects the terminal on stdin/stdout to the session at path until
// the user detaches, the session ends or the connection is lost.
func Attach(path string, opts AttachOptions) (Result, error) {
	in, out := os.Stdin, os.Stdout
	if !term.IsTerminal(int(in.Fd())) {
		return Result{}, ErrNotATerminal
	}
	conn, err := dial(path)
	if err != nil {
		return Result{}, err
	}
	defer conn.Close()
	hello := attachHello(opts, out, in)
	hello.Features, hello.Env = proto.Features, os.Environ()
	// Raw mode first: a server that takes the terminal (below) may draw or
	// read as soon as it has answered.
	state, err := term.MakeRaw(int(in.Fd()))
	if err != nil {
		return Result{}, fmt.Errorf("raw mode: %w", err)
	}
	defer term.Restore(int(in.Fd()), state)
	// Pass the terminal itself, so the server reads keys and writes frames
	// without this process in between (server/terminal.go).
	var rights []byte
	if term.IsTerminal(int(out.Fd())) && os.Getenv("GMUX_RELAY") != "1" {
		hello.TTY = true
		rights = unix.UnixRights(int(in.Fd()))
	}
	timeout := replyTimeout
	if opts.Quick {
		timeout = quickTimeout
	}
	r, welcome, err := handshake(conn, hello, rights, timeout)
	if err != nil {
		return Result{}, err
	}

	// The terminal's hang-up (SSH dropped) or a kill ends only this client;
	// the server notices the closed connection and carries on.
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGWINCH, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT, syscall.SIGQUIT)
	defer signal.Stop(sigs)
	if slices.Contains(welcome.Features, proto.FeatureSuspend) {
		signal.Notify(sigs, syscall.SIGTSTP, syscall.SIGCONT)
	} else {
		// A server that cannot release the terminal would go on reading
		// it if this client stopped: it does not stop.
		signal.Ignore(syscall.SIGTSTP)
		defer signal.Reset(syscall.SIGTSTP)
	}

	ended := make(chan Result, 4)
	acks := make(chan struct{}, 1)
	a := &attachment{conn: conn, in: in, out: out, raw: state, session: welcome.Session, ended: ended, acks: acks,
		detachRequest: slices.Contains(welcome.Features, proto.FeatureDetachRequest)}
	go a.handleSignals(sigs)
	if !welcome.Direct { // else the server reads the terminal itself
		go relayInput(in, conn, ended)
	}
	go func() { ended <- relayOutput(r, out, welcome.Session, a.released) }()
	res := a.signalled(<-ended)
	conn.Close()
	if res.lost {
		// The server could not restore the terminal (it died, or did not
		// answer): put it back in the state a shell expects ourselves.
		out.Write([]byte(terminalReset))
	}
	return res, nil
}

// relayInput sends what is typed as input frames, for a server that does not
// hold the terminal.
func relayInput(in io.Reader, conn io.Writer, ended chan<- Result) {
	buf := make([]byte, 32<<10)
	for {
		n, err := in.Read(buf)
		if n > 0 {
			if proto.WriteFrame(conn, proto.TypeInput, buf[:n]) != nil {
				return
			}
		}
		if err != nil {
			ended <- Result{Message: "[gmux: terminal closed]", Status: 1, lost: true}
			return
		}
	}
}

// relayOutput copies output frames to the terminal until the server says why
// it is done; a suspend frame (the server released the terminal) calls
// released.
func relayOutput(r *proto.Reader, out io.Writer, session string, released func(answer bool)) Result {
	for {
		f, err := r.ReadFrame()
		if err != nil {
			if errors.Is(err, os.ErrClosed) {
				return Result{Status: 1, lost: true}
			}
			return Result{Message: fmt.Sprintf("[lost connection to session %s]", session), Status: 1, lost: true}
		}
		switch f.Type {
		case proto.TypeSuspend:
			released(bytes.Equal(f.Payload, proto.SuspendAnswer))
		case proto.TypeOutput:
			if _, err := out.Write(f.Payload); err != nil {
				return Result{Message: "[gmux: terminal closed]", Status: 1, lost: true}
			}
		default:
			if res, ok := ending(f, ""); ok {
				return res
			}
		}
	}
}

// attachHello is the hello of an attach from the terminal on out (or in),
// without the features and environment, which differ by transport.
func attachHello(opts AttachOptions, out, in *os.File) proto.Hello {
	cols, rows := terminalSize(out, in)
	h := proto.Hello{
		Mode: proto.ModeAttach, Term: os.Getenv("TERM"), ColorTerm: os.Getenv("COLORTERM"),
		Locale: locale(opts.ForceUTF8), Cols: cols, Rows: rows,
		Shared: opts.Shared, Takeover: opts.Takeover, PowerDetach: opts.Takeover && opts.PowerDetach, ReadOnly: opts.ReadOnly, ForceUTF8: opts.ForceUTF8,
	}
	if h.Term == "" {
		h.Term = "vt100"
	}
	return h
}

// terminalSize is the size of the first of files that is a terminal with
// one, else 80x24.
func terminalSize(files ...*os.File) (int, int) {
	for _, f := range files {
		if c, r, err := term.GetSize(int(f.Fd())); err == nil && c > 0 && r > 0 {
			return c, r
		}
	}
	return 80, 24
}

// ending reports how an attachment ends if f ends it (detach, power
// detach, the session's exit); where, if not "", follows the detach message
// (" on HOST" for a remote session).
func ending(f proto.Frame, where string) (Result, bool) {
	// The words are printed on the terminal once the session has let it go:
	// made printable, so that no server (a hostile far host's least of all)
	// can retitle it, clear it or forge a prompt there.
	switch f.Type {
	case proto.TypeDetach:
		return Result{Message: "[" + proto.Printable(string(f.Payload)) + where + "]"}, true
	case proto.TypePowerDetach:
		return Result{Message: proto.Printable(string(f.Payload)), HangUp: true}, true
	case proto.TypeExit:
		var e proto.Exit
		if err := proto.DecodeJSON(f.Payload, &e); err != nil {
			return Result{Message: "[gmux: session ended]"}, true
		}
		return Result{Message: "[gmux: " + proto.Printable(e.Reason) + "]", Status: e.Status}, true
	}
	return Result{}, false
}

// locale is the locale the server draws for: LC_ALL, LC_CTYPE or LANG, the
// first set, as POSIX orders them.
func locale(forceUTF8 bool) string {
	if forceUTF8 {
		return "C.UTF-8"
	}
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}
