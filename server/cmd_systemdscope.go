package server

import "fmt"

func init() {
	register(&command{
		name: "systemdscope", usage: "on|off|auto", minArgs: 1, maxArgs: 1,
		help: "move a new session into a systemd scope of its own, to outlive its login (config only; auto: when a user manager answers)",
		run: func(x *cmdContext, args []string) (string, error) {
			switch args[0] {
			case "on", "off", "auto":
				x.s.set.SystemdScope = args[0]
				return "", nil
			}
			return "", fmt.Errorf("systemdscope wants on, off or auto, not %q", args[0])
		},
	})
}
