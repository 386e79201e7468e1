package server

import (
	"fmt"
)

func init() {
	register(&command{
		name: "windowlist", help: "choose a window from a list in the focused region (j/k or arrows, Enter)", maxArgs: 0, needClient: true,
		run: func(x *cmdContext, _ []string) (string, error) {
			m := &menu{title: "Num Name"}
			for i, w := range x.s.windows {
				m.items = append(m.items, fmt.Sprintf("%3d%-4s %s", w.number, windowFlags(w, x.c.win, x.c.other), w.displayTitle()))
				m.ids = append(m.ids, w.number)
				if w == x.c.win {
					m.sel = i
				}
			}
			windows := append([]*window(nil), x.s.windows...)
			c := x.c
			m.done = func(i int) {
				if i >= 0 && i < len(windows) {
					x.s.selectWindow(c, windows[i])
				}
			}
			c.menu = m
			x.s.markDirty(c)
			return "", nil
		},
	})
}
