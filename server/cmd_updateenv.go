package server

import (
	"slices"
	"strings"
)

func init() {
	register(&command{
		name: "updateenv", usage: "[var...]", maxArgs: -1,
		help: "variables new windows take from the newest attached client (SSH_AUTH_SOCK through a link that follows it); none: list",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				return strings.Join(x.s.set.UpdateEnv, " "), nil
			}
			for _, a := range args {
				if !slices.Contains(x.s.set.UpdateEnv, a) {
					x.s.set.UpdateEnv = append(x.s.set.UpdateEnv, a)
				}
			}
			return "", nil
		},
	})
}
