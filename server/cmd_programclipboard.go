package server

func init() {
	register(&command{
		name: "programclipboard", usage: "[on|off]", maxArgs: 1,
		help: "let programs copy with OSC 52 (to the paste buffer and on to the terminal's clipboard) and read the paste buffer",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				if x.s.set.NoProgramClipboard {
					return "programclipboard off", nil
				}
				return "programclipboard on", nil
			}
			if err := onOff(args[0]); err != nil {
				return "", err
			}
			x.s.set.NoProgramClipboard = args[0] == "off"
			for _, w := range x.s.windows {
				x.s.applyScreenPolicy(w)
			}
			return "", nil
		},
	})
}
