package server

import "fmt"

func init() {
	register(&command{
		name: "bind", usage: "[-c class] key [command args...]", minArgs: 1, maxArgs: -1,
		help: "bind key (after the command key, or after command -c class) to a command; without one, unbind it",
		run: func(x *cmdContext, args []string) (string, error) {
			table := x.s.set.Bindings
			if args[0] == "-c" {
				if len(args) < 3 {
					return "", fmt.Errorf("usage: bind -c class key [command args...]")
				}
				if x.s.set.Classes == nil {
					x.s.set.Classes = map[string]map[byte][]string{}
				}
				if x.s.set.Classes[args[1]] == nil {
					x.s.set.Classes[args[1]] = map[byte][]string{}
				}
				table, args = x.s.set.Classes[args[1]], args[2:]
			}
			k, err := parseKey(args[0])
			if err != nil {
				return "", err
			}
			if len(args) == 1 {
				delete(table, k)
				return "", nil
			}
			if err := checkBindable(args[1:]); err != nil {
				return "", fmt.Errorf("bind %s: %w", args[0], err)
			}
			table[k] = append([]string(nil), args[1:]...)
			return "", nil
		},
	})
	register(&command{
		name: "unbind", usage: "key", help: "remove a key binding", minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			k, err := parseKey(args[0])
			if err != nil {
				return "", err
			}
			delete(x.s.set.Bindings, k)
			return "", nil
		},
	})
}
