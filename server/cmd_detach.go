package server

import "fmt"

func init() {
	register(&command{
		name: "detach", help: "detach this terminal; the session keeps running", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			if !x.interactive() {
				// From -X: detach every attached terminal, as screen -d does.
				n := 0
				for c := range x.s.clients {
					if c.attached {
						x.s.detach(c, "remote detached")
						n++
					}
				}
				if n == 0 {
					return "", fmt.Errorf("session %s is not attached", x.s.name)
				}
				return "", nil
			}
			x.s.detach(x.c, "detached")
			return "", nil
		},
	})
}
