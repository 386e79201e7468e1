package server

func init() {
	register(&command{
		name: "meta", help: "send the command character (C-a) to the window", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			if x.w != nil {
				x.w.Send([]byte{x.s.set.Escape})
			}
			return "", nil
		},
	})
}
