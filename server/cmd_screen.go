package server

import (
	"fmt"
	"strconv"
)

func init() {
	register(&command{
		name: "screen", usage: "[-t title] [n] [cmd args...]", help: "open a new window (the shell, or cmd)", maxArgs: -1,
		run: func(x *cmdContext, args []string) (string, error) {
			title, number := "", -1
			for len(args) > 0 {
				if args[0] == "-t" && len(args) > 1 {
					title, args = args[1], args[2:]
					continue
				}
				if n, err := strconv.Atoi(args[0]); err == nil {
					number, args = n, args[1:]
					continue
				}
				break
			}
			// The new window shows on the terminal that asked for it, or from
			// -X on the one attached most recently, as in screen.
			w, err := x.s.newWindow(x.c, args, title, number)
			if err != nil {
				return "", err
			}
			if !x.interactive() {
				return fmt.Sprintf("window %d", w.Number), nil
			}
			return "", nil
		},
	})
}
