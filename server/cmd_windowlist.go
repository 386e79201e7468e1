package server

import (
	"fmt"
	"strings"
)

func init() {
	register(&command{
		name: "windows", help: "list the windows on the message line", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) { return x.s.windowSummary(x.w), nil },
	})
	register(&command{
		name: "number", help: "show the current window's number and title", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			if x.w == nil {
				return "", fmt.Errorf("no window")
			}
			return fmt.Sprintf("This is window %d (%s).", x.w.number, x.w.displayTitle()), nil
		},
	})
}

// windowSummary is screen's one-line window list: "0 bash  1* vim  2- top",
// * marking the current window and - the previous one.
func (s *session) windowSummary(cur *window) string {
	var b strings.Builder
	for i, w := range s.windows {
		if i > 0 {
			b.WriteString("  ")
		}
		mark := ""
		if w == cur {
			mark = "*"
		}
		fmt.Fprintf(&b, "%d%s %s", w.number, mark, w.displayTitle())
	}
	return b.String()
}
