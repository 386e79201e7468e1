package server

import "fmt"

func init() {
	register(&command{
		name: "fit", maxArgs: 0,
		help: "size the window to this display (C-a F); with windowsize manual it stays so",
		run: func(x *cmdContext, args []string) (string, error) {
			if x.c == nil || x.c.win == nil {
				return "", fmt.Errorf("fit: no display")
			}
			cols, rows := x.c.windowSize()
			x.c.win.Resize(cols, rows)
			x.s.redrawWindow(x.c.win)
			return "", nil
		},
	})
}
