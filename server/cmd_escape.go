package server

import "fmt"

func init() {
	register(&command{
		name: "escape", usage: "xy", help: "set the command character to x and its literal to y (e.g. ^Bb)", minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			keys, err := parseKeys(args[0])
			if err != nil || len(keys) != 2 {
				return "", fmt.Errorf("escape wants two characters, like ^Bb")
			}
			s := x.s
			// The bindings that follow the escape character move with it.
			if b, ok := s.set.Bindings[s.set.Escape]; ok && len(b) == 1 && b[0] == "other" {
				delete(s.set.Bindings, s.set.Escape)
			}
			if b, ok := s.set.Bindings[s.set.Literal]; ok && len(b) == 1 && b[0] == "meta" {
				delete(s.set.Bindings, s.set.Literal)
			}
			s.set.Escape, s.set.Literal = keys[0], keys[1]
			s.set.Bindings[s.set.Escape] = []string{"other"}
			s.set.Bindings[s.set.Literal] = []string{"meta"}
			return "", nil
		},
	})
}

// parseKeys reads a run of keys written as characters or ^X.
func parseKeys(str string) ([]byte, error) {
	var keys []byte
	for i := 0; i < len(str); i++ {
		name := str[i : i+1]
		if (str[i] == '^' || str[i] == '\\') && i+1 < len(str) {
			name = str[i : i+2]
			i++
		}
		k, err := parseKey(name)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, nil
}
