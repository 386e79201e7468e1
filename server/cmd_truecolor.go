package server

import "fmt"

func init() {
	register(&command{
		name: "truecolor", usage: "[on|off|auto]", maxArgs: 1,
		help: "draw direct (24-bit) colours as such: on, off (nearest palette colour), or auto, as each display's terminal takes them",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				v := x.s.set.Truecolor
				if v == "" {
					v = "auto"
				}
				return "truecolor " + v, nil
			}
			switch args[0] {
			case "on", "off", "auto":
				x.s.set.Truecolor = args[0]
			default:
				return "", fmt.Errorf("truecolor wants on, off or auto, not %q", args[0])
			}
			for c := range x.s.clients {
				if c.attached {
					c.applyTruecolor(x.s)
				}
			}
			return "", nil
		},
	})
}
