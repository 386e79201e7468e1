package server

import (
	"fmt"

	"github.com/gmux/gmux/server/password"
	"github.com/gmux/gmux/server/prompt"
)

func init() {
	register(&command{
		name: "lockscreen", help: "lock every display of the session until the password is typed ($LOCKPRG without one)",
		run: func(x *cmdContext, _ []string) (string, error) {
			n := 0
			for c := range x.s.clients {
				if !c.attached {
					continue
				}
				if err := x.s.lock(c, ""); err != nil {
					return "", err
				}
				n++
			}
			if n == 0 {
				return "", fmt.Errorf("no display to lock")
			}
			return "", nil
		},
	})
	register(&command{
		name: "password", usage: "[crypted|none]", maxArgs: 1,
		help: "the session's password (a crypt hash: openssl passwd -6), for lockscreen and reattach; none: no password; typed: asks twice",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 1 {
				if args[0] == "none" {
					x.s.set.Password = ""
					return "", nil
				}
				if err := password.Check(args[0]); err != nil {
					return "", fmt.Errorf("password: %w", err)
				}
				x.s.set.Password = args[0]
				return "", nil
			}
			if !x.interactive() {
				return "", fmt.Errorf("password: give a crypt hash (openssl passwd -6), or type one at the C-a : prompt")
			}
			c := x.c
			c.openPrompt(&prompt.Prompt{Label: "New gmux password: ", Secret: true, Done: func(first string) {
				c.openPrompt(&prompt.Prompt{Label: "Retype new password: ", Secret: true, Done: func(second string) {
					if first != second {
						c.showMessage(x.s, "[ Passwords don't match - password not changed ]")
						return
					}
					if first == "" {
						x.s.set.Password = ""
						c.showMessage(x.s, "[ No password - locking turned off ]")
						return
					}
					hash, err := password.Hash(first)
					if err != nil {
						c.showMessage(x.s, err.Error())
						return
					}
					x.s.set.Password = hash
					c.showMessage(x.s, "[ Password set ]")
				}})
			}})
			return "", nil
		},
	})
}
