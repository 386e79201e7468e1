package server

import (
	"fmt"
	"strconv"
	"time"
)

// Small commands of screen's that a .screenrc uses.

func init() {
	register(&command{
		name: "sleep", guest: true, usage: "seconds", help: "pause a config file (up to 10 s; a key typed ends it)", minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			n, err := strconv.ParseFloat(args[0], 64)
			if err != nil || n < 0 {
				return "", fmt.Errorf("sleep wants seconds, not %q", args[0])
			}
			if x.c != nil || x.shell {
				// Only a config read at start may pause: anywhere else it
				// would stop the session for everyone.
				return "", fmt.Errorf("sleep pauses config files only")
			}
			time.Sleep(min(time.Duration(n*float64(time.Second)), 10*time.Second))
			return "", nil
		},
	})
	register(&command{
		name: "dinfo", guest: true, help: "show this display's terminal: type, size, colours", needClient: true,
		run: func(x *cmdContext, _ []string) (string, error) {
			c := x.c
			return fmt.Sprintf("(%d,%d) TERM=%s, %d colours", c.cols, c.rows, c.hello.Term, c.r.Colors()), nil
		},
	})
	register(&command{
		name: "deflog", usage: "on|off", help: "log new windows (as -L)", minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			on, err := toggle(args, false)
			if err == nil {
				x.s.opts.LogAll = on
			}
			return "", err
		},
	})
	register(&command{
		name: "msgminwait", usage: "seconds", help: "accepted for screen's sake: a new message replaces the old at once", minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			if _, err := strconv.ParseFloat(args[0], 64); err != nil {
				return "", fmt.Errorf("msgminwait wants seconds, not %q", args[0])
			}
			return "", nil
		},
	})
}
