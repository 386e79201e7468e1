package server

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gmux/gmux/server/menu"
	"github.com/gmux/gmux/server/window"
)

func init() {
	register(&command{
		name: "displays", guest: true, maxArgs: 0,
		help: "list the attached displays: terminal, size, client process, the window each shows (C-a *)",
		run: func(x *cmdContext, _ []string) (string, error) {
			lines := x.s.displayList()
			if !x.interactive() {
				return strings.Join(lines, "\n"), nil
			}
			x.c.menu = &menu.List{Title: "Displays — q or Esc to leave", Items: lines, Sel: -1, Done: func(int) {}}
			x.c.markDirty(x.s)
			return "", nil
		},
	})
}

// displayList describes each attached display, as screen's displays does:
// its terminal type and size, the client's process, what it shows (each
// region's window on a split display, the focused one marked), and its
// state.
func (s *session) displayList() []string {
	var cs []*client
	for c := range s.clients {
		if c.attached {
			cs = append(cs, c)
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].id < cs[j].id })
	lines := make([]string, 0, len(cs))
	for _, c := range cs {
		shows := windowLabel(c.win)
		if c.regs != nil {
			var parts []string
			for _, r := range c.regs.Regions() {
				label := windowLabel(c.regs.Window(r.ID))
				if r.ID == c.regs.Focus() {
					label += "*"
				}
				parts = append(parts, label)
			}
			shows = strings.Join(parts, " ")
		}
		state := ""
		switch {
		case c.suspended:
			state = " (stopped)"
		case c.lock != nil:
			state = " (locked)"
		case c.guest:
			state = " (read-only)"
		}
		lines = append(lines, fmt.Sprintf("%-16s %3dx%-3d pid %-7d %s%s", c.hello.Term, c.cols, c.rows, c.hello.PID, shows, state))
	}
	return lines
}

func windowLabel(w *window.Window) string {
	if w == nil {
		return "-"
	}
	return fmt.Sprintf("%d(%s)", w.Number, w.DisplayTitle())
}
