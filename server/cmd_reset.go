package server

import "fmt"

func init() {
	register(&command{
		name: "reset", help: "reset this window's terminal (modes, colours, screen) as a terminal's reset does",
		run: func(x *cmdContext, _ []string) (string, error) {
			if x.w == nil {
				return "", fmt.Errorf("no window")
			}
			x.w.Screen.Reset()
			x.s.applyWindowDefaults(x.w)
			x.s.redrawWindow(x.w)
			return "", nil
		},
	})
}
