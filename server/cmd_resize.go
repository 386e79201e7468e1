package server

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gmux/gmux/server/layout"
)

func init() {
	register(&command{
		name: "resize", usage: "[-h|-v|-b] [+N|-N|N|N%|=|max|_|min]", maxArgs: 2, needClient: true,
		help: "resize the focused region: -h its width, -v (the default) its height, -b both; = makes all regions equal, max (or _) and min as large or small as the others allow",
		run: func(x *cmdContext, args []string) (string, error) {
			c := x.c
			if c.regs == nil {
				return "", fmt.Errorf("resize: the display is not split")
			}
			dirs, how := []layout.Dir{layout.Stacked}, ""
			for _, a := range args {
				switch a {
				case "-h":
					dirs = []layout.Dir{layout.SideBySide}
				case "-v":
					dirs = []layout.Dir{layout.Stacked}
				case "-b":
					dirs = []layout.Dir{layout.Stacked, layout.SideBySide}
				case "-l", "-p":
					// screen's local and perpendicular: gmux takes the room
					// from the nearest split along the direction either way.
				default:
					how = a
				}
			}
			for _, dir := range dirs {
				if err := resizeFocused(x, dir, how); err != nil {
					return "", err
				}
			}
			c.regionsChanged(x.s)
			return "", nil
		},
	})
}

// resizeFocused resizes x's focused region along dir as how says.
func resizeFocused(x *cmdContext, dir layout.Dir, how string) error {
	c := x.c
	lay := c.regs
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
		return nil
	case how == "max" || how == "_":
		delta = total
	case how == "min":
		delta = -total
	case strings.HasSuffix(how, "%"):
		p, err := strconv.Atoi(strings.TrimSuffix(how, "%"))
		if err != nil || p < 0 || p > 100 {
			return fmt.Errorf("resize: bad size %q", how)
		}
		delta = total*p/100 - cur
	default:
		n, err := strconv.Atoi(how)
		if err != nil {
			return fmt.Errorf("resize: bad size %q", how)
		}
		if how[0] == '+' || how[0] == '-' {
			delta = n
		} else {
			delta = n - cur
		}
	}
	_, err := lay.ResizeRegion(id, dir, delta)
	return err
}
