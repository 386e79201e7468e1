package server

import (
	"fmt"
	"sort"

	"github.com/gmux/gmux/server/menu"
	"github.com/gmux/gmux/server/status"
	"github.com/gmux/gmux/server/window"
)

// The window list (C-a "), as screen's: live (windows that come, go or
// change titles show at once), with screen's keys besides the list's own:
// , and . swap the selected window's number with the one above or below
// it, K kills it (asking first).

func init() {
	register(&command{
		name: "windowlist", guest: true, usage: "[-b] [-m] [-g] | string [format] | title [format]", maxArgs: 3,
		help: "choose a window from a list in the focused region (j/k or arrows, a number, / to search; Enter); -m most recent first; string and title set the items' and heading's formats",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) > 0 && (args[0] == "string" || args[0] == "title") {
				return windowListFormat(x, args)
			}
			mostRecent := false
			for _, a := range args {
				switch a {
				case "-m":
					mostRecent = true
				case "-b", "-g":
					// -b: the window shown is listed and choosable, as it
					// always is here; -g: gmux has no window groups, so
					// the list is the whole session either way.
				default:
					return "", fmt.Errorf("windowlist: %q is not -b, -m, -g, string or title", a)
				}
			}
			if x.c == nil {
				return "", fmt.Errorf("windowlist needs an attached terminal")
			}
			s, c := x.s, x.c
			m := &menu.List{Title: "Num Name", Sel: -1}
			if s.set.WindowListTitle != "" {
				m.Title = status.StripMarks(status.Expand(s.set.WindowListTitle, status.View{Cur: c.win, Other: c.other, Cols: c.cols}, s.statusSource()))
			}
			var shown []*window.Window // the windows of the items, as last built
			m.Refresh = func() {
				// The selection stays on its window, or (gone) its place.
				var selected *window.Window
				if m.Sel >= 0 && m.Sel < len(shown) {
					selected = shown[m.Sel]
				}
				was := max(m.Sel, 0)
				shown = append(shown[:0], s.windows...)
				if mostRecent {
					sort.SliceStable(shown, func(i, j int) bool { return shown[i].ShownAt > shown[j].ShownAt })
				}
				m.Items, m.IDs, m.Sel = m.Items[:0], m.IDs[:0], -1
				for i, w := range shown {
					item := fmt.Sprintf("%3d%-4s %s", w.Number, status.Flags(w, c.win, c.other), w.DisplayTitle())
					if s.set.WindowListString != "" {
						item = status.StripMarks(status.Expand(s.set.WindowListString, status.View{Cur: w, Other: c.other, Cols: c.cols, Focus: w == c.win}, s.statusSource()))
					}
					m.Items = append(m.Items, item)
					m.IDs = append(m.IDs, w.Number)
					if w == selected || selected == nil && w == c.win {
						m.Sel = i
					}
				}
				if m.Sel < 0 {
					m.Sel = max(min(was, len(shown)-1), 0)
				}
			}
			m.Refresh()
			m.Keys = func(b byte) bool {
				if m.Sel >= len(shown) {
					return false
				}
				w := shown[m.Sel]
				switch b {
				case ',', '.':
					to := m.Sel - 1
					if b == '.' {
						to = m.Sel + 1
					}
					if to >= 0 && to < len(shown) {
						s.swapNumbers(w, shown[to])
					}
				case 'K':
					if _, err := s.runCommand(&cmdContext{s: s, c: c, w: w}, []string{"kill"}); err != nil {
						c.showMessage(s, err.Error())
					}
				default:
					return false
				}
				return true
			}
			m.Done = func(i int) {
				if i >= 0 && i < len(shown) && !shown[i].Removed {
					s.selectWindow(c, shown[i])
				}
			}
			c.menu = m
			c.markDirty(s)
			return "", nil
		},
	})
}

// swapNumbers gives windows a and b each other's number.
func (s *session) swapNumbers(a, b *window.Window) {
	a.Number, b.Number = b.Number, a.Number
	sort.Slice(s.windows, func(i, j int) bool { return s.windows[i].Number < s.windows[j].Number })
	s.redrawBars()
}

// windowListFormat is windowlist string|title [format]: set the format of
// the list's items (each expanded for its window, as a status line is) or
// of its heading, or say what it is.
func windowListFormat(x *cmdContext, args []string) (string, error) {
	field := &x.s.set.WindowListString
	if args[0] == "title" {
		field = &x.s.set.WindowListTitle
	}
	if len(args) == 1 {
		return fmt.Sprintf("windowlist %s is '%s'", args[0], *field), nil
	}
	*field = args[1]
	return "", nil
}
