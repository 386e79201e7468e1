package server

import (
	"fmt"

	"github.com/gmux/gmux/server/layout"
)

func init() {
	register(&command{
		name: "focus", guest: true, usage: "[next|prev|up|down|left|right|top|bottom]", maxArgs: 1, needClient: true,
		help: "move to another region (C-a Tab: the next)",
		run: func(x *cmdContext, args []string) (string, error) {
			c := x.c
			if c.regs == nil {
				return "", nil // one region: nowhere to go
			}
			lay := c.regs
			at := lay.Focus()
			how := "next"
			if len(args) == 1 {
				how = args[0]
			}
			var id int
			switch how {
			case "next":
				id = lay.Next(at)
			case "prev":
				id = lay.Prev(at)
			case "up":
				id = lay.Neighbour(at, layout.Up)
			case "down":
				id = lay.Neighbour(at, layout.Down)
			case "left":
				id = lay.Neighbour(at, layout.Left)
			case "right":
				id = lay.Neighbour(at, layout.Right)
			case "top":
				id = lay.Regions()[0].ID
			case "bottom":
				rs := lay.Regions()
				id = rs[len(rs)-1].ID
			default:
				return "", fmt.Errorf("focus: %q is not next, prev, up, down, left, right, top or bottom", how)
			}
			c.focusRegion(x.s, id)
			return "", nil
		},
	})
}
