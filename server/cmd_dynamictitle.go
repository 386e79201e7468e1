package server

func init() {
	register(&command{
		name: "dynamictitle", usage: "on|off", help: "let programs set window titles (OSC 0/2); off keeps the given ones", minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			if err := onOff(args[0]); err != nil {
				return "", err
			}
			x.s.set.StaticTitles = args[0] == "off"
			return "", nil
		},
	})
}
