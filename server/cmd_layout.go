package server

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gmux/gmux/server/userfile"
)

func init() {
	register(&command{
		name: "layout", usage: "new [title] | save [name] | select [n|title] | next | prev | show | title [t] | number [n] | remove [n|title] | attach [n|title|:last] | autosave [on|off] | dump [file]",
		minArgs: 1, maxArgs: 2, needClient: true,
		help: "named arrangements of regions, kept in the session: make, save, switch between (the current one follows the regions with autosave on)",
		run: func(x *cmdContext, args []string) (string, error) {
			s, c, ls := x.s, x.c, &x.s.layouts
			arg := ""
			if len(args) == 2 {
				arg = args[1]
			}
			switch args[0] {
			case "new":
				s.autosaveLayout(c)
				l := ls.add(arg)
				c.named, ls.last = l, l
				c.regs = nil // a new layout is one region, with the window shown
				c.regionsChanged(s)
				return "", nil
			case "save":
				l := c.named
				if arg != "" {
					if l = ls.find(arg); l == nil {
						l = ls.add(arg)
					}
				}
				if l == nil {
					l = ls.add("")
				}
				s.saveLayout(c, l)
				c.named, ls.last = l, l
				return "", nil
			case "select":
				if arg == "" {
					return ls.show(c.named), nil
				}
				l := ls.find(arg)
				if l == nil {
					return "", fmt.Errorf("layout: no layout %s", arg)
				}
				s.selectLayout(c, l)
				return "", nil
			case "next", "prev":
				if len(ls.list) == 0 {
					return "", fmt.Errorf("layout: no layouts defined")
				}
				d := 1
				if args[0] == "prev" {
					d = -1
				}
				s.selectLayout(c, ls.step(c.named, d))
				return "", nil
			case "show":
				return ls.show(c.named), nil
			case "title":
				if c.named == nil {
					return "", fmt.Errorf("layout: no layout shown")
				}
				if arg == "" {
					return fmt.Sprintf("This is layout %d (%s).", c.named.number, c.named.title), nil
				}
				c.named.title = arg
				return "", nil
			case "number":
				if c.named == nil {
					return "", fmt.Errorf("layout: no layout shown")
				}
				if arg == "" {
					return fmt.Sprintf("This is layout %d (%s).", c.named.number, c.named.title), nil
				}
				n, err := strconv.Atoi(arg)
				if err != nil || n < 0 {
					return "", fmt.Errorf("layout number: %q is not a number", arg)
				}
				if other := ls.byNumber(n); other != nil && other != c.named {
					other.number = c.named.number // as screen: the two swap
				}
				c.named.number = n
				sortLayouts(ls)
				return "", nil
			case "remove":
				l := c.named
				if arg != "" {
					l = ls.find(arg)
				}
				if l == nil {
					return "", fmt.Errorf("layout: no layout %s", arg)
				}
				ls.remove(l)
				for d := range s.clients {
					if d.named == l {
						d.named = nil
					}
				}
				return "", nil
			case "attach":
				switch {
				case arg == "":
					if ls.attachTo == nil {
						return "Will attach to the last layout used", nil
					}
					return fmt.Sprintf("Will attach to layout %d (%s)", ls.attachTo.number, ls.attachTo.title), nil
				case arg == ":last":
					ls.attachTo = nil
				default:
					l := ls.find(arg)
					if l == nil {
						return "", fmt.Errorf("layout: no layout %s", arg)
					}
					ls.attachTo = l
				}
				return "", nil
			case "autosave":
				if arg == "" {
					return "autosave " + map[bool]string{true: "off", false: "on"}[ls.noSave], nil
				}
				if err := onOff(arg); err != nil {
					return "", err
				}
				ls.noSave = arg == "off"
				return "", nil
			case "dump":
				if arg == "" {
					arg = "layout-dump"
				}
				path := expandHome(arg)
				if !filepath.IsAbs(path) {
					path = filepath.Join(s.set.Dir, path) // the session's directory, as hardcopy's
				}
				return "", userfile.Append(path, []byte(dumpLayouts(ls)))
			}
			return "", fmt.Errorf("layout: unknown subcommand %q", args[0])
		},
	})
}

// dumpLayouts writes the layouts as lines a config can keep: each layout's
// title and its regions in layout's text form.
func dumpLayouts(ls *layoutSet) string {
	var b strings.Builder
	for _, l := range ls.list {
		text := "r"
		if l.regions != nil {
			text = l.regions.Layout
		}
		fmt.Fprintf(&b, "# layout %d %q: %s\n", l.number, l.title, text)
	}
	return b.String()
}
