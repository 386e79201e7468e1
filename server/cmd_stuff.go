package server

import (
	"fmt"

	"github.com/gmux/gmux/server/prompt"
)

func init() {
	register(&command{
		name: "stuff", target: windowTarget, usage: "[string]", help: "type string into the window (without one, asks for it)", maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				if !x.interactive() {
					return "", fmt.Errorf("usage: stuff string")
				}
				w := x.w
				x.c.openPrompt(&prompt.Prompt{Label: "Stuff: ", Done: func(text string) { w.Send([]byte(text)) }})
				return "", nil
			}
			x.w.Send([]byte(args[0]))
			return "", nil
		},
	})
	register(&command{
		name: "echo", guest: true, usage: "[-n] text", help: "show text on the message line", minArgs: 1, maxArgs: 2,
		run: func(_ *cmdContext, args []string) (string, error) {
			if len(args) == 2 && args[0] != "-n" {
				return "", fmt.Errorf("usage: echo [-n] text")
			}
			return args[len(args)-1], nil // -n: no newline, which a message line has none of anyway
		},
	})
}
