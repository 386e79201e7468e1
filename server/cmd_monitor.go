package server

import "fmt"

func init() {
	register(&command{
		name: "monitor", usage: "[on|off]", help: "tell when a hidden window has output (@ in lists); no argument toggles",
		maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			if x.w == nil {
				return "", fmt.Errorf("no window")
			}
			on, err := toggle(args, x.w.Monitor)
			if err != nil {
				return "", err
			}
			x.w.Monitor = on
			if !on {
				x.w.Activity = false
				x.s.redrawBars()
				return fmt.Sprintf("Window %d (%s) is no longer being monitored for activity.", x.w.Number, x.w.displayTitle()), nil
			}
			return fmt.Sprintf("Window %d (%s) is now being monitored for all activity.", x.w.Number, x.w.displayTitle()), nil
		},
	})
	register(&command{
		name: "defmonitor", usage: "on|off", help: "monitor new windows for activity", minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			on, err := toggle(args, false)
			x.s.set.DefMonitor = on
			return "", err
		},
	})
	register(&command{
		name: "activity", usage: "message", help: "the message for activity in a monitored window (%n its number)",
		minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) { x.s.set.ActivityMsg = args[0]; return "", nil },
	})
}
