package server

func init() {
	register(&command{
		name: "windowsize", usage: "[smallest|largest|latest|manual]", maxArgs: 1,
		help: "how a window shown on several displays is sized (default smallest); a smaller display scrolls with the cursor",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				return "windowsize " + windowSizeNames[x.s.set.WindowSize], nil
			}
			p, err := parseWindowSize(args[0])
			if err != nil {
				return "", err
			}
			x.s.set.WindowSize = p
			for _, w := range x.s.windows {
				x.s.fitWindow(w)
			}
			return "", nil
		},
	})
}
