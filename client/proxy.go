package client

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/gmux/gmux/proto"
	"golang.org/x/sys/unix"
)

// ProxyFlag is the hidden option that makes gmux the far end of a remote
// attach: `ssh HOST gmux --proxy NAME` bridges ssh's stdin and stdout to the
// session's socket. An older gmux rejects it as an unknown option, which the
// near side reports as "gmux on HOST is too old".
const ProxyFlag = "--proxy"

// Proxy connects a stream (ssh's stdin and stdout, on the far side of a
// remote attach) to the session in dir that name refers to, until either side
// closes. It reads the hello itself to choose the session as -r, -x or -d -r
// would, and gives the hello the far side's environment and process: the
// session's updateenv variables (SSH_AUTH_SOCK, DISPLAY) must be this host's,
// not those of the machine the user sits at. Then it hands the stream itself
// to the server (server/stream.go), so that no process of its own stands
// between sshd and the session, and waits for the server to be done with it;
// a server that does not take it gets it bridged. Either way the server
// cannot tell the client from a local one that relays its terminal. A session
// that cannot be chosen is refused with a welcome that says why, which the
// near side prints.
func Proxy(dir, name string, in, out *os.File) error {
	// First the mark the near side looks for, past what a login script
	// may have printed.
	if _, err := io.WriteString(out, proto.ProxyMagic); err != nil {
		return err
	}
	f, err := proto.ReadOneFrame(in) // not a byte more: the rest is the server's
	if err != nil {
		return fmt.Errorf("read hello: %w", err)
	}
	refuse := func(format string, args ...any) error {
		msg := fmt.Sprintf(format, args...)
		proto.WriteFrame(out, proto.TypeWelcome, proto.EncodeWelcome(proto.Welcome{Error: msg}))
		return errors.New(msg)
	}
	if f.Type != proto.TypeHello {
		return refuse("first frame is %s, not hello", f.Type)
	}
	hello, rights := f.Payload, []byte(nil)
	h, err := proto.DecodeHello(f.Payload)
	var ve *proto.VersionError
	switch {
	case errors.As(err, &ve):
		// The server says so in the client's terms: pass it on as it is.
	case err != nil:
		return refuse("bad hello: %v", err)
	default:
		h.Env, h.PID, h.TTY, h.Stream = os.Environ(), os.Getpid(), false, true
		hello, rights = proto.EncodeHello(h), unix.UnixRights(int(in.Fd()), int(out.Fd()))
	}
	s, err := proxyTarget(dir, name, h)
	if err != nil {
		return refuse("%v", err)
	}
	conn, err := dial(s.Path)
	if err != nil {
		return refuse("session %s: %v", proto.Printable(s.Name), err)
	}
	defer conn.Close()
	if err := conn.writeWithRights(proto.AppendFrame(nil, proto.TypeHello, hello), rights); err != nil {
		return refuse("session %s: %v", proto.Printable(s.Name), err)
	}
	// A server that took the stream says nothing here and closes this when
	// the client goes; one that did not answers here: bridge.
	buf := make([]byte, 64<<10)
	n, err := conn.Read(buf)
	if n == 0 {
		if errors.Is(err, io.EOF) || errors.Is(err, os.ErrClosed) {
			err = nil
		}
		return err
	}
	if _, err := out.Write(buf[:n]); err != nil {
		return err
	}
	go func() {
		io.Copy(conn, in)
		conn.CloseWrite() // the near side went: the server detaches it
	}()
	_, err = io.Copy(out, conn)
	if errors.Is(err, os.ErrClosed) {
		err = nil
	}
	return err
}

// proxyTarget chooses the session a remote attach asks for, as the local
// flags would: a plain attach wants a detached one, -x or -d -r any live one;
// a command connection any live one.
func proxyTarget(dir, name string, h proto.Hello) (Session, error) {
	matched, err := ListMatching(dir, name)
	if err != nil {
		return Session{}, err
	}
	var live, detached []Session
	for _, s := range matched {
		if s.State == Dead {
			continue
		}
		live = append(live, s)
		if s.State == Detached {
			detached = append(detached, s)
		}
	}
	choices := live
	if h.Mode == proto.ModeAttach && !h.Shared && !h.Takeover && len(live) > 1 {
		choices = detached
	}
	switch {
	case len(choices) == 1:
		return choices[0], nil
	case len(live) == 1:
		return live[0], nil // attached elsewhere: the server says so, and how to share it
	case len(live) == 0 && name != "":
		return Session{}, fmt.Errorf("%s matching %q (gmux -ls lists them)", noSession, name)
	case len(live) == 0:
		return Session{}, errors.New(noSession + " to resume (gmux -ls lists them)")
	}
	names := make([]string, len(choices))
	for i, s := range choices {
		names[i] = proto.Printable(s.Name) + " (" + s.State.String() + ")"
	}
	if len(choices) == 0 {
		for _, s := range live {
			names = append(names, proto.Printable(s.Name)+" ("+s.State.String()+")")
		}
	}
	if name == "" {
		return Session{}, fmt.Errorf("there are several sessions: %s; name one of them", strings.Join(names, ", "))
	}
	return Session{}, fmt.Errorf("several sessions match %q: %s; name one of them", name, strings.Join(names, ", "))
}

// noSession begins the proxy's refusal when nothing matches, which the near
// side tells apart (-R creates the session then).
const noSession = "there is no session"
