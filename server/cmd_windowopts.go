package server

import (
	"fmt"

	"github.com/gmux/gmux/server/window"
)

// Options of one window, and their defaults for new windows, as screen has
// them: wrap (C-a r), flow (C-a f), bce, altscreen.

func init() {
	register(&command{
		name: "wrap", target: windowTarget, usage: "[on|off]", help: "line wrapping in this window; no argument toggles", maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			on, err := toggle(args, x.w.Screen.Modes().Autowrap)
			if err != nil {
				return "", err
			}
			x.w.Screen.SetAutowrap(on)
			return plusMinus(on) + "wrap", nil
		},
	})
	register(&command{
		name: "bce", target: windowTarget, usage: "[on|off]", help: "erase with the current background colour in this window; no argument toggles", maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			on, err := toggle(args, x.w.Screen.BCE())
			if err != nil {
				return "", err
			}
			x.w.Screen.SetBCE(on)
			return plusMinus(on) + "bce", nil
		},
	})
	register(&command{
		name: "flow", target: programTarget, usage: "[on|off|auto]", help: "C-s/C-q: on, gmux stops and starts output; off, they go to the program; no argument toggles", maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			mode := window.FlowOn
			switch {
			case len(args) == 0 && x.w.Flow == window.FlowOn:
				mode = window.FlowOff
			case len(args) == 0:
			default:
				var err error
				if mode, err = flowMode(args[0]); err != nil {
					return "", err
				}
			}
			if err := x.w.SetFlow(x.s.host(), mode); err != nil {
				return "", err
			}
			return map[int]string{window.FlowOn: "+flow", window.FlowOff: "-flow", window.FlowAuto: "+flow(auto)"}[mode], nil
		},
	})
	register(&command{
		name: "defflow", usage: "on|off|auto", help: "C-s/C-q flow control in new windows", minArgs: 1, maxArgs: 2,
		run: func(x *cmdContext, args []string) (string, error) {
			mode, err := flowMode(args[0])
			if err == nil {
				x.s.set.Flow = mode
			}
			return "", err // a second argument, interrupt, has no meaning here
		},
	})
}

func flowMode(arg string) (int, error) {
	switch arg {
	case "on":
		return window.FlowOn, nil
	case "off":
		return window.FlowOff, nil
	case "auto":
		return window.FlowAuto, nil
	}
	return 0, fmt.Errorf("flow wants on, off or auto, not %q", arg)
}

func plusMinus(on bool) string {
	if on {
		return "+"
	}
	return "-"
}

// setIXON sets whether the window's terminal itself stops output on C-s.
// applyWindowDefaults gives a window the defaults set for new windows.
func (s *session) applyWindowDefaults(w *window.Window) {
	s.applyScreenDefaults(w)
	if err := w.SetFlow(s.host(), s.set.Flow); err != nil {
		s.log.Printf("window %d: %v", w.Number, err)
	}
}

// applyScreenDefaults gives a window's emulation the defaults for new windows.
func (s *session) applyScreenDefaults(w *window.Window) {
	w.Screen.SetAutowrap(!s.set.NoWrap)
	w.Screen.SetBCE(!s.set.NoBCE)
	w.Screen.SetAltScreen(!s.set.NoAltScreen)
	s.applyScreenPolicy(w)
}

// applyScreenPolicy gives a window's emulation what the session decides
// for it and its screen's state does not carry (a live upgrade sets it
// again): whether programs may use the clipboard, and what SGR 3 means
// under the window's TERM.
func (s *session) applyScreenPolicy(w *window.Window) {
	w.Screen.SetClipboard(!s.set.NoProgramClipboard)
	w.Screen.SetItalicIsStandout(italicIsStandout(w.Term))
}
