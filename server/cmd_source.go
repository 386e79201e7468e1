package server

func init() {
	register(&command{
		name: "source", usage: "file", help: "run the commands in a file (config syntax)", minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			errs, err := x.s.sourceFile(expandHome(args[0]), 0)
			if err != nil {
				return "", err
			}
			if len(errs) > 0 {
				return errs[0], nil
			}
			return "", nil
		},
	})
}
