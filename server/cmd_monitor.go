package server

import "fmt"

func init() {
	register(&command{
		name: "monitor", target: windowTarget, usage: "[on|off]", help: "tell when a hidden window has output (@ in lists); no argument toggles",
		maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			on, err := toggle(args, x.w.Monitor)
			if err != nil {
				return "", err
			}
			x.w.Monitor = on
			if !on {
				x.w.Activity = false
				x.s.redrawBars()
				return fmt.Sprintf("Window %d (%s) is no longer being monitored for activity.", x.w.Number, x.w.DisplayTitle()), nil
			}
			return fmt.Sprintf("Window %d (%s) is now being monitored for all activity.", x.w.Number, x.w.DisplayTitle()), nil
		},
	})
}
