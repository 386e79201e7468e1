package server

import (
	"fmt"
	"strings"
)

func init() {
	register(&command{
		name: "sorendition", usage: "[attr [color]]", maxArgs: 2,
		help: "the message line's look, as %{...}: sorendition \"=b\" \"wb\" (bold, white on blue... background first)",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				return fmt.Sprintf("sorendition is '%s'", x.s.set.MsgRendition), nil
			}
			x.s.set.MsgRendition = renditionSpec(args)
			return "", nil
		},
	})
	register(&command{
		name: "rendition", usage: "bell|monitor|silence|so attr [color]", minArgs: 2, maxArgs: 3,
		help: "the look of windows with a bell or activity in lists (%w), or of messages (so)",
		run: func(x *cmdContext, args []string) (string, error) {
			spec := renditionSpec(args[1:])
			switch args[0] {
			case "bell":
				x.s.set.BellRendition = spec
			case "monitor":
				x.s.set.MonitorRendition = spec
			case "so":
				x.s.set.MsgRendition = spec
			case "silence":
				// Silence comes with the rest of the attention commands.
			default:
				return "", fmt.Errorf("rendition: bell, monitor, silence or so, not %q", args[0])
			}
			return "", nil
		},
	})
}

// renditionSpec is "attr [color]" as a %{...} body. A bare attribute set
// ("b", or screen's old hexadecimal form) replaces the attributes, as
// screen's rendition does.
func renditionSpec(args []string) string {
	attr := args[0]
	if attr != "" && !strings.ContainsAny(attr[:1], "=+-!") {
		attr = "=" + attr
	}
	if len(args) > 1 {
		return attr + " " + args[1]
	}
	return attr
}
