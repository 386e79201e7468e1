package server

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

func init() {
	register(&command{
		name: "idle", usage: "[seconds|off [command args]]", maxArgs: -1,
		help: "run a command (blanker by default) after seconds without a key on a display",
		run: func(x *cmdContext, args []string) (string, error) {
			set := &x.s.set
			if len(args) == 0 {
				if set.IdleTimeout == 0 {
					return "idle off", nil
				}
				return fmt.Sprintf("idle timeout %ds, %s", int(set.IdleTimeout.Seconds()), strings.Join(set.IdleCommand, " ")), nil
			}
			secs := 0
			if args[0] != "off" {
				n, err := strconv.Atoi(args[0])
				if err != nil || n < 0 {
					return "", fmt.Errorf("idle wants seconds or off, not %q", args[0])
				}
				secs = n
			}
			if len(args) > 1 {
				if err := checkBindable(args[1:]); err != nil {
					return "", fmt.Errorf("idle: %w", err)
				}
				set.IdleCommand = append([]string(nil), args[1:]...)
			}
			set.IdleTimeout = time.Duration(secs) * time.Second
			if set.IdleTimeout > 0 {
				for c := range x.s.clients {
					if c.attached {
						c.noteKey(x.s)
					}
				}
			}
			return "", nil
		},
	})
	register(&command{
		name: "blanker", help: "blank this display until a key (which is not passed on); blankerprg draws on it", needClient: true,
		run: func(x *cmdContext, _ []string) (string, error) {
			x.c.blank(x.s)
			return "", nil
		},
	})
	register(&command{
		name: "blankerprg", usage: "[program args]", maxArgs: -1, help: "the program blanker shows (none: a blank screen)",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				if len(x.s.set.BlankerPrg) == 0 {
					return "No blankerprg set.", nil
				}
				return "blankerprg: " + strings.Join(x.s.set.BlankerPrg, " "), nil
			}
			x.s.set.BlankerPrg = append([]string(nil), args...)
			return "", nil
		},
	})
}
