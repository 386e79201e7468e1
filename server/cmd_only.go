package server

func init() {
	register(&command{
		name: "only", guest: true, maxArgs: 0, needClient: true,
		help: "remove every region but the focused one (C-a Q)",
		run: func(x *cmdContext, _ []string) (string, error) {
			x.c.onlyRegion(x.s)
			return "", nil
		},
	})
}
