package server

import (
	"fmt"

	"github.com/gmux/gmux/server/settings"
)

// settingChanged is what a change of these settings does beyond storing
// the value; what it returns is told to the user.
var settingChanged = map[string]func(s *session) string{
	"altscreen": func(s *session) string {
		for _, w := range s.windows {
			w.Screen.SetAltScreen(!s.set.NoAltScreen)
		}
		return ""
	},
	"windowsize": func(s *session) string {
		for _, w := range s.windows {
			s.fitWindow(w)
		}
		return ""
	},
	"truecolor": func(s *session) string {
		for c := range s.clients {
			if c.attached {
				c.applyTruecolor(s)
			}
		}
		return ""
	},
	"mousetrack": func(s *session) string {
		for c := range s.clients {
			if c.attached {
				c.markDirty(s)
			}
		}
		return ""
	},
	"silencewait": func(s *session) string {
		for _, w := range s.windows {
			if w.SilenceWait > 0 {
				w.SilenceWait = s.set.SilenceWait
				w.RewatchSilence(s.host())
			}
		}
		return fmt.Sprintf("silencewait set to %v seconds", s.set.SilenceWait.Seconds())
	},
}

func init() {
	for _, name := range settings.Table.Names() {
		o, _ := settings.Table.Lookup(name)
		cmd := &command{name: name, usage: o.Usage(), help: o.Help, maxArgs: 1, setting: o,
			run: func(x *cmdContext, args []string) (string, error) {
				out, changed, err := o.Run(&x.s.set, args)
				if f := settingChanged[name]; changed && f != nil {
					if said := f(x.s); out == "" {
						out = said
					}
				}
				return out, err
			}}
		if o.Required() {
			cmd.minArgs = 1
		}
		register(cmd)
	}
	register(&command{
		name: "options", guest: true, help: "list the settings, one a line as the config file would set them, with what each is for",
		run: func(x *cmdContext, _ []string) (string, error) { return settings.Table.List(&x.s.set), nil },
	})
}
