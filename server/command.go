package server

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/gmux/gmux/proto"
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
	run        func(x *cmdContext, args []string) (string, error)
}

// cmdContext is where a command runs: the session, the client that typed it
// (nil from -X and the config file) and the window it acts on.
type cmdContext struct {
	s     *session
	c     *client
	w     *window
	shell bool // from gmux -X: c is the latest attached client, but nobody is at its keys
}

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
	cmd, ok := commandTable[args[0]]
	if !ok {
		return "", fmt.Errorf("%w %q", ErrUnknownCommand, args[0])
	}
	n := len(args) - 1
	if n < cmd.minArgs || (cmd.maxArgs >= 0 && n > cmd.maxArgs) {
		return "", fmt.Errorf("usage: %s %s", cmd.name, cmd.usage)
	}
	if cmd.needClient && x.c == nil {
		return "", fmt.Errorf("%s needs an attached terminal", cmd.name)
	}
	return runSafely(cmd, x, args[1:])
}

// runCommandFromShell runs a command sent by `gmux -X` (or -ls queries).
func (s *session) runCommandFromShell(cmd proto.Command) (string, error) {
	x := &cmdContext{s: s, w: s.lastWin, shell: true}
	if cmd.Window >= 0 {
		if x.w = s.windowByNumber(cmd.Window); x.w == nil {
			return "", fmt.Errorf("no window %d", cmd.Window)
		}
	}
	// A command that acts on "the" client (detach, say) acts on the one
	// attached most recently.
	for c := range s.clients {
		if c.attached && (x.c == nil || c.active > x.c.active) {
			x.c = c
		}
	}
	if x.c != nil && cmd.Window < 0 {
		x.w = x.c.win
	}
	if x.w == nil && len(s.windows) > 0 {
		x.w = s.windows[0]
	}
	return s.runCommand(x, cmd.Args)
}

// runLine parses and runs a command line (the C-a : prompt, config lines).
func (s *session) runLine(x *cmdContext, line string) (string, error) {
	args, err := splitCommand(line)
	if err != nil {
		return "", err
	}
	return s.runCommand(x, args)
}

// splitCommand splits a line as screen does: words separated by blanks,
// "double quotes" with backslash escapes, 'single quotes' literal, a
// backslash escaping the next character, # starting a comment.
func splitCommand(line string) ([]string, error) {
	var args []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		ch := line[i]
		switch {
		case ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n':
			if inWord {
				args = append(args, cur.String())
				cur.Reset()
				inWord = false
			}
		case ch == '#' && !inWord:
			return args, nil
		case ch == '\\':
			if i+1 >= len(line) {
				return nil, fmt.Errorf("trailing backslash")
			}
			i++
			cur.WriteByte(line[i])
			inWord = true
		case ch == '\'':
			j := strings.IndexByte(line[i+1:], '\'')
			if j < 0 {
				return nil, fmt.Errorf("unmatched '")
			}
			cur.WriteString(line[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case ch == '"':
			i++
			for ; i < len(line) && line[i] != '"'; i++ {
				if line[i] == '\\' && i+1 < len(line) {
					i++
					cur.WriteByte(unescape(line[i]))
					continue
				}
				cur.WriteByte(line[i])
			}
			if i >= len(line) {
				return nil, fmt.Errorf("unmatched \"")
			}
			inWord = true
		default:
			cur.WriteByte(ch)
			inWord = true
		}
	}
	if inWord {
		args = append(args, cur.String())
	}
	return args, nil
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
