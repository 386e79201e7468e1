package server

import (
	"fmt"
	"strings"

	"github.com/gmux/gmux/server/window"
)

func init() {
	register(&command{
		name: "exec", target: programTarget, usage: "[[fdpat] command [args]]", maxArgs: -1,
		help: "run a command wired to this window: fdpat . display, ! the program, : both (!!stty, |less); none: show it",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				if f := x.w.Filter; f != nil {
					return fmt.Sprintf("%s: %s", f.Pattern(), strings.Join(f.Argv(), " ")), nil
				}
				return "No exec command is running.", nil
			}
			pat, pipeUser, argv, err := window.ParseFdpat(args)
			if err != nil {
				return "", err
			}
			return "", x.w.StartFilter(x.s.host(), pat, pipeUser, argv)
		},
	})
}

// execShorthand is screen's "!cmd" and "|cmd" for exec: a command line whose
// first word starts with ! or | is an exec.
func execShorthand(args []string) ([]string, bool) {
	if len(args) == 0 || args[0] == "" {
		return args, false
	}
	switch args[0][0] {
	case '!':
		first := args[0][1:]
		rest := args[1:]
		if first == "" {
			return append([]string{"exec"}, rest...), true
		}
		return append([]string{"exec", first}, rest...), true
	case '|':
		return append([]string{"exec"}, args...), true
	}
	return args, false
}
