package server

import (
	"fmt"
	"strconv"
	"time"
)

func init() {
	register(&command{
		name: "backtick", usage: "id [lifespan autorefresh command [args]]", minArgs: 1, maxArgs: -1,
		help: "show a command's last line of output as %id` in status lines; id alone removes it",
		run: func(x *cmdContext, args []string) (string, error) {
			id, err := strconv.Atoi(args[0])
			if err != nil || id < 0 {
				return "", fmt.Errorf("backtick: id must be a number, not %q", args[0])
			}
			if len(args) == 1 {
				x.s.backticks.set(x.s, id, 0, 0, nil)
				return "", nil
			}
			if len(args) < 4 {
				return "", fmt.Errorf("usage: backtick id lifespan autorefresh command [args]")
			}
			var secs [2]int
			for i, a := range args[1:3] {
				if secs[i], err = strconv.Atoi(a); err != nil || secs[i] < 0 {
					return "", fmt.Errorf("backtick: %q is not a number of seconds", a)
				}
			}
			x.s.backticks.set(x.s, id, time.Duration(secs[0])*time.Second, time.Duration(secs[1])*time.Second, args[3:])
			return "", nil
		},
	})
}
