package server

func init() {
	register(&command{
		name: "remove", guest: true, maxArgs: 0, needClient: true,
		help: "remove the focused region; its window goes on (C-a X)",
		run: func(x *cmdContext, _ []string) (string, error) {
			return "", x.c.removeRegion(x.s)
		},
	})
}
