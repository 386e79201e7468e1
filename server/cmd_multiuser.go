package server

import "fmt"

func init() {
	register(&command{
		name: "multiuser", usage: "on|off", minArgs: 1, maxArgs: 1,
		help: "off (the default, and all there is yet): only you reach the session; on: not yet supported",
		run: func(x *cmdContext, args []string) (string, error) {
			if err := onOff(args[0]); err != nil {
				return "", err
			}
			if args[0] == "on" {
				// An rc that says off (many do, to be sure) is not an error;
				// one that asks for guests hears that there are none yet.
				return "", fmt.Errorf("multiuser on: %w (it comes with the multiuser commands)", ErrNotYetSupported)
			}
			return "", nil
		},
	})
}
