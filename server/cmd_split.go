package server

import (
	"fmt"

	"github.com/gmux/gmux/server/layout"
)

func init() {
	register(&command{
		name: "split", guest: true, usage: "[-v]", maxArgs: 1, needClient: true,
		help: "split the focused region in two, one above the other (C-a S), or with -v side by side (C-a |); the new region is empty",
		run: func(x *cmdContext, args []string) (string, error) {
			dir := layout.Stacked
			switch {
			case len(args) == 1 && args[0] == "-v":
				dir = layout.SideBySide
			case len(args) == 1:
				return "", fmt.Errorf("usage: split [-v]")
			}
			return "", x.c.split(x.s, dir)
		},
	})
}
