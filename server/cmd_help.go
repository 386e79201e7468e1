package server

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gmux/gmux/server/menu"
)

func init() {
	register(&command{
		name: "help", guest: true, help: "list every key binding (read from the live table)", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			lines := x.s.bindingHelp()
			if !x.interactive() {
				return strings.Join(lines, "\n"), nil
			}
			width, _ := x.c.windowSize() // the focused region's, on a split display
			x.c.menu = &menu.List{Title: "gmux key bindings — any listed key after the command key; q or Esc to leave",
				Items: helpColumns(lines[1:], width), Sel: -1, Done: func(int) {}}
			x.c.menu.Items = append([]string{lines[0], ""}, x.c.menu.Items...)
			x.c.markDirty(x.s)
			return "", nil
		},
	})
}

// bindingHelp lists the command key and every bound key with its command.
func (s *session) bindingHelp() []string {
	keys := make([]int, 0, len(s.set.Bindings))
	for k := range s.set.Bindings {
		keys = append(keys, int(k))
	}
	sort.Ints(keys)
	lines := []string{fmt.Sprintf("Command key: %s   Literal %s: %s", keyName(s.set.Escape), keyName(s.set.Escape), keyName(s.set.Literal))}
	for _, k := range keys {
		lines = append(lines, fmt.Sprintf("%-6s %s", keyName(byte(k)), strings.Join(s.set.Bindings[byte(k)], " ")))
	}
	return lines
}

// helpColumns lays entries out in as many columns as fit the width.
func helpColumns(entries []string, width int) []string {
	colw := 0
	for _, e := range entries {
		colw = max(colw, len(e)+2)
	}
	ncol := max(1, width/max(colw, 1))
	nrow := (len(entries) + ncol - 1) / ncol
	out := make([]string, nrow)
	for i, e := range entries {
		r := i % nrow
		out[r] += fmt.Sprintf("%-*s", colw, e)
	}
	return out
}
