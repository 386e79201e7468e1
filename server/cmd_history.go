package server

import (
	"fmt"
	"strings"

	"github.com/gmux/gmux/server/window"
)

func init() {
	register(&command{
		name: "history", target: programTarget, help: "complete the line being typed from an earlier line on the screen or in the scrollback that starts the same",
		run: func(x *cmdContext, _ []string) (string, error) {
			rest, ok := historyMatch(x.w)
			if !ok {
				return "", fmt.Errorf("no history match")
			}
			x.w.Send([]byte(rest))
			return "", nil
		},
	})
}

// historyMatch is screen's crude command history (C-a {): what is left of
// the cursor (a prompt and the start of a command) is looked for at the
// start of the lines above, nearest first, then in the scrollback; the rest
// of the first line found is what completes it.
func historyMatch(w *window.Window) (string, bool) {
	sc := w.Screen
	x, y := sc.Cursor()
	line := []rune(sc.LineText(y))
	typed := strings.TrimLeft(string(line[:min(x, len(line))]), " ")
	if strings.TrimSpace(typed) == "" {
		return "", false
	}
	try := func(text string) (string, bool) {
		text = strings.TrimLeft(text, " ")
		if rest, ok := strings.CutPrefix(text, typed); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimRight(rest, " "), true
		}
		return "", false
	}
	for row := y - 1; row >= 0; row-- {
		if rest, ok := try(sc.LineText(row)); ok {
			return rest, true
		}
	}
	h := sc.History()
	for i := h.Len() - 1; i >= 0; i-- {
		if rest, ok := try(h.Text(i)); ok {
			return rest, true
		}
	}
	return "", false
}
