package server

import "fmt"

func init() {
	register(&command{
		name: "bind", usage: "key [command args...]", help: "bind key (after the command key) to a command; without one, unbind it", minArgs: 1, maxArgs: -1,
		run: func(x *cmdContext, args []string) (string, error) {
			k, err := parseKey(args[0])
			if err != nil {
				return "", err
			}
			if len(args) == 1 {
				delete(x.s.set.bindings, k)
				return "", nil
			}
			if _, ok := commandTable[args[1]]; !ok {
				return "", fmt.Errorf("bind %s: %w %q", args[0], ErrUnknownCommand, args[1])
			}
			x.s.set.bindings[k] = append([]string(nil), args[1:]...)
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
			delete(x.s.set.bindings, k)
			return "", nil
		},
	})
}
