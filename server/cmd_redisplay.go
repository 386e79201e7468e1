package server

func init() {
	register(&command{
		name: "redisplay", guest: true, help: "redraw the terminal", maxArgs: 0, needClient: true,
		run: func(x *cmdContext, _ []string) (string, error) {
			x.c.r.Invalidate()
			x.c.markDirty(x.s)
			return "", nil
		},
	})
	register(&command{
		name: "clear", help: "clear the window's screen", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			if x.w != nil {
				x.s.windowOutput(x.w, []byte("\x1b[H\x1b[2J"))
			}
			return "", nil
		},
	})
}
