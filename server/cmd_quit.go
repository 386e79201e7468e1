package server

import "github.com/gmux/gmux/server/prompt"

func init() {
	register(&command{
		name: "quit", help: "kill every window and end the session (asks first when typed)", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			if !x.interactive() {
				x.s.end("quit", 0)
				return "", nil
			}
			x.c.openPrompt(&prompt.Prompt{
				Label:  "Really quit and kill all your windows [y/n]? ",
				Single: true,
				Done: func(ans string) {
					if ans == "y" || ans == "Y" {
						x.s.end("quit", 0)
					}
				},
			})
			return "", nil
		},
	})
}
