package server

import "fmt"

func init() {
	register(&command{
		name: "bindkey", usage: "[-d] [-m] [-a] [[-k|-t] string [command args]]", maxArgs: -1,
		help: "bind what the terminal sends for a key (no command key first); -k a termcap name (k1 F1, kP PgUp); -m in copy mode",
		run: func(x *cmdContext, args []string) (string, error) {
			var b keyBinding
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
				return x.s.listKeymap(), nil
			}
			b.Name, b.Args = args[0], args[1:]
			switch {
			case b.Name == "":
				return "", fmt.Errorf("bindkey: empty key")
			case termcap:
				seqs, ok := termcapKeys[b.Name]
				if !ok {
					return "", fmt.Errorf("bindkey -k: unknown key name %q", b.Name)
				}
				b.Seqs = seqs
			default:
				b.Seqs = []string{b.Name}
			}
			if len(b.Args) > 0 {
				if err := checkBindable(b.Args[0]); err != nil {
					return "", fmt.Errorf("bindkey %s: %w", printableKeys(b.Name), err)
				}
			}
			x.s.bindKey(b)
			return "", nil
		},
	})
}

// checkBindable says whether a key may be bound to command name: any of
// gmux's, or one of screen's that gmux accepts (running it says why it does
// nothing).
func checkBindable(name string) error {
	if _, ok := commandTable[name]; ok {
		return nil
	}
	if _, ok := screenAliases[name]; ok {
		return nil
	}
	if known, _ := screenCommand(name); known {
		return nil
	}
	return fmt.Errorf("%w %q", ErrUnknownCommand, name)
}
