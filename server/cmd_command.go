package server

import "fmt"

func init() {
	register(&command{
		name: "command", guest: true, usage: "[-c class]", maxArgs: 2, needClient: true,
		help: "act as the command key: the next key runs its binding (in class, with -c)",
		run: func(x *cmdContext, args []string) (string, error) {
			class := ""
			switch {
			case len(args) == 2 && args[0] == "-c":
				class = args[1]
				if x.s.set.Classes[class] == nil {
					return "", fmt.Errorf("command: no class %q (bind -c %s key command)", class, class)
				}
			case len(args) != 0:
				return "", fmt.Errorf("usage: command [-c class]")
			}
			x.c.prefix, x.c.prefixClass = true, class
			return "", nil
		},
	})
}
