package server

func init() {
	register(&command{
		name: "colon", help: "enter a command on the prompt line", maxArgs: 0, needClient: true,
		run: func(x *cmdContext, _ []string) (string, error) {
			c := x.c
			x.s.openPrompt(c, &prompt{label: ":", history: &x.s.colonHistory, done: func(line string) {
				out, err := x.s.runLine(&cmdContext{s: x.s, c: c, w: c.win}, line)
				switch {
				case err != nil:
					x.s.showMessage(c, err.Error())
				case out != "":
					x.s.showMessage(c, out)
				}
			}})
			return "", nil
		},
	})
}
