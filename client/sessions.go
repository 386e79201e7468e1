package client

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
)

// State is what a socket in the directory turned out to be.
type State int

const (
	Detached State = iota
	Attached
	Dead        // nothing listens: the server died (stale socket)
	Unreachable // something listens but did not answer as a gmux server
)

func (s State) String() string {
	return [...]string{"Detached", "Attached", "Dead ???", "Unreachable"}[s]
}

// Session is one session found in the socket directory.
type Session struct {
	Name    string // PID.NAME
	Path    string // socket path
	State   State
	Windows int
	Created time.Time
	Scope   string // the systemd scope it runs in, if any
	Warning string // what will end it all the same
	Err     error  // why it is Unreachable
	// The server's build ("" from a gmux older than versions being
	// reported), its commit time, and its protocol.
	Version  string
	Built    int64
	Protocol int
	// AutoUpgrade: what attaching with a newer gmux does (on, off, ask, or
	// "" for ask).
	AutoUpgrade string
}

// Older reports whether the session's server is an older gmux than this one.
func (s Session) Older() bool {
	return (s.State == Attached || s.State == Detached) && proto.OlderBuild(s.Version, s.Built)
}

// PID returns the server's process id from the name.
func (s Session) PID() int {
	p, _, _ := strings.Cut(s.Name, ".")
	n, _ := strconv.Atoi(p)
	return n
}

// ShortName returns the name without the PID.
func (s Session) ShortName() string {
	_, n, _ := strings.Cut(s.Name, ".")
	return n
}

// ErrNoSession is returned when no session matches.
var ErrNoSession = errors.New("no session")

// probeTimeout bounds how long -ls and name resolution wait for one server.
// A healthy server answers in well under a millisecond; one that is stopped
// or wedged must not hold up the listing, nor a command to another session.
const probeTimeout = time.Second

// List returns the sessions in dir, asking each server for its state.
func List(dir string) ([]Session, error) { return ListMatching(dir, "") }

// ListMatching returns the sessions in dir that name refers to (see Match;
// "" is every session), asking each of them, and only them, for its state.
// The servers are asked in parallel, each for at most probeTimeout.
func ListMatching(dir, name string) ([]Session, error) {
	out, err := Sockets(dir, name)
	if err != nil {
		return nil, err
	}
	var wg sync.WaitGroup
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = probe(out[i].Path)
		}()
	}
	wg.Wait()
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Sockets returns the sessions in dir that name refers to (see Match),
// without asking their servers anything: their state is not known.
func Sockets(dir, name string) ([]Session, error) {
	if err := proto.CheckSocketDir(dir); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read socket directory: %w", err)
	}
	var found []Session
	for _, e := range entries {
		if e.Type()&os.ModeSocket == 0 || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		found = append(found, Session{Name: e.Name(), Path: filepath.Join(dir, e.Name())})
	}
	return Match(found, name), nil
}

// probe asks one server for its state.
func probe(path string) Session {
	s := Session{Name: filepath.Base(path), Path: path}
	info, err := queryInfo(path)
	switch {
	case errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENOENT):
		s.State = Dead
	case errors.Is(err, os.ErrDeadlineExceeded):
		s.State, s.Err = Unreachable, fmt.Errorf("no answer within %v: the server is stopped or wedged", probeTimeout)
	case err != nil:
		s.State, s.Err = Unreachable, err
	default:
		s.Windows = info.Windows
		s.Created = time.Unix(info.Created, 0)
		s.Scope, s.Warning = info.Scope, info.Warning
		s.Version, s.Built, s.Protocol, s.AutoUpgrade = info.Version, info.Built, info.Protocol, info.AutoUpgrade
		if info.Attached > 0 {
			s.State = Attached
		}
	}
	return s
}

func queryInfo(path string) (proto.SessionInfo, error) {
	var info proto.SessionInfo
	out, err := command(path, proto.Command{Args: []string{"sessioninfo"}, Window: -1, Literal: true}, probeTimeout)
	if err != nil {
		return info, err
	}
	err = proto.DecodeJSON([]byte(out), &info)
	return info, err
}

// Match finds the sessions a name given on the command line refers to, as
// screen does: the full PID.NAME, the NAME, the PID, or a prefix of either.
// Exact matches win over prefixes.
func Match(sessions []Session, name string) []Session {
	if name == "" {
		return sessions
	}
	var exact, prefix []Session
	for _, s := range sessions {
		switch {
		case s.Name == name || s.ShortName() == name || strconv.Itoa(s.PID()) == name:
			exact = append(exact, s)
		case strings.HasPrefix(s.Name, name) || strings.HasPrefix(s.ShortName(), name):
			prefix = append(prefix, s)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return prefix
}

// replyTimeout bounds how long a command or an attach waits for the server.
const replyTimeout = 10 * time.Second

// upgradeTimeout is how long -X upgrade waits: the server tries the new
// binary out on the session's state first (up to 20 s), then hands over.
const upgradeTimeout = 40 * time.Second

// handshake sends hello and reads the welcome, within timeout. rights, if not
// nil, is a descriptor passed with the hello (unix.UnixRights).
func handshake(conn *sessionConn, h proto.Hello, rights []byte, timeout time.Duration) (*proto.Reader, proto.Welcome, error) {
	h.PID = os.Getpid()
	hello := proto.AppendFrame(nil, proto.TypeHello, proto.EncodeHello(h))
	conn.SetWriteDeadline(time.Now().Add(timeout))
	if err := conn.writeWithRights(hello, rights); err != nil {
		return nil, proto.Welcome{}, fmt.Errorf("send hello: %w", err)
	}
	conn.SetDeadline(time.Now().Add(timeout))
	defer conn.SetDeadline(time.Time{})
	r := proto.NewReader(conn)
	f, err := r.ReadFrame()
	if err != nil {
		return nil, proto.Welcome{}, fmt.Errorf("no answer from the session server: %w", err)
	}
	if f.Type != proto.TypeWelcome {
		return nil, proto.Welcome{}, fmt.Errorf("session server answered %s, not welcome", f.Type)
	}
	w, err := proto.DecodeWelcome(f.Payload)
	if err != nil {
		return nil, w, err
	}
	if w.Error != "" {
		return nil, w, errors.New(w.Error)
	}
	return r, w, nil
}

// Command runs one command in the session at path (window -1: current) and
// returns its output.
func Command(path string, window int, args []string) (string, error) {
	return command(path, proto.Command{Args: args, Window: window}, replyTimeout)
}

// CommandShown is Command for -X: what it says is also shown on the
// session's display.
func CommandShown(path string, window int, args []string) (string, error) {
	return command(path, proto.Command{Args: args, Window: window, Show: true}, replyTimeout)
}

// CommandLiteral is Command with args taken as they are, not parsed as
// screen parses -X's.
func CommandLiteral(path string, window int, args []string) (string, error) {
	return command(path, proto.Command{Args: args, Window: window, Literal: true}, replyTimeout)
}

// command sends cmd, with every step bounded by timeout (upgradeTimeout for
// an upgrade, which first tries the new binary out).
func command(path string, cmd proto.Command, timeout time.Duration) (string, error) {
	if len(cmd.Args) > 0 && cmd.Args[0] == "upgrade" {
		timeout = max(timeout, upgradeTimeout)
	}
	conn, err := dial(path)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	// Exe is what -X upgrade without a path moves the session to: the
	// server binary that goes with this gmux.
	exe, err := ServerBinary()
	if err != nil {
		exe, _ = os.Executable() // its own check will say what is missing
	}
	dir, _ := os.Getwd() // none known: a relative path in the command is refused
	r, _, err := handshake(conn, proto.Hello{Mode: proto.ModeCommand, Exe: exe, Dir: dir}, nil, timeout)
	if err != nil {
		return "", err
	}
	conn.SetDeadline(time.Now().Add(timeout))
	if err := proto.WriteFrame(conn, proto.TypeCommand, proto.EncodeJSON(cmd)); err != nil {
		return "", err
	}
	f, err := r.ReadFrame()
	if err != nil {
		return "", fmt.Errorf("no reply from the session server: %w", err)
	}
	var rep proto.Reply
	if f.Type != proto.TypeReply {
		return "", fmt.Errorf("session server answered %s, not reply", f.Type)
	}
	if err := proto.DecodeJSON(f.Payload, &rep); err != nil {
		return "", err
	}
	if !rep.OK {
		return "", errors.New(rep.Output)
	}
	return rep.Output, nil
}
