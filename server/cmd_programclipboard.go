package server

import "fmt"

func init() {
	register(&command{
		name: "programclipboard", usage: "[off|external|on]", maxArgs: 1,
		help: "what programs' OSC 52 copies reach: external (the default) the terminals' clipboards only, on the paste buffer too, off nothing",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				return "programclipboard " + x.s.set.ProgramClipboard(), nil
			}
			switch args[0] {
			case "off":
				x.s.set.NoProgramClipboard, x.s.set.ProgramClipboardBuffer = true, false
			case "external":
				x.s.set.NoProgramClipboard, x.s.set.ProgramClipboardBuffer = false, false
			case "on":
				x.s.set.NoProgramClipboard, x.s.set.ProgramClipboardBuffer = false, true
			default:
				return "", fmt.Errorf("programclipboard: %q is not off, external or on", args[0])
			}
			for _, w := range x.s.windows {
				x.s.applyScreenPolicy(w)
			}
			return "", nil
		},
	})
}
