package server

func init() {
	register(&command{
		name: "reset", target: windowTarget, help: "reset this window's terminal (modes, colours, screen) as a terminal's reset does",
		run: func(x *cmdContext, _ []string) (string, error) {
			x.w.Screen.Reset()
			x.s.applyWindowDefaults(x.w)
			x.s.redrawWindow(x.w)
			return "", nil
		},
	})
}
