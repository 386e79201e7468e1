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
			if b, ok := s.set.bindings[s.set.escape]; ok && len(b) == 1 && b[0] == "other" {
				delete(s.set.bindings, s.set.escape)
			}
			if b, ok := s.set.bindings[s.set.literal]; ok && len(b) == 1 && b[0] == "meta" {
				delete(s.set.bindings, s.set.literal)
			}
			s.set.escape, s.set.literal = keys[0], keys[1]
			s.set.bindings[s.set.escape] = []string{"other"}
			s.set.bindings[s.set.literal] = []string{"meta"}
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
