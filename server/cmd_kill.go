package server

import "fmt"

func init() {
	register(&command{
		name: "kill", help: "kill the window (asks first when typed)", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			w := x.w
			if w == nil {
				return "", fmt.Errorf("no window")
			}
			kill := func() {
				if w.exited { // a zombie (zombie on): it goes at once
					x.s.removeWindow(w)
					return
				}
				w.terminate()
			}
			if !x.interactive() {
				kill()
				return "", nil
			}
			x.s.openPrompt(x.c, &prompt{
				label:  "Really kill this window [y/n]? ",
				single: true,
				done: func(ans string) {
					if ans == "y" || ans == "Y" {
						kill()
					}
				},
			})
			return "", nil
		},
	})
}
