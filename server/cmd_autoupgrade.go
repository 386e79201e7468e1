package server

import "fmt"

func init() {
	register(&command{
		name: "autoupgrade", usage: "[on|off|ask]", maxArgs: 1,
		help: "when a newer gmux attaches (gmux -r): on, the session moves to it first; off, it does not; ask (the default), the attaching gmux asks",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				mode := x.s.set.AutoUpgrade
				if mode == "" {
					mode = "ask"
				}
				return "autoupgrade " + mode, nil
			}
			switch args[0] {
			case "on", "off", "ask":
				x.s.set.AutoUpgrade = args[0]
				return "", nil
			}
			return "", fmt.Errorf("autoupgrade wants on, off or ask, not %q", args[0])
		},
	})
}
