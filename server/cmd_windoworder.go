package server

import (
	"sort"
	"strings"

	"github.com/gmux/gmux/server/window"
)

// screen's commands that reorder the window list.

func init() {
	register(&command{
		name: "collapse", help: "renumber the windows 0, 1, 2... in their order, closing the gaps",
		run: func(x *cmdContext, _ []string) (string, error) {
			for i, w := range x.s.windows {
				w.Number = i
			}
			x.s.windowsRenumbered()
			return "", nil
		},
	})
	register(&command{
		name: "sort", help: "order the windows by title, keeping the numbers in use",
		run: func(x *cmdContext, _ []string) (string, error) {
			numbers := make([]int, len(x.s.windows))
			for i, w := range x.s.windows {
				numbers[i] = w.Number
			}
			byTitle := append([]*window.Window(nil), x.s.windows...)
			sort.SliceStable(byTitle, func(i, j int) bool {
				return strings.ToLower(byTitle[i].DisplayTitle()) < strings.ToLower(byTitle[j].DisplayTitle())
			})
			for i, w := range byTitle {
				w.Number = numbers[i]
			}
			x.s.windowsRenumbered()
			return "", nil
		},
	})
	for _, dir := range []struct {
		name string
		step int
	}{{"bumpleft", -1}, {"bumpright", +1}} {
		register(&command{
			name: dir.name, target: windowTarget, help: "swap this window with the one " + map[int]string{-1: "before", 1: "after"}[dir.step] + " it in the list",
			run: func(x *cmdContext, _ []string) (string, error) {
				i := indexOf(x.s.windows, x.w)
				j := i + dir.step
				if j < 0 || j >= len(x.s.windows) {
					return "", nil
				}
				o := x.s.windows[j]
				x.w.Number, o.Number = o.Number, x.w.Number
				x.s.windowsRenumbered()
				return "", nil
			},
		})
	}
}

func indexOf(ws []*window.Window, w *window.Window) int {
	for i, o := range ws {
		if o == w {
			return i
		}
	}
	return -1
}

// windowsRenumbered puts the list back in number order and redraws the bars.
func (s *session) windowsRenumbered() {
	sort.Slice(s.windows, func(i, j int) bool { return s.windows[i].Number < s.windows[j].Number })
	s.redrawBars()
}
