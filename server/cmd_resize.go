package server

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gmux/gmux/server/layout"
)

func init() {
	register(&command{
		name: "resize", usage: "[-h|-v] [+N|-N|N|N%|=|max|min]", maxArgs: 2, needClient: true,
		help: "resize the focused region: -h its width, -v (the default) its height; = makes all regions equal",
		run: func(x *cmdContext, args []string) (string, error) {
			c := x.c
			if c.regs == nil {
				return "", fmt.Errorf("resize: the display is not split")
			}
			dir, how := layout.Stacked, ""
			for _, a := range args {
				switch a {
				case "-h":
					dir = layout.SideBySide
				case "-v":
					dir = layout.Stacked
				case "-b", "-l", "-p":
					// screen's both, local and perpendicular: gmux resizes
					// along one direction at a time.
				default:
					how = a
				}
			}
			lay := c.regs.lay
			id := lay.Focus()
			rect := c.focusRect()
			cur, total := rect.H, func() int { _, h := lay.Size(); return h }()
			if dir == layout.SideBySide {
				cur, total = rect.W, func() int { w, _ := lay.Size(); return w }()
			}
			var delta int
			switch {
			case how == "=" || how == "":
				lay.Equalize()
				x.s.regionsChanged(c)
				return "", nil
			case how == "max":
				delta = total
			case how == "min":
				delta = -total
			case strings.HasSuffix(how, "%"):
				p, err := strconv.Atoi(strings.TrimSuffix(how, "%"))
				if err != nil || p < 0 || p > 100 {
					return "", fmt.Errorf("resize: bad size %q", how)
				}
				delta = total*p/100 - cur
			default:
				n, err := strconv.Atoi(how)
				if err != nil {
					return "", fmt.Errorf("resize: bad size %q", how)
				}
				if how[0] == '+' || how[0] == '-' {
					delta = n
				} else {
					delta = n - cur
				}
			}
			if _, err := lay.ResizeRegion(id, dir, delta); err != nil {
				return "", err
			}
			x.s.regionsChanged(c)
			return "", nil
		},
	})
}
