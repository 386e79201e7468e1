package server

func init() {
	register(&command{
		name: "quit", help: "kill every window and end the session (asks first when typed)", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			if !x.interactive() {
				x.s.end("quit", 0)
				return "", nil
			}
			x.s.openPrompt(x.c, &prompt{
				label:  "Really quit and kill all your windows [y/n]? ",
				single: true,
				done: func(ans string) {
					if ans == "y" || ans == "Y" {
						x.s.end("quit", 0)
					}
				},
			})
			return "", nil
		},
	})
}
