package server

func init() {
	register(&command{
		name: "hstatus", target: windowTarget, usage: "text", minArgs: 1, maxArgs: 1,
		help: "this window's hardstatus, shown by %h (^E escapes, as screen's: ^Et the title)",
		run: func(x *cmdContext, args []string) (string, error) {
			x.w.Hstatus = args[0]
			x.s.redrawBars()
			return "", nil
		},
	})
}
