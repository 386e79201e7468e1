package server

import "strings"

func init() {
	register(&command{
		name: "eval", usage: "command...", minArgs: 1, maxArgs: -1,
		help: "run each argument as a command line, in order",
		run: func(x *cmdContext, args []string) (string, error) {
			var said []string
			for _, line := range args {
				out, err := x.s.runLine(x, line)
				if err != nil {
					return strings.Join(said, "\n"), err
				}
				if out != "" {
					said = append(said, out)
				}
			}
			return strings.Join(said, "\n"), nil
		},
	})
}
