package server

import "slices"

func init() {
	register(&command{
		name: "colon", help: "enter a command on the prompt line", maxArgs: 0, needClient: true,
		run: func(x *cmdContext, _ []string) (string, error) {
			c := x.c
			x.s.openPrompt(c, &prompt{label: ":", history: x.s.colonHistory, candidates: colonCandidates, done: func(line string) {
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

// colonCandidates are what Tab completes at the C-a : prompt: a command's
// name in the first word (screen completes only that too).
func colonCandidates(index int) []string {
	if index > 0 {
		return nil
	}
	names := commandNames()
	for alias := range screenAliases {
		names = append(names, alias)
	}
	slices.Sort(names)
	return slices.Compact(names)
}
