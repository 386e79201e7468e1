package server

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gmux/gmux/server/prompt"
)

func init() {
	register(&command{
		name: "select", guest: true, usage: "[n|title|-|.]", help: "switch to window n (or by title; -: the blank window, .: this one); asks when no argument", maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				if !x.interactive() {
					// -Q select: which window is selected.
					if x.w == nil {
						return "", fmt.Errorf("no window")
					}
					return strconv.Itoa(x.w.Number), nil
				}
				x.c.openPrompt(&prompt.Prompt{Label: "Switch to window: ", Candidates: func(words []string, index int) []string { return x.s.windows.titles(words, index) }, Done: func(t string) {
					if out, err := selectWindowNamed(x, t); err != nil {
						x.c.showMessage(x.s, err.Error())
					} else if out != "" {
						x.c.showMessage(x.s, out)
					}
				}})
				return "", nil
			}
			return selectWindowNamed(x, args[0])
		},
	})
	register(&command{
		name: "other", guest: true, help: "switch to the window shown before this one", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			if x.c == nil || x.c.other == nil {
				return "No other window.", nil
			}
			return x.s.show(x, x.c.other)
		},
	})
}

func selectWindowNamed(x *cmdContext, name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", nil
	}
	w := x.s.windows.find(name)
	switch name {
	case ".": // screen's name for the current window (for -X)
		w = x.w
	case "-": // screen's blank window: none shown
		if x.c != nil {
			x.c.showBlank(x.s)
		}
		return "", nil
	}
	if w == nil {
		return "", fmt.Errorf("window %s does not exist", name)
	}
	if w == x.w && x.c != nil {
		return fmt.Sprintf("This IS window %d (%s).", w.Number, w.DisplayTitle()), nil
	}
	return x.s.show(x, w)
}
