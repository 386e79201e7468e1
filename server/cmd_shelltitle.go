package server

func init() {
	register(&command{
		name: "shelltitle", usage: "title", minArgs: 1, maxArgs: 1,
		help: "the title of new shell windows; 'search|name' names them after the command typed at the prompt",
		run:  func(x *cmdContext, args []string) (string, error) { x.s.set.ShellTitle = args[0]; return "", nil },
	})
}
