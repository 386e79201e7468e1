package cli

import (
	"fmt"

	"github.com/gmux/gmux/client"
	"strconv"
	"strings"
)

// flags are gmux's command line options, spelled as screen spells them:
// single letters that may be bundled (-dmS name), and a few words (-ls).
type flags struct {
	detach      bool   // -d
	powerDetach bool   // -D
	resume      bool   // -r
	resumeOr    bool   // -R: resume, or create
	multi       bool   // -x
	detached    bool   // -m (with -d: start detached)
	list        bool   // -ls, -list
	wipe        bool   // -wipe
	upgradeAll  bool   // -upgrade [match]: every session moves to this binary
	version     bool   // -v
	help        bool   // -h without a number, --help
	utf8        bool   // -U
	login       bool   // -l
	quiet       bool   // -q
	logAll      bool   // -L
	logFile     string // -Logfile
	name        string // -S
	command     bool   // -X or -Q
	query       bool   // -Q: the answer only on stdout
	window      int    // -p (-1: current)
	title       string // -t
	shell       string // -s
	term        string // -T
	escape      string // -e xy
	config      string // -c
	scrollback  int    // -h N (0: default)
	proxy       bool   // --proxy NAME: the far end of a remote attach (client.Proxy)
	completion  string // -completion bash|zsh|fish: print the shell's completion script
	args        []string
}

const usage = `Use: gmux [-opts] [cmd [args]]
 or: gmux -r [host.tty]

Options:
-c file       Read configuration file instead of ~/.gmuxrc.
-d [name]     Detach the elsewhere running session (with -r: and reattach here).
-D [name]     As -d, the elsewhere terminal is told "power detached".
-dmS name cmd Start a session detached, named name, running cmd (for scripts).
-e xy         Change the command character to ^x and its literal to y (-e^Bb).
-h lines      Set the size of the scrollback history buffer.
-h, --help    Show this help.
-l            Start the shell as a login shell.
-L            Log every window's output to gmuxlog.N (C-a H toggles).
-Logfile file The log's name instead of gmuxlog.N (%n: the window's number).
-ls, -list    List the sessions: Attached, Detached, or Dead (stale socket).
-m            Start a new session even inside one (inside one, gmux [cmd]
              opens a window there); with -d: do not attach.
-p window     With -X: send the command to this window.
-q            Quiet: do not print messages on failure.
-r [name]     Reattach to a detached session (by PID.NAME, NAME, PID or prefix).
              HOST:NAME instead of a name (with -r, -x, -R, -d, -S, -ls HOST:)
              reaches a session on HOST over ssh, and reconnects by itself.
-R [name]     Reattach if possible, otherwise start a new session.
-S name       Name the new session (the socket becomes PID.name).
-s shell      Shell to run in new windows instead of $SHELL.
-t title      Set the title of the first window.
-T term       Set TERM for the programs (default screen-256color).
-U            Tell gmux the terminal speaks UTF-8.
-v            Print the version.
-completion bash|zsh|fish  Print the shell's completion of options,
              session names and -X commands: source <(gmux -completion bash),
              or in fish gmux -completion fish | source.
-wipe         Remove dead sessions' sockets.
-upgrade [name]  Move every session (or those matching name) to this gmux
              binary, keeping their programs, screens and terminals.
-x [name]     Attach to a session that is already attached (multi display).
-X cmd args   Send a command to a running session (-S name, -p window);
              what it answers is printed, a failure sets the exit status.
-Q cmd args   The same (screen's query: -Q windows, -Q title, -Q info...).

Environment: GMUX_SOCKET_DIR (socket directory), GMUXRC (config file, else ~/.gmuxrc, else ~/.screenrc),
SYSGMUXRC (system config, else /etc/gmuxrc), SHELL, GMUX_SSH_COMMAND (ssh command line
for HOST:NAME, default ssh), GMUX_REMOTE_COMMAND (gmux on the far side, default gmux).
Keys (after C-a): d detach, c new window, n/p next/prev, 0-9 select,
" window list, A title, k kill, a send C-a, C-a other window, ? help.
`

// parseFlags reads the command line. Options end at the first word that is
// not an option; what follows is the program (or, with -r/-x/-d, a session name).
func parseFlags(argv []string) (*flags, error) {
	f := &flags{window: -1}
	i := 0
	next := func(opt byte, rest string) (string, error) {
		if rest != "" {
			return rest, nil
		}
		if i+1 >= len(argv) {
			return "", fmt.Errorf("option -%c needs an argument", opt)
		}
		i++
		return argv[i], nil
	}
	for ; i < len(argv); i++ {
		a := argv[i]
		if a == "--" {
			i++
			break
		}
		if len(a) < 2 || a[0] != '-' {
			break
		}
		switch a {
		case "-ls", "-list", "--list":
			f.list = true
			continue
		case "-wipe", "--wipe":
			f.wipe = true
			continue
		case "-upgrade", "--upgrade":
			f.upgradeAll = true
			continue
		case "--help":
			f.help = true
			continue
		case "-completion", "--completion":
			if i+1 >= len(argv) {
				return f, fmt.Errorf("%s wants a shell: bash or zsh", a)
			}
			i++
			f.completion = argv[i]
			continue
		case "--version":
			f.version = true
			continue
		case "-Logfile", "--logfile": // screen's: the log name, for -L and C-a H
			if i+1 >= len(argv) {
				return f, fmt.Errorf("%s wants a file name", a)
			}
			i++
			f.logFile = argv[i]
			continue
		case client.ProxyFlag:
			f.proxy = true
			continue
		}
	letters:
		for j := 1; j < len(a); j++ {
			rest := a[j+1:]
			var err error
			switch a[j] {
			case 'd':
				f.detach = true
			case 'D':
				f.powerDetach = true
			case 'r':
				f.resume = true
			case 'R':
				f.resumeOr = true
			case 'x':
				f.multi = true
			case 'm':
				f.detached = true
			case 'v':
				f.version = true
			case 'U':
				f.utf8 = true
			case 'l':
				if rest == "n" {
					break letters // -ln: no login shell
				}
				f.login = true
			case 'q':
				f.quiet = true
			case 'L':
				f.logAll = true
			case 'A', 'a', 'O', 'i', 'f', 'n':
				// screen options with no meaning here; accepted for scripts' sake
			case 'S':
				f.name, err = next('S', rest)
				if err == nil && rest != "" {
					break letters
				}
			case 'X', 'Q':
				// -Q is screen's query: the command's answer on stdout, its
				// failure in the exit status. -X answers so too, and
				// shows the answer on the display as well, as screen does.
				f.command = true
				f.query = f.query || a[j] == 'Q'
			case 'p':
				var v string
				if v, err = next('p', rest); err == nil {
					if f.window, err = strconv.Atoi(v); err != nil {
						err = fmt.Errorf("-p wants a window number, not %q", v)
					}
				}
				if rest != "" {
					break letters
				}
			case 't':
				f.title, err = next('t', rest)
				if rest != "" {
					break letters
				}
			case 's':
				f.shell, err = next('s', rest)
				if rest != "" {
					break letters
				}
			case 'T':
				f.term, err = next('T', rest)
				if rest != "" {
					break letters
				}
			case 'e':
				f.escape, err = next('e', rest)
				if rest != "" {
					break letters
				}
			case 'c':
				f.config, err = next('c', rest)
				if rest != "" {
					break letters
				}
			case 'h':
				// -h N sets the scrollback (as in screen); -h alone is help.
				v := rest
				if v == "" && i+1 < len(argv) {
					if _, e := strconv.Atoi(argv[i+1]); e == nil {
						i++
						v = argv[i]
					}
				}
				if v == "" {
					f.help = true
				} else if f.scrollback, err = strconv.Atoi(v); err != nil || f.scrollback < 0 {
					err = fmt.Errorf("-h wants a number of lines, not %q", v)
				}
				if rest != "" {
					break letters
				}
			default:
				return nil, fmt.Errorf("unknown option -%c (gmux -h lists them)", a[j])
			}
			if err != nil {
				return nil, err
			}
		}
	}
	f.args = argv[i:]
	return f, nil
}

// parseEscape reads -e's "xy": the command character and the literal one, each
// a character or ^X.
func parseEscape(s string) (cmd, lit byte, err error) {
	keys := []byte{}
	for i := 0; i < len(s); i++ {
		if s[i] == '^' && i+1 < len(s) {
			c := strings.ToUpper(s[i+1 : i+2])[0]
			if c == '?' {
				keys = append(keys, 0x7f)
			} else {
				keys = append(keys, c&0x1f)
			}
			i++
			continue
		}
		keys = append(keys, s[i])
	}
	if len(keys) != 2 {
		return 0, 0, fmt.Errorf("-e wants two characters, like -e^Bb, not %q", s)
	}
	return keys[0], keys[1], nil
}
