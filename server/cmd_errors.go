package server

import "strings"

func init() {
	register(&command{
		name: "errors", guest: true, help: "list every error the config file had, as file:line: reason", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			if len(x.s.ConfigErrors) == 0 {
				return "no config errors", nil
			}
			return strings.Join(x.s.ConfigErrors, "\n"), nil
		},
	})
}
