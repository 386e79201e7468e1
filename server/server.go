package server

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/lineedit"
	"github.com/gmux/gmux/server/proc"
)

// Run serves a session until its last window closes or it is told to quit,
// and returns the process exit status. ready receives "ok" once the socket
// is listening, or the reason the session could not start, then is closed.
func Run(opts Options, ready io.WriteCloser) (status int) {
	proc.ReserveThreads()
	s, err := start(opts)
	if err != nil {
		fmt.Fprintf(ready, "%v", err)
		ready.Close()
		return 1
	}
	fmt.Fprint(ready, "ok "+s.Name)
	ready.Close()
	return s.serve()
}

// serve runs a started (or taken over) session to its end; see Run. A clean
// end removes the server's log, under the name the session has now (it may
// have been renamed, or upgraded); one with a recovered panic keeps it for
// its trace.
func (s *session) serve() (status int) {
	tuneCollector()
	go s.accept()
	s.handleSignals()
	s.run()
	os.Remove(s.Socket)
	s.awaitPrograms()
	s.log.Printf("session %s: exit %d", s.Name, s.exitCode)
	if s.Panics == 0 {
		os.Remove(proto.LogPath(s.Socket))
	}
	return s.exitCode
}

func start(opts Options) (*session, error) {
	if opts.Log == nil {
		opts.Log = log.New(io.Discard, "", 0)
	}
	opts.Cols, opts.Rows = clampSize(opts.Cols, opts.Rows)
	if opts.Escape == 0 {
		opts.Escape, opts.Literal = 0x01, 'a'
	}
	s := newSession(opts)
	if proto.HasControl(opts.Name) {
		return nil, fmt.Errorf("bad session name %q: control characters are not allowed", opts.Name)
	}
	s.installDefaultBindings()
	if err := proto.EnsureSocketDir(opts.SocketDir); err != nil {
		return nil, err
	}
	s.Socket = filepath.Join(opts.SocketDir, s.Name)
	if len(s.Socket) > proto.MaxSocketPath {
		return nil, fmt.Errorf("socket path %s is longer than %d bytes: use a shorter GMUX_SOCKET_DIR or name", s.Socket, proto.MaxSocketPath)
	}
	// Sockets are created 0600 from the start, not chmod-ed after.
	old := syscall.Umask(0o077)
	ln, err := net.Listen("unix", s.Socket)
	syscall.Umask(old)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", s.Socket, err)
	}
	s.ln = ln
	s.reserveFiles()
	s.followClientEnv(opts.Env) // the starting client's agent, through the link
	s.loadConfig()
	if s.unusablePassword != "" {
		// Fail closed: the rc meant the session to have a password, and a
		// session started without one would show itself to anyone who
		// reaches a display of it.
		ln.Close()
		os.Remove(s.Socket)
		return nil, fmt.Errorf("%s; the session was not started, as it would have had no password", s.unusablePassword)
	}
	s.enterScope()
	// The config may have opened windows (screen -t ...); the command line's
	// program, or the shell when there is none, comes after them.
	if len(opts.Argv) > 0 || len(s.windows) == 0 {
		if _, err := s.newWindow(nil, opts.Argv, opts.Title, -1); err != nil {
			ln.Close()
			os.Remove(s.Socket)
			return nil, err
		}
	}
	return s, nil
}

// newSession returns a session with nothing in it yet.
func newSession(opts Options) *session {
	s := &session{
		opts:         opts,
		SessionModel: handover.SessionModel{Name: strconv.Itoa(os.Getpid()) + "." + opts.Name, Created: time.Now()},
		events:       make(chan func(), 256),
		bulk:         make(chan func(), 256),
		clients:      map[*client]bool{},
		log:          opts.Log,
		set:          defaultSettings(opts),
		// The newest 100 lines of each, as screen keeps its input lines.
		colonHistory:  lineedit.NewHistory(100),
		searchHistory: lineedit.NewHistory(100),
	}
	s.procs = newProcessors(s.after, s.now)
	return s
}

// loadConfig runs the config files; what went wrong is shown to the first
// client that attaches.
func (s *session) loadConfig() {
	var errs []string
	for _, f := range configFiles(s.opts.Config) {
		ferrs, err := s.sourceFile(f.path, 0)
		errs = append(errs, ferrs...)
		if err != nil && (f.explicit || !os.IsNotExist(err)) {
			errs = append(errs, fmt.Sprintf("config: %v", err))
		}
	}
	for _, e := range errs {
		s.log.Print(e)
	}
	s.startupErrors, s.ConfigErrors = errs, errs
	s.bootDone()
}

// handleSignals makes the server deaf to the hang-up and interrupt that kill a
// login's jobs; SIGTERM ends the session cleanly. The signals are caught and
// dropped, not ignored: an ignored signal stays ignored in the programs the
// server starts, and C-c must still interrupt them.
func (s *session) handleSignals() {
	ch := make(chan os.Signal, 4)
	// Catching also resets what the starting shell ignored (a background
	// job ignores SIGINT and SIGQUIT): the programs get default handling.
	signal.Notify(ch, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGPIPE,
		syscall.SIGTSTP, syscall.SIGTTOU, syscall.SIGTTIN, syscall.SIGUSR1, syscall.SIGUSR2)
	go func() {
		for sig := range ch {
			if sig == syscall.SIGTERM {
				s.post(func() { s.end("terminated by "+sig.String(), 0) })
				return
			}
		}
	}()
}

// ErrForeignPeer is returned for a connection from another user.
var ErrForeignPeer = errors.New("connection from another user")

// checkPeer admits only connections from our own uid (SO_PEERCRED), and
// returns the peer's process id; the socket's mode is the first guard, this
// is the second.
func checkPeer(conn net.Conn) (int, error) {
	uc, ok := conn.(*net.UnixConn)
	if !ok {
		return 0, fmt.Errorf("not a unix socket")
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return 0, err
	}
	uid, pid, err := proc.PeerCredentials(raw)
	if err != nil {
		return 0, fmt.Errorf("peer credentials: %w", err)
	}
	if uid != os.Getuid() {
		return 0, fmt.Errorf("%w: uid %d pid %d", ErrForeignPeer, uid, pid)
	}
	return pid, nil
}

// childEnv is the environment of window n's program: the starting client's,
// with TERM set for our emulator and variables naming the session.
func (s *session) childEnv(n int) []string {
	env := make([]string, 0, len(s.set.Env)+5)
	for _, kv := range s.set.Env {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "TERM", "TERMCAP", "COLUMNS", "LINES", "STY", "WINDOW", "GMUX", "GMUX_WINDOW", "TMUX", "TMUX_PANE":
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"TERM="+s.set.Term,
		"STY="+s.Name,
		"WINDOW="+strconv.Itoa(n),
		"GMUX="+s.Socket,
		"GMUX_WINDOW="+strconv.Itoa(n),
	)
}
