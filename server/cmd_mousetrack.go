package server

func init() {
	register(&command{
		name: "mousetrack", usage: "on|off", help: "let the mouse wheel scroll into copy mode and a drag select and copy (terminals that report the mouse)", minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			if err := onOff(args[0]); err != nil {
				return "", err
			}
			x.s.set.Mousetrack = args[0] == "on"
			for c := range x.s.clients {
				if c.attached {
					c.markDirty(x.s)
				}
			}
			return "", nil
		},
	})
}
