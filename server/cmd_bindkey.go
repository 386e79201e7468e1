package server

import (
	"fmt"

	"github.com/gmux/gmux/server/settings"
)

func init() {
	register(&command{
		name: "bindkey", usage: "[-d] [-m] [-a] [[-k|-t] string [command args]]", maxArgs: -1,
		help: "bind what the terminal sends for a key (no command key first); -k a termcap name (k1 F1, kP PgUp); -m in copy mode",
		run: func(x *cmdContext, args []string) (string, error) {
			var b settings.KeyBinding
			termcap := false
			for len(args) > 0 && len(args[0]) == 2 && args[0][0] == '-' {
				switch args[0] {
				case "-m":
					b.CopyMode = true
				case "-k":
					termcap = true
				case "-d", "-a", "-t":
					// The default table, application mode, no timeout:
					// gmux has one table, matches either mode's sequence
					// and waits for no multi-key strings.
				default:
					return "", fmt.Errorf("bindkey: unknown option %s", args[0])
				}
				args = args[1:]
			}
			if len(args) == 0 {
				return x.s.set.Keymap.List(), nil
			}
			b.Name, b.Args = args[0], args[1:]
			switch {
			case b.Name == "":
				return "", fmt.Errorf("bindkey: empty key")
			case termcap:
				seqs, ok := settings.TermcapKeys[b.Name]
				if !ok {
					return "", fmt.Errorf("bindkey -k: unknown key name %q", b.Name)
				}
				b.Seqs = seqs
			default:
				b.Seqs = []string{b.Name}
			}
			if len(b.Args) > 0 {
				if err := checkBindable(b.Args); err != nil {
					return "", fmt.Errorf("bindkey %s: %w", settings.PrintableKeys(b.Name), err)
				}
			}
			x.s.set.Keymap.Bind(b)
			return "", nil
		},
	})
}

// checkBindable says whether a key may be bound to the command line args:
// one of gmux's commands with arguments it takes, or one of screen's that
// gmux accepts (running it says why it does nothing). What would only fail
// once the key is pressed is refused now, so that the rc's errors say it.
func checkBindable(args []string) error {
	if ex, ok := execShorthand(args); ok {
		args = ex
	}
	name := args[0]
	if alias, ok := screenAliases[name]; ok {
		name = alias
	}
	if cmd, ok := commandTable[name]; ok {
		if n := len(args) - 1; n < cmd.minArgs || cmd.maxArgs >= 0 && n > cmd.maxArgs {
			return fmt.Errorf("usage: %s %s", cmd.name, cmd.usage)
		}
		return nil
	}
	if known, err := screenCommand(name); known {
		return err
	}
	return fmt.Errorf("%w %q", ErrUnknownCommand, name)
}
