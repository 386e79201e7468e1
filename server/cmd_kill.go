package server

import (
	"fmt"
	"syscall"

	"github.com/gmux/gmux/server/prompt"
)

func init() {
	register(&command{
		name: "kill", help: "kill the window (asks first when typed)", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			w := x.w
			if w == nil {
				return "", fmt.Errorf("no window")
			}
			// The window goes at once, as in screen; a program that
			// ignores the hang-up is ended by terminate's escalation.
			kill := func() {
				if w.Removed {
					return
				}
				if w.Filter != nil {
					w.Filter.Stop() // as in screen, kill acts on an exec'd program first
					return
				}
				if !w.Exited {
					w.Status, w.Code = statusKilled, 128+int(syscall.SIGHUP)
					w.Terminate()
				}
				msg := fmt.Sprintf("Window %d (%s) killed.", w.Number, w.DisplayTitle())
				x.s.removeWindow(w)
				if x.c != nil && x.c.win != nil {
					x.c.showMessage(x.s, msg)
				}
			}
			if !x.interactive() {
				kill()
				return "", nil
			}
			x.c.openPrompt(&prompt.Prompt{
				Label:  "Really kill this window [y/n]? ",
				Single: true,
				Done: func(ans string) {
					if ans == "y" || ans == "Y" {
						kill()
					}
				},
			})
			return "", nil
		},
	})
}

// statusKilled is the status of a window the kill command ended: it says
// so itself ("Window 1 (bash) killed."), as screen does, once.
const statusKilled = "killed"
