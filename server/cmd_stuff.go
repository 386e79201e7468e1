package server

import "fmt"

func init() {
	register(&command{
		name: "stuff", usage: "string", help: "type string into the window", minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			if x.w == nil {
				return "", fmt.Errorf("no window")
			}
			x.w.send([]byte(args[0]))
			return "", nil
		},
	})
	register(&command{
		name: "echo", usage: "text", help: "show text on the message line", minArgs: 1, maxArgs: 1,
		run: func(_ *cmdContext, args []string) (string, error) { return args[0], nil },
	})
}
