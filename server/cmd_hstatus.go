package server

import (
	"strings"

	"github.com/gmux/gmux/server/window"
)

func init() {
	register(&command{
		name: "hstatus", target: windowTarget, usage: "text", minArgs: 1, maxArgs: 1,
		help: "this window's hardstatus, shown by %h (^E escapes, as screen's: ^Et the title)",
		run: func(x *cmdContext, args []string) (string, error) {
			x.w.Hstatus = args[0]
			x.s.redrawBars()
			return "", nil
		},
	})
}

// windowHstatus is %h: w's hardstatus, with its ^E escapes (screen's,
// since % is taken by the program's own text) expanded; %h inside it shows
// nothing.
func (s *session) windowHstatus(w *window.Window) string {
	if w == nil || w.Hstatus == "" {
		return ""
	}
	f := strings.ReplaceAll(w.Hstatus, "%", "%%")
	f = strings.ReplaceAll(f, "\x05h", "")
	f = strings.ReplaceAll(f, "\x05", "%")
	return stripStatusMarks(s.expandStatus(f, statusView{cur: w, cols: 1 << 12}))
}
