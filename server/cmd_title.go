package server

import (
	"fmt"

	"github.com/gmux/gmux/proto"
)

func init() {
	register(&command{
		name: "title", usage: "[name]", help: "set the window's title (asks when typed without one)", maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			w := x.w
			if w == nil {
				return "", fmt.Errorf("no window")
			}
			set := func(t string) {
				t = proto.Printable(t)
				w.Title, w.Named = t, t != ""
				if t == "" {
					prog, _ := programName(w.Argv[0])
					w.Title = baseName(prog)
				}
			}
			if len(args) == 1 {
				set(args[0])
				return "", nil
			}
			if !x.interactive() {
				return w.displayTitle(), nil
			}
			x.s.openPrompt(x.c, &prompt{label: "Set window's title to: ", text: w.displayTitle(), done: set})
			return "", nil
		},
	})
}
