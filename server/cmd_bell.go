package server

import "fmt"

func init() {
	register(&command{
		name: "bell_msg", usage: "[message]", help: "the message for a bell in a hidden window (%n its number; empty: none)",
		maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				return fmt.Sprintf("bell_msg is '%s'", x.s.set.BellMsg), nil
			}
			x.s.set.BellMsg = args[0]
			return "", nil
		},
	})
	register(&command{
		name: "vbell", usage: "[on|off]", help: "show vbell_msg instead of ringing the terminal's bell; no argument toggles",
		maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			on, err := toggle(args, x.s.set.Vbell)
			if err != nil {
				return "", err
			}
			x.s.set.Vbell = on
			if len(args) > 0 {
				return "", nil
			}
			if on {
				return "Switched to visual bell.", nil
			}
			return "Switched to audible bell.", nil
		},
	})
	register(&command{
		name: "vbell_msg", usage: "[message]", help: "the message a bell shows with vbell on",
		maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				return fmt.Sprintf("vbell_msg is '%s'", x.s.set.VbellMsg), nil
			}
			x.s.set.VbellMsg = args[0]
			return "", nil
		},
	})
}
