package server

import (
	"fmt"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/prompt"
	"github.com/gmux/gmux/server/window"
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
					prog, _ := window.ProgramName(w.Argv[0])
					w.Title = window.BaseName(prog)
				}
			}
			if len(args) == 1 {
				set(args[0])
				return "", nil
			}
			if !x.interactive() {
				return w.DisplayTitle(), nil
			}
			x.c.openPrompt(&prompt.Prompt{Label: "Set window's title to: ", Text: w.DisplayTitle(), Done: set})
			return "", nil
		},
	})
}
