package server

func init() {
	register(&command{
		name: "suspend", guest: true, help: "stop this gmux client as C-z stops a program (fg brings it back)", maxArgs: 0, needClient: true,
		run: func(x *cmdContext, _ []string) (string, error) {
			// The client stops itself when told its terminal is released.
			x.s.suspend(x.c, suspendTell)
			return "", nil
		},
	})
}
