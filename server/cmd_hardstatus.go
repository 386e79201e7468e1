package server

import (
	"fmt"

	"github.com/gmux/gmux/server/settings"
)

func init() {
	register(&command{
		name: "hardstatus", usage: "[on|off|alwayslastline|alwaysfirstline|lastline|firstline|message|ignore] [format] | string format",
		help: "show a status line (window list, session, host, time) on the last or first line", maxArgs: 2,
		run: func(x *cmdContext, args []string) (string, error) {
			s := x.s
			if len(args) == 0 {
				return fmt.Sprintf("hardstatus %s %q", [...]string{"off", "alwayslastline", "alwaysfirstline"}[s.set.Hardstatus], s.set.HardstatusFormat), nil
			}
			switch args[0] {
			case "on":
				// As screen's: on lets the terminal's own status line show
				// messages; it reserves no row (alwayslastline does), so
				// where the line is drawn stays as it was.
			case "off", "ignore", "message":
				s.set.Hardstatus = settings.StatusOff
			case "alwayslastline", "lastline":
				s.set.Hardstatus = settings.StatusLastLine
			case "alwaysfirstline", "firstline":
				s.set.Hardstatus = settings.StatusFirstLine
			case "string":
				if len(args) < 2 {
					return "", fmt.Errorf("usage: hardstatus string format")
				}
				s.set.HardstatusFormat = args[1]
				s.refit()
				return "", nil
			default:
				return "", fmt.Errorf("hardstatus: unknown mode %q", args[0])
			}
			if len(args) == 2 {
				s.set.HardstatusFormat = args[1]
			}
			s.refit()
			return "", nil
		},
	})
	register(&command{
		name: "caption", usage: "[top|bottom] always|splitonly|off [format] | string format",
		help: "show a caption line under the window (or above it: top)", minArgs: 1, maxArgs: 3,
		run: func(x *cmdContext, args []string) (string, error) {
			s := x.s
			if args[0] == "top" || args[0] == "bottom" {
				s.set.CaptionTop = args[0] == "top"
				args = args[1:]
			}
			if len(args) == 0 { // caption top or bottom alone: only the place changes
				s.refit()
				return "", nil
			}
			switch args[0] {
			case "always":
				s.set.Caption = true
			case "splitonly", "off":
				s.set.Caption = false // one region: splitonly shows nothing
			case "string":
				if len(args) < 2 {
					return "", fmt.Errorf("usage: caption string format")
				}
				s.set.CaptionFormat = args[1]
				s.refit()
				return "", nil
			default:
				return "", fmt.Errorf("caption: unknown mode %q", args[0])
			}
			if len(args) == 2 {
				s.set.CaptionFormat = args[1]
			}
			s.refit()
			return "", nil
		},
	})
}

// refit resizes every shown window for its clients and redraws them, after
// the status or caption lines came or went.
func (s *session) refit() {
	for c := range s.clients {
		if c.attached {
			c.resizeRegions(s) // the hardstatus line takes a row from the regions or gives it back
		}
	}
	for _, w := range s.windows {
		s.fitWindow(w)
	}
	for c := range s.clients {
		if c.attached {
			c.r.Invalidate()
			c.markDirty(s)
		}
	}
	s.startClock()
}
