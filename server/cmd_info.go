package server

import (
	"fmt"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/status"
	"github.com/gmux/gmux/server/window"
)

func init() {
	register(&command{
		name: "info", target: windowTarget, guest: true, help: "show the window's size, cursor and modes", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			sc := x.w.Screen
			cx, cy := sc.Cursor()
			cols, rows := sc.Size()
			m := sc.Modes()
			flags := ""
			if m.Insert {
				flags += " +ins"
			}
			if !m.Autowrap {
				flags += " -wrap"
			}
			if m.AppCursor {
				flags += " +app"
			}
			if sc.AltScreen() {
				flags += " +alt"
			}
			if x.w.Flow == window.FlowOn {
				flags += " +flow"
			}
			scope := ""
			if x.s.Scope != "" {
				scope = " scope " + x.s.Scope
			}
			h := sc.History()
			return fmt.Sprintf("(%d,%d)/(%d,%d)+%d%s window %d (%s) pid %d history %s%s", cx+1, cy+1, cols, rows,
				h.Len(), flags, x.w.Number, x.w.DisplayTitle(), x.w.PID, formatBytes(h.Bytes()), scope), nil
		},
	})
	register(&command{
		name: "version", guest: true, help: "show gmux's version", maxArgs: 0,
		run: func(*cmdContext, []string) (string, error) { return "gmux " + Version(), nil },
	})
	register(&command{
		name: "time", guest: true, usage: "[format]", help: "show the time and the host's load; with a format (a status string: %c, %d, %H...), set what time shows", maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 1 {
				x.s.set.TimeFormat = args[0] // as screen's time string
				return "", nil
			}
			if x.s.set.TimeFormat != "" {
				cols := 80
				if x.c != nil {
					cols = x.c.cols
				}
				return status.StripMarks(status.Expand(x.s.set.TimeFormat, status.View{Cur: x.w, Cols: cols}, x.s.statusSource())), nil
			}
			return time.Now().Format("15:04:05 Jan 02 2006") + " " + status.Hostname() + " " + status.LoadAvg(), nil
		},
	})
}

// Version is the module version when installed with go install, else
// "dev" and the commit built from.
func Version() string { return proto.BuildVersion() }
