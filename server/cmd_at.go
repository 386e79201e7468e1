package server

import (
	"fmt"
	"strconv"
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
				wins, err := x.s.windowsMatching(strings.TrimSuffix(id, "#"))
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

// windowsMatching is at's window identifier: a number, else the windows
// whose title starts with it; "" is every window.
func (s *session) windowsMatching(id string) ([]*window, error) {
	if id == "" {
		return append([]*window(nil), s.windows...), nil
	}
	if n, err := strconv.Atoi(id); err == nil {
		if w := s.windowByNumber(n); w != nil {
			return []*window{w}, nil
		}
		return nil, fmt.Errorf("at: no window %d", n)
	}
	var wins []*window
	for _, w := range s.windows {
		if strings.HasPrefix(w.displayTitle(), id) {
			wins = append(wins, w)
		}
	}
	if len(wins) == 0 {
		return nil, fmt.Errorf("at: no window called %q", id)
	}
	return wins, nil
}
