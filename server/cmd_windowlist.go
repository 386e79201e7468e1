package server

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/gmux/gmux/server/settings"
	"github.com/gmux/gmux/server/status"
	"github.com/gmux/gmux/server/window"
)

func init() {
	register(&command{
		name: "windows", guest: true, help: "list the windows on the message line", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			var other *window.Window
			if x.c != nil {
				other = x.c.other
			}
			return status.Range(x.s.windows, x.w, other, 0, true), nil
		},
	})
	register(&command{
		name: "number", target: windowTarget, usage: "[[+|-]n]", help: "show the window's number and title; with n, renumber it (swapping); +n and -n move it by n", maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 1 {
				n, err := strconv.Atoi(args[0])
				if err == nil && (args[0][0] == '+' || args[0][0] == '-') {
					n += x.w.Number // screen's relative form
				}
				if err != nil || n < 0 || n >= settings.MaxWindows {
					return "", fmt.Errorf("number wants 0-%d, not %q", settings.MaxWindows-1, args[0])
				}
				if o := x.s.windows.byNumber(n); o != nil {
					x.s.swapNumbers(x.w, o)
				} else {
					x.w.Number = n
					sort.Slice(x.s.windows, func(i, j int) bool { return x.s.windows[i].Number < x.s.windows[j].Number })
				}
			}
			if x.shell {
				return fmt.Sprintf("%d (%s)", x.w.Number, x.w.DisplayTitle()), nil // as screen -Q number
			}
			return fmt.Sprintf("This is window %d (%s).", x.w.Number, x.w.DisplayTitle()), nil
		},
	})
}
