// Package cli is gmux's command line: screen's flags, and what each does
// with the client package. Both binaries run it: gmux, the thin client, and
// gmux-server, which is a complete gmux besides.
package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/gmux/gmux/client"
	"github.com/gmux/gmux/proto"
	"golang.org/x/term"
)

// Run is gmux as the user runs it; it returns the exit status.
func Run(argv []string) int {
	f, err := parseFlags(argv)
	if err != nil {
		fmt.Fprintf(os.Stderr, "gmux: %v\n", err)
		return 2
	}
	dir := proto.SocketDir()
	if host, ok := remoteHost(f); ok {
		return remote(host, f)
	}
	switch {
	case f.proxy:
		return proxy(dir, firstArg(f))
	case f.help:
		fmt.Print(usage)
		return 0
	case f.version:
		fmt.Printf("gmux version %s (protocol v%d)\n%s\n", proto.BuildVersion(), proto.Version, proto.BuildDescription())
		return 0
	case f.completion != "":
		return printCompletion(f.completion)
	case f.list || f.wipe:
		return list(dir, f.wipe, firstArg(f))
	case f.upgradeAll:
		return upgradeAll(dir, firstArg(f))
	case f.command:
		return sendCommand(dir, f)
	case f.resume || f.resumeOr || f.multi:
		return resume(dir, f)
	case (f.detach || f.powerDetach) && !f.detached:
		return detachElsewhere(dir, f)
	}
	return create(dir, f)
}

func firstArg(f *flags) string {
	if len(f.args) > 0 {
		return f.args[0]
	}
	return f.name
}

func fail(f *flags, format string, args ...any) int {
	if f == nil || !f.quiet {
		fmt.Fprintf(os.Stderr, "gmux: "+format+"\n", args...)
	}
	return 1
}

// list prints the sessions as screen -ls does; with wipe it removes the dead.
func list(dir string, wipe bool, match string) int {
	sessions, err := client.ListMatching(dir, match)
	if err != nil {
		return fail(nil, "%v", err)
	}
	if wipe {
		client.WipeLocks(dir)
	}
	if len(sessions) == 0 {
		fmt.Printf("No Sockets found in %s.\n\n", dir)
		return 1
	}
	if len(sessions) == 1 {
		fmt.Println("There is a session on:")
	} else {
		fmt.Println("There are sessions on:")
	}
	dead := 0
	warning := ""
	for _, s := range sessions {
		when := ""
		if !s.Created.IsZero() {
			when = s.Created.Format("(01/02/2006 03:04:05 PM)") + "\t"
		}
		state := s.State.String()
		if s.State == client.Dead {
			dead++
			logPath := proto.LogPath(s.Path)
			_, err := os.Stat(logPath)
			switch {
			case wipe:
				os.Remove(s.Path)
				os.Remove(logPath)
				state = "Removed"
			case err == nil:
				// A server that died left its log (a crash's trace is in it).
				state += "; its log: " + logPath
			}
		}
		if s.Err != nil {
			state += ": " + s.Err.Error()
		}
		if s.Older() {
			// Its server is a gmux from before this one (an upgrade since):
			// said, so a surprise has a name.
			if s.Version == "" {
				state += "; an older gmux"
			} else {
				state += "; gmux " + s.Version + ", older than this " + proto.BuildVersion()
			}
		}
		scope := ""
		if s.Scope != "" {
			scope = "\t" + s.Scope // for systemctl --user status
		}
		fmt.Printf("\t%s\t%s(%s)%s\n", proto.Printable(s.Name), when, proto.Printable(state), proto.Printable(scope))
		if s.Warning != "" && warning == "" {
			warning = s.Warning
		}
	}
	if warning != "" {
		fmt.Printf("Note: %s\n", proto.Printable(warning)) // said once, however many sessions
	}
	remaining := len(sessions)
	switch {
	case dead > 0 && wipe:
		fmt.Printf("%d socket%s wiped out.\n", dead, plural(dead))
		remaining -= dead // as screen's: what is left is counted
	case dead > 0:
		fmt.Printf("Remove dead sessions with gmux -wipe.\n")
	}
	if remaining == 0 {
		fmt.Printf("No Sockets found in %s.\n\n", dir)
		return 0
	}
	fmt.Printf("%d Socket%s in %s.\n\n", remaining, plural(remaining), dir)
	return 0
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// pick resolves a session name given on the command line. want filters by
// state (nil: any live session).
func pick(dir, name string, want func(client.Session) bool) (client.Session, []client.Session, error) {
	matched, err := client.ListMatching(dir, name)
	if err != nil {
		return client.Session{}, nil, err
	}
	var live []client.Session
	for _, s := range matched {
		if s.State != client.Dead && (want == nil || want(s)) {
			live = append(live, s)
		}
	}
	if len(live) == 1 {
		return live[0], nil, nil
	}
	return client.Session{}, live, client.ErrNoSession
}

// printChoices lists the sessions a name matched and how to pick one; hint
// is the rest of the sentence, e.g. `"gmux -r [pid.]name" to resume`.
func printChoices(sessions []client.Session, hint string) {
	fmt.Fprintf(os.Stderr, "There are several suitable sessions on:\n")
	for _, s := range sessions {
		fmt.Fprintf(os.Stderr, "\t%s\t(%s)\n", proto.Printable(s.Name), s.State)
	}
	fmt.Fprintf(os.Stderr, "Type %s one of them.\n", hint)
}

// resume handles -r, -R, -x and their -d/-D forms.
func resume(dir string, f *flags) int {
	name := firstArg(f)
	takeover := f.detach || f.powerDetach
	if s, ok := runByThisBinary(dir, name); ok && checkTerminal() == nil {
		// The server holds to -r's rule itself (it refuses a second
		// display unless -x or -d); if it refuses, or anything else goes
		// wrong, the way below says so as it always has.
		res, err := client.Attach(s.Path, client.AttachOptions{Shared: f.multi, Takeover: takeover, PowerDetach: f.powerDetach, ForceUTF8: f.utf8, Quick: true})
		if err == nil {
			return finishAttach(res)
		}
	}
	want := func(s client.Session) bool { return s.State == client.Detached }
	if f.multi || takeover {
		want = nil
	}
	s, choices, err := pick(dir, name, want)
	switch {
	case err == nil:
		if checkTerminal() == nil {
			offerUpgrade(s) // s was probed: an empty version is an old server's
		}
		return attach(s, f, takeover)
	case len(choices) > 1:
		printChoices(choices, `"gmux -r [pid.]name" to resume`)
		return 1
	case f.resumeOr:
		// As screen: -R NAME (-DR NAME) creates the session NAME when there
		// is none to resume; the name is not a program to run.
		if f.name == "" && len(f.args) > 0 {
			f.name, f.args = f.args[0], f.args[1:]
		}
		return create(dir, f)
	}
	if name != "" {
		if other, _, err := pick(dir, name, nil); err == nil && other.State == client.Attached {
			return fail(f, "session %s is attached elsewhere: use -x to share it, or -d -r to take it over", other.Name)
		}
		return fail(f, "there is no session to resume matching %q (gmux -ls lists them)", name)
	}
	return fail(f, "there is no detached session to resume (gmux -ls lists them)")
}

// checkTerminal refuses, as screen does, a terminal gmux cannot draw on:
// TERM unset, or dumb (the common type that cannot move its cursor; every
// type in tcell's built-in table can). Other types are the server's to look
// up; it draws for xterm-256color when it does not know one. (Looking them
// up here would link the terminfo tables into the client, and every gmux
// command would start slower.)
func checkTerminal() error {
	t := os.Getenv("TERM")
	if t == "" {
		return fmt.Errorf("TERM is not set: set it to your terminal's type (e.g. xterm-256color)")
	}
	if t == "dumb" {
		return fmt.Errorf("terminal type %q cannot move the cursor, which gmux needs: set TERM to your terminal's type (e.g. xterm-256color)", t)
	}
	return nil
}

// attach attaches this terminal to s and prints how it ended.
func attach(s client.Session, f *flags, takeover bool) int {
	if err := checkTerminal(); err != nil {
		return fail(f, "%v", err)
	}
	res, err := client.Attach(s.Path, client.AttachOptions{Shared: f.multi, Takeover: takeover, PowerDetach: f.powerDetach, ForceUTF8: f.utf8})
	if err != nil {
		if errors.Is(err, client.ErrNotATerminal) {
			return fail(f, "Must be connected to a terminal.")
		}
		return fail(f, "attach %s: %v", proto.Printable(s.Name), versionAdvice(err, s, "-x", s.Name))
	}
	return finishAttach(res)
}

// finishAttach prints how an attachment ended and returns the exit status.
func finishAttach(res client.Result) int {
	if res.Message != "" {
		fmt.Println(res.Message)
	}
	if res.HangUp {
		// Power detach: hang up the shell we were started from, as screen
		// does, which logs the user out of this terminal.
		if ppid := os.Getppid(); ppid > 1 {
			_ = syscall.Kill(ppid, syscall.SIGHUP)
		}
	}
	return res.Status
}

// detachElsewhere is -d/-D without -r: detach the session's terminals.
func detachElsewhere(dir string, f *flags) int {
	name := firstArg(f)
	s, choices, err := pick(dir, name, func(s client.Session) bool { return s.State == client.Attached })
	if err != nil {
		if len(choices) > 1 {
			printChoices(choices, `"gmux -d [pid.]name" to detach`)
			return 1
		}
		return fail(nil, "there is no attached session matching %q", name)
	}
	verb, done := "detach", "detached"
	if f.powerDetach {
		verb, done = "pow_detach", "power detached" // -D: their logins are hung up, as screen's
	}
	if _, err := client.Command(s.Path, -1, []string{verb}); err != nil {
		return fail(nil, "detach %s: %v", proto.Printable(s.Name), err)
	}
	fmt.Printf("[%s %s.]\n", proto.Printable(s.Name), done)
	return 0
}

// sendCommand is -X: one command to a running session.
func sendCommand(dir string, f *flags) int {
	if len(f.args) == 0 {
		return fail(f, "-X needs a command")
	}
	// Typed in a window: its session, as screen's -X goes to $STY's.
	s, ok := ownSession(f)
	var choices []client.Session
	var err error
	if !ok {
		s, choices, err = pick(dir, f.name, nil)
	}
	if err != nil {
		if len(choices) > 1 {
			printChoices(choices, `"gmux -S [pid.]name -X command" to send a command to`)
			return 1
		}
		if f.name != "" {
			return fail(f, "no session matching %q", f.name)
		}
		return fail(f, "no session found")
	}
	send := client.CommandShown // -X: the display shows what it says, too
	if f.query {
		send = client.Command // -Q: only the caller hears the answer
	}
	out, err := send(s.Path, f.window, f.args)
	if err != nil {
		return fail(f, "%v", versionAdvice(err, s, "-S", s.Name, "-X", "..."))
	}
	if out != "" {
		fmt.Println(out)
	}
	return 0
}

// create starts a new session and, unless -dm, attaches to it.
func create(dir string, f *flags) int {
	if n, ok := inSession(f); ok {
		return n
	}
	attachNow := !(f.detach && f.detached)
	if attachNow && !term.IsTerminal(int(os.Stdin.Fd())) {
		return fail(f, "Must be connected to a terminal.")
	}
	if attachNow {
		if err := checkTerminal(); err != nil {
			return fail(f, "%v", err) // before a session is made that nothing could show
		}
	}
	cfg, err := serverConfig(dir, f)
	if err != nil {
		return fail(f, "%v", err)
	}
	path, err := client.Start(cfg)
	if err != nil {
		return fail(f, "%v", err)
	}
	if !attachNow {
		return 0
	}
	return attach(client.Session{Name: filepath.Base(path), Path: path}, f, false)
}

// inSession is gmux run inside a session's window without -m: as screen
// does, it opens a new window there ([-t title] [cmd]) instead of nesting a
// session. It reports false when it did not apply.
func inSession(f *flags) (int, bool) {
	sock := os.Getenv("GMUX")
	if sock == "" || f.detached || f.name != "" {
		return 0, false
	}
	if sock = currentSocket(sock); sock == "" {
		return 0, false // the session it names is gone: start one
	}
	args := []string{"screen"}
	if f.title != "" {
		args = append(args, "-t", f.title)
	}
	args = append(args, f.args...)
	if _, err := client.CommandLiteral(sock, -1, args); err != nil {
		return fail(f, "new window in %s: %v", sock, err), true
	}
	return 0, true
}

// ownSession is the session of the window gmux runs in ($GMUX), for -X
// and -Q without -S; ok is false outside a window, or when that session
// is gone.
func ownSession(f *flags) (client.Session, bool) {
	sock := os.Getenv("GMUX")
	if sock == "" || f.name != "" {
		return client.Session{}, false
	}
	if sock = currentSocket(sock); sock == "" {
		return client.Session{}, false
	}
	return client.Session{Name: filepath.Base(sock), Path: sock}, true
}

// currentSocket is the session socket $GMUX names, or where it went since:
// sessionname renames it, keeping the server's PID in front ("PID.name").
// "" when the session is gone.
func currentSocket(sock string) string {
	if _, err := os.Stat(sock); err == nil {
		return sock
	}
	pid, _, ok := strings.Cut(filepath.Base(sock), ".")
	if !ok {
		return ""
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(sock), pid+".*"))
	if len(matches) != 1 {
		return ""
	}
	return matches[0]
}

func serverConfig(dir string, f *flags) (client.ServerConfig, error) {
	cwd, err := os.Getwd()
	if err != nil {
		cwd = "/"
	}
	shell := f.shell
	if shell == "" {
		shell = os.Getenv("SHELL")
	}
	if shell == "" {
		shell = "/bin/sh"
	}
	cols, rows := 80, 24
	if c, r, err := term.GetSize(int(os.Stdout.Fd())); err == nil && c > 0 && r > 0 {
		cols, rows = c, r
	}
	name := f.name
	if name == "" {
		name = defaultName()
	}
	esc, lit := byte(0x01), byte('a')
	if f.escape != "" {
		if esc, lit, err = parseEscape(f.escape); err != nil {
			return client.ServerConfig{}, err
		}
	}
	termName := f.term
	if termName == "" {
		termName = "screen-256color"
	}
	scrollback := f.scrollback
	if scrollback == 0 {
		scrollback = 10000
	}
	return client.ServerConfig{
		Name: name, SocketDir: dir, Argv: f.args, Title: f.title, Shell: shell, LoginShell: f.login,
		Dir: cwd, Env: os.Environ(), Term: termName, Cols: cols, Rows: rows, Scrollback: scrollback,
		Escape: esc, Literal: lit, Config: f.config, AwaitAttach: !(f.detach && f.detached), LogAll: f.logAll,
		LogFile: f.logFile,
	}, nil
}

// defaultName is screen's: the terminal's name and the host, "pts-3.host".
func defaultName() string {
	tty := "notty"
	if t, err := os.Readlink("/proc/self/fd/0"); err == nil && strings.HasPrefix(t, "/dev/") {
		tty = strings.ReplaceAll(strings.TrimPrefix(t, "/dev/"), "/", "-")
	}
	host, _ := os.Hostname()
	host, _, _ = strings.Cut(host, ".")
	if host == "" {
		host = "localhost"
	}
	return fmt.Sprintf("%s.%s", tty, host)
}
