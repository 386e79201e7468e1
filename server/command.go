package server

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/options"
	"github.com/gmux/gmux/server/settings"
	"github.com/gmux/gmux/server/window"
)

// command is one entry of the command table. Key bindings, the C-a : prompt,
// `gmux -X` and the config file all run commands from this one table.
type command struct {
	name    string
	usage   string // arguments, for help: "[n]"
	help    string // one line
	minArgs int
	maxArgs int // -1: any number
	// needClient marks commands that act on a terminal (prompts, redisplay)
	// and so cannot run from -X or the config file.
	needClient bool
	// target is what it acts on, checked before it runs.
	target target
	// guest marks commands a read-only display may run (actor.go): they
	// only look, or change only that display's own view.
	guest bool
	// setting is its row in the settings table (options_table.go), for
	// the commands that are settings; nil for the others.
	setting *options.Option[settings.Settings]
	run     func(x *cmdContext, args []string) (string, error)
}

// target is what a command acts on, as tmux's command entries name theirs:
// the runner finds it missing before the command runs, so no command checks.
type target uint8

const (
	anyTarget     target = iota
	windowTarget         // the window it runs in (x.w)
	programTarget        // that window, with its program running
)

// cmdContext is where a command runs: the session, the client that typed it
// (nil from -X and the config file) and the window it acts on.
type cmdContext struct {
	s     *session
	c     *client
	w     *window.Window
	shell bool    // from gmux -X: c is the latest attached client, but nobody is at its keys
	from  *client // the -X connection, which waits for the reply
}

// errReplyLater is what a command returns when it answers the -X connection
// itself, later (upgrade).
var errReplyLater = errors.New("the reply comes later")

// interactive reports whether a user at a terminal runs the command, so it
// may ask (prompts, confirmations, menus).
func (x *cmdContext) interactive() bool { return x.c != nil && !x.shell }

var commandTable = map[string]*command{}

// register adds a command; each command's file calls it from init.
func register(c *command) {
	if _, dup := commandTable[c.name]; dup {
		panic("duplicate command " + c.name)
	}
	commandTable[c.name] = c
}

// ErrUnknownCommand is returned for a name not in the table.
var ErrUnknownCommand = errors.New("unknown command")

// commandNames returns the table's names, sorted.
func commandNames() []string {
	names := make([]string, 0, len(commandTable))
	for n := range commandTable {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (s *session) runCommand(x *cmdContext, args []string) (string, error) {
	if len(args) == 0 {
		return "", nil
	}
	if ex, ok := execShorthand(args); ok {
		args = ex
	}
	if name, ok := screenAliases[args[0]]; ok {
		args = append([]string{name}, args[1:]...)
	}
	cmd, ok := commandTable[args[0]]
	if !ok {
		if known, err := screenCommand(args[0]); known {
			return "", err
		}
		return "", fmt.Errorf("%w %q", ErrUnknownCommand, args[0])
	}
	n := len(args) - 1
	if n < cmd.minArgs || (cmd.maxArgs >= 0 && n > cmd.maxArgs) {
		return "", fmt.Errorf("usage: %s %s", cmd.name, cmd.usage)
	}
	if err := x.actor().mayRun(cmd); err != nil {
		return "", err
	}
	if cmd.needClient && x.c == nil {
		return "", fmt.Errorf("%s needs an attached terminal", cmd.name)
	}
	if cmd.target != anyTarget && (x.w == nil || cmd.target == programTarget && x.w.Exited) {
		return "", fmt.Errorf("no window")
	}
	return runSafely(cmd, x, args[1:])
}

// runCommandFromShell runs a command sent by `gmux -X` (or -ls queries).
func (s *session) runCommandFromShell(from *client, cmd proto.Command) (string, error) {
	x := &cmdContext{s: s, w: s.lastWin, shell: true, from: from}
	if cmd.Window >= 0 {
		if x.w = s.windows.byNumber(cmd.Window); x.w == nil {
			return "", fmt.Errorf("no window %d", cmd.Window)
		}
	}
	// A command that acts on "the" client (detach, say) acts on the one
	// active most recently.
	x.c = s.latestClient()
	if x.c != nil && cmd.Window < 0 {
		x.w = x.c.win
	}
	if x.w == nil && len(s.windows) > 0 {
		x.w = s.windows[0]
	}
	args := cmd.Args
	if !cmd.Literal {
		var err error
		if args, err = splitCommandEnv(shellLine(cmd.Args), s.variable); err != nil {
			return "", err
		}
	}
	return s.runCommand(x, args)
}

// runLine parses and runs a command line (the C-a : prompt, config lines).
func (s *session) runLine(x *cmdContext, line string) (string, error) {
	args, err := splitCommandEnv(line, s.variable)
	if err != nil {
		return "", err
	}
	return s.runCommand(x, args)
}

// shellLine is what screen makes of the arguments of -X: each in double
// quotes (its own double quotes escaped), so that they are parsed as a
// config line would be: `-X stuff 'ls\n'` types a newline.
func shellLine(args []string) string {
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(`"` + strings.ReplaceAll(a, `"`, `\"`) + `"`)
	}
	return b.String()
}

// latestClient returns the attached client active most recently, or nil.
func (s *session) latestClient() *client {
	var latest *client
	for c := range s.clients {
		if c.attached && (latest == nil || c.active > latest.active) {
			latest = c
		}
	}
	return latest
}

// variable is the value of $NAME in a command line: screen's own (TERM,
// COLUMNS and LINES of the most recent display, PID, PWD, STY), else the
// session's environment.
func (s *session) variable(name string) string {
	c := s.latestClient()
	switch name {
	case "TERM":
		if c != nil {
			return c.hello.Term
		}
		return "unknown"
	case "COLUMNS", "LINES":
		if c == nil {
			return "-1"
		}
		if name == "COLUMNS" {
			return strconv.Itoa(c.cols)
		}
		return strconv.Itoa(c.rows)
	case "PID":
		return strconv.Itoa(os.Getpid())
	case "PWD":
		return s.set.Dir
	case "STY":
		return s.opts.Name
	}
	for _, kv := range s.set.Env {
		if k, v, ok := strings.Cut(kv, "="); ok && k == name {
			return v
		}
	}
	return ""
}

// splitCommand splits a line as screen's parser does, without expanding
// variables (see splitCommandEnv).
func splitCommand(line string) ([]string, error) { return splitCommandEnv(line, nil) }

// splitCommandEnv splits a line as screen's parser (Parse, in process.c)
// does, for the config file, the C-a : prompt and -X alike: words separated
// by blanks; "double" and 'single' quotes group; # at the start of a word
// ends the line. Outside single quotes, a backslash before n r t (newline,
// return, tab), before ' " \ $ # ^ (the character itself) or before one to
// three octal digits stands for that character; any other backslash stays;
// ^X is the control character (^? is DEL); and $VAR or ${VAR} is replaced
// by lookup's value, when lookup is not nil. As an extension, \e stands for
// ESC.
func splitCommandEnv(line string, lookup func(string) string) ([]string, error) {
	var args []string
	for i := 0; ; {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) || line[i] == '#' || line[i] == '\n' || line[i] == '\r' {
			return args, nil
		}
		w, n, err := parseWord(line[i:], lookup)
		if err != nil {
			return nil, err
		}
		args = append(args, w)
		i += n
	}
}

// parseWord reads the word at the start of s (see splitCommandEnv) and
// returns it and the bytes it took.
func parseWord(s string, lookup func(string) string) (string, int, error) {
	var w strings.Builder
	var delim byte
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case delim != 0 && c == delim:
			delim = 0
		case delim != '\'' && c == '\\' && i+1 < len(s) && strings.IndexByte(`nrt'"\\$#^01234567eE`, s[i+1]) >= 0:
			i++
			if e := s[i]; e >= '0' && e <= '7' {
				v := int(e - '0')
				for k := 0; k < 2 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7'; k++ {
					i++
					v = v<<3 | int(s[i]-'0')
				}
				w.WriteByte(byte(v))
			} else {
				w.WriteByte(unescape(e))
			}
		case delim != '\'' && c == '$' && lookup != nil && i+1 < len(s) && (s[i+1] == '{' || isNameByte(s[i+1])):
			name, n := varName(s[i+1:])
			w.WriteString(lookup(name))
			i += n
		case delim != '\'' && c == '^' && i+1 < len(s):
			i++
			if s[i] == '?' {
				w.WriteByte(0x7f)
			} else {
				w.WriteByte(s[i] & 0x1f)
			}
		case delim == 0 && (c == '\'' || c == '"'):
			delim = c
		case delim == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			return w.String(), i, nil
		default:
			w.WriteByte(c)
		}
	}
	if delim != 0 {
		return "", 0, fmt.Errorf("missing %c quote", delim)
	}
	return w.String(), i, nil
}

func isNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// varName reads NAME or {NAME} at the start of s, and returns the name and
// how many bytes it took.
func varName(s string) (string, int) {
	if s[0] == '{' {
		if j := strings.IndexByte(s, '}'); j > 0 {
			return s[1:j], j + 1
		}
		return s[1:], len(s)
	}
	j := 0
	for j < len(s) && isNameByte(s[j]) {
		j++
	}
	return s[:j], j
}

func unescape(c byte) byte {
	switch c {
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	case 'e', 'E':
		return 0x1b
	}
	return c
}

// parseKey reads a key name as screen writes them: a character, ^X for a
// control key, \NNN octal, or a backslash-escaped character.
func parseKey(name string) (byte, error) {
	switch {
	case len(name) == 1:
		return name[0], nil
	case len(name) == 2 && name[0] == '^':
		if name[1] == '?' {
			return 0x7f, nil
		}
		c := name[1] &^ 0x20 // upper case
		if c < '@' || c > '_' {
			return 0, fmt.Errorf("bad key %q", name)
		}
		return c - '@', nil
	case len(name) == 2 && name[0] == '\\':
		return name[1], nil
	case len(name) == 4 && name[0] == '\\':
		var v int
		if _, err := fmt.Sscanf(name[1:], "%o", &v); err == nil && v < 256 {
			return byte(v), nil
		}
	}
	return 0, fmt.Errorf("bad key %q (use a character, ^X or \\NNN)", name)
}

// keyName is the inverse of parseKey, for listings.
func keyName(k byte) string {
	switch {
	case k == 0x7f:
		return "^?"
	case k < 0x20:
		return "^" + string(rune(k+'@'))
	case k == ' ':
		return "space"
	}
	return string(rune(k))
}
