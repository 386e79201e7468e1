package server

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/gmux/gmux/server/prompt"
)

// Settings: commands that set how the session behaves from now on.

func init() {
	register(&command{
		name: "scrollback", usage: "lines", help: "scrollback lines for this window", minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			n, err := nonNegative(args[0])
			if err != nil || x.w == nil {
				return "", err
			}
			x.w.Screen.History().SetLimit(n)
			return fmt.Sprintf("scrollback set to %d", n), nil
		},
	})
	register(&command{
		name: "zombie", usage: "[keys [onerror]]", help: "keep dead windows until a key: first kills, second restarts (zombie kr); onerror: only those whose program failed; no keys: off", maxArgs: 2,
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 2 && args[1] != "onerror" {
				return "", fmt.Errorf("usage: zombie [keys [onerror]]")
			}
			x.s.set.Zombie, x.s.set.ZombieOnError = "", false
			if len(args) >= 1 {
				keys, err := parseKeys(args[0])
				if err != nil || len(keys) != 2 {
					return "", fmt.Errorf("zombie wants two keys, like kr")
				}
				x.s.set.Zombie, x.s.set.ZombieOnError = string(keys), len(args) == 2
			}
			return "", nil
		},
	})
	register(&command{
		name: "setenv", usage: "[var [value]]", help: "set a variable for programs in new windows; asks for what is left out", maxArgs: 2,
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 2 || len(args) == 1 && !x.interactive() {
				val := ""
				if len(args) == 2 {
					val = args[1]
				}
				x.s.set.SetEnv(args[0], &val)
				return "", nil
			}
			if !x.interactive() {
				return "", fmt.Errorf("usage: setenv var [value]")
			}
			// As screen: what is not given is asked for, the name first.
			askValue := func(name string) {
				x.c.openPrompt(&prompt.Prompt{Label: "Enter value for " + name + ": ", Done: func(val string) {
					x.s.set.SetEnv(name, &val)
				}})
			}
			if len(args) == 1 {
				askValue(args[0])
				return "", nil
			}
			x.c.openPrompt(&prompt.Prompt{Label: "Setenv: enter variable name: ", Done: func(name string) {
				if name = strings.TrimSpace(name); name != "" {
					askValue(name)
				}
			}})
			return "", nil
		},
	})
	register(&command{
		name: "unsetenv", usage: "var", help: "remove a variable for programs in new windows", minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) { x.s.set.SetEnv(args[0], nil); return "", nil },
	})
	register(&command{
		name: "chdir", usage: "[dir]", help: "the directory new windows start in (home without one)", maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			dir := os.Getenv("HOME")
			if len(args) == 1 {
				dir = expandHome(args[0])
			}
			if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
				return "", fmt.Errorf("chdir: %s is not a directory", dir)
			}
			x.s.set.Dir = dir
			return "", nil
		},
	})
}

func nonNegative(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("want a number of lines, not %q", s)
	}
	return n, nil
}

func onOff(s string) error {
	if s != "on" && s != "off" {
		return fmt.Errorf("want on or off, not %q", s)
	}
	return nil
}

func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		return os.Getenv("HOME") + p[1:]
	}
	return p
}

// toggle reads screen's "[on|off]": the argument, or without one the
// opposite of cur.
func toggle(args []string, cur bool) (bool, error) {
	if len(args) == 0 {
		return !cur, nil
	}
	if err := onOff(args[0]); err != nil {
		return cur, err
	}
	return args[0] == "on", nil
}

// startupMessage is what a new session's first display is told, as screen's
// startup message tells it: which gmux, and the keys a newcomer needs.
func (s *session) startupMessage() string {
	esc := emacsKey(s.set.Escape)
	return fmt.Sprintf("gmux %s: %s ? for the keys, %s d to detach (startup_message off hides this)", Version(), esc, esc)
}

// emacsKey names a key as screen's and emacs's messages do: C-a, not ^A.
func emacsKey(k byte) string {
	if k < 0x20 {
		return "C-" + strings.ToLower(string(rune(k+'@')))
	}
	return keyName(k)
}
