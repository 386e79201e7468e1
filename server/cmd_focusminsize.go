package server

import (
	"fmt"
	"strconv"

	"github.com/gmux/gmux/server/layout"
)

func init() {
	register(&command{
		name: "focusminsize", usage: "[width|max|_ height|max|_]", maxArgs: 2,
		help: "the least size of a region that gets the focus: it grows to it (0 0, the default: as it is)",
		run: func(x *cmdContext, args []string) (string, error) {
			set := &x.s.set
			if len(args) == 0 {
				return fmt.Sprintf("focusminsize %s %s", minSizeName(set.FocusMinW), minSizeName(set.FocusMinH)), nil
			}
			w, err := parseMinSize(args[0])
			if err != nil {
				return "", err
			}
			h := 0
			if len(args) == 2 {
				if h, err = parseMinSize(args[1]); err != nil {
					return "", err
				}
			}
			set.FocusMinW, set.FocusMinH = w, h
			return "", nil
		},
	})
}

// focusMinMax is focusminsize's max: as large as the other regions allow.
const focusMinMax = -1

func parseMinSize(a string) (int, error) {
	if a == "max" || a == "_" {
		return focusMinMax, nil
	}
	n, err := strconv.Atoi(a)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("focusminsize: %q is not a size, max or _", a)
	}
	return n, nil
}

func minSizeName(n int) string {
	if n == focusMinMax {
		return "max"
	}
	return strconv.Itoa(n)
}

// growFocused makes c's focused region at least focusminsize.
func (s *session) growFocused(c *client) {
	w, h := s.set.FocusMinW, s.set.FocusMinH
	if c.regs == nil || w == 0 && h == 0 {
		return
	}
	lay, id, rect := c.regs, c.regs.Focus(), c.focusRect()
	tw, th := lay.Size()
	grow := func(want, cur, total int, dir layout.Dir) {
		if want == focusMinMax {
			want = total
		}
		if want > cur {
			lay.ResizeRegion(id, dir, want-cur)
		}
	}
	grow(w, rect.W, tw, layout.SideBySide)
	grow(h, rect.H, th, layout.Stacked)
}
