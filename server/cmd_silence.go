package server

import (
	"fmt"
	"strconv"
	"time"
)

func init() {
	register(&command{
		name: "silence", usage: "[on|off|seconds]", maxArgs: 1,
		help: "tell when this window, hidden, has printed nothing for silencewait (or seconds); no argument toggles",
		run: func(x *cmdContext, args []string) (string, error) {
			w := x.w
			if w == nil {
				return "", fmt.Errorf("no window")
			}
			wait := x.s.set.SilenceWait
			switch {
			case len(args) == 0 && w.SilenceWait > 0, len(args) == 1 && args[0] == "off":
				wait = 0
			case len(args) == 0, args[0] == "on":
			default:
				n, err := strconv.Atoi(args[0])
				if err != nil || n < 0 {
					return "", fmt.Errorf("silence wants on, off or seconds, not %q", args[0])
				}
				wait = time.Duration(n) * time.Second
			}
			w.SilenceWait, w.Silent = wait, false
			if wait == 0 {
				x.s.redrawBars()
				return "The window is no longer being monitored for silence.", nil
			}
			w.LastOutput = time.Now()
			w.RewatchSilence(x.s.host())
			return fmt.Sprintf("The window is now being monitored for %d sec. silence.", int(wait.Seconds())), nil
		},
	})
}
