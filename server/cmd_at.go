package server

import (
	"fmt"
	"strings"
)

func init() {
	register(&command{
		name: "at", usage: "[identifier][#|*|%] command [args]", minArgs: 2, maxArgs: -1,
		help: "run a command in other windows (N#, title#, # for all) or on displays (*, % all)",
		run: func(x *cmdContext, args []string) (string, error) {
			id, cmd := args[0], args[1:]
			var said []string
			var errs []string
			run := func(y *cmdContext) {
				out, err := x.s.runCommand(y, cmd)
				if err != nil {
					errs = append(errs, err.Error())
				} else if out != "" {
					said = append(said, out)
				}
			}
			switch {
			case strings.HasSuffix(id, "*") || strings.HasSuffix(id, "%"):
				// Displays: screen's user (*) and display (%) are the
				// same here, one user.
				for c := range x.s.clients {
					if c.attached {
						run(&cmdContext{s: x.s, c: c, w: c.win})
					}
				}
			default:
				wins, err := x.s.windows.matching(strings.TrimSuffix(id, "#"))
				if err != nil {
					return "", err
				}
				for _, w := range wins {
					run(&cmdContext{s: x.s, c: x.c, w: w, shell: x.shell})
				}
			}
			if len(errs) > 0 {
				return strings.Join(said, "\n"), fmt.Errorf("at %s: %s", id, strings.Join(errs, "; "))
			}
			return strings.Join(said, "\n"), nil
		},
	})
}
