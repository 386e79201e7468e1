package server

import (
	"fmt"
	"slices"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/prompt"
)

func init() {
	register(&command{
		name: "detach", guest: true, usage: "[-h]", help: "detach this terminal; the session keeps running (-h, as screen's: the terminal's client is let go at once, which detaching does here anyway)", maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 1 && args[0] != "-h" {
				return "", fmt.Errorf("usage: detach [-h]")
			}
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
					return "", fmt.Errorf("session %s is not attached", x.s.Name)
				}
				return "", nil
			}
			x.s.detach(x.c, "detached")
			return "", nil
		},
	})
}

func init() {
	register(&command{
		name: "pow_detach", guest: true, help: "detach and hang up the shell gmux was started from (log out); typed, asks first", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			if !x.interactive() {
				n := 0
				for c := range x.s.clients {
					if c.attached {
						x.s.powerDetach(c)
						n++
					}
				}
				if n == 0 {
					return "", fmt.Errorf("session %s is not attached", x.s.Name)
				}
				return "", nil
			}
			c := x.c
			c.openPrompt(&prompt.Prompt{
				Label: "Power detach (detach and log out)? Press D again ", Single: true,
				Done: func(ans string) {
					if ans == "D" || ans == "y" || ans == "Y" {
						x.s.powerDetach(c)
					}
				},
			})
			return "", nil
		},
	})
}

// powerDetach detaches c and has its client hang up the shell it was
// started from; a client that cannot is simply detached.
func (s *session) powerDetach(c *client) {
	if !slices.Contains(c.hello.Features, proto.FeaturePowerDetach) {
		s.detach(c, "power detached (this gmux client cannot log out)")
		return
	}
	s.log.Printf("client %d: power detached", c.id)
	msg := s.set.PowDetachMsg
	if msg == "" {
		msg = "[power detached]"
	}
	s.release(c, proto.TypePowerDetach, []byte(msg))
}
