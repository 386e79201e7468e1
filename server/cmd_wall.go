package server

func init() {
	register(&command{
		name: "wall", usage: "message", minArgs: 1, maxArgs: 1, help: "show a message on every attached display",
		run: func(x *cmdContext, args []string) (string, error) {
			for c := range x.s.clients {
				if c.attached {
					c.showMessage(x.s, args[0])
				}
			}
			return "", nil
		},
	})
	register(&command{
		name: "unbindall", help: "remove every key binding (gmux -X bind ... still works)",
		run: func(x *cmdContext, _ []string) (string, error) {
			x.s.set.Bindings = map[byte][]string{}
			x.s.set.Classes = nil
			return "", nil
		},
	})
}
