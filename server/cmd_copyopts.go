package server

import (
	"fmt"
	"strings"
)

// Copy mode's options, as screen's.

func init() {
	register(&command{
		name: "markkeys", usage: "old=new[=new...][:old=new...]", minArgs: 1, maxArgs: 1,
		help: "in copy mode, key new does what key old does (h=^B:l=^F)",
		run: func(x *cmdContext, args []string) (string, error) {
			keys := map[byte]byte{}
			for k, v := range x.s.set.MarkKeys {
				keys[k] = v
			}
			// As screen's: old=new pairs apart by ":", and a chain
			// old=new=new2 gives old's action to each new key.
			for _, pair := range strings.Split(args[0], ":") {
				parts := strings.Split(pair, "=")
				if len(parts) < 2 {
					return "", fmt.Errorf("markkeys: %q is not old=new", pair)
				}
				o, err := parseKey(parts[0])
				if err != nil {
					return "", fmt.Errorf("markkeys: %w", err)
				}
				for _, nw := range parts[1:] {
					n, err := parseKey(nw)
					if err != nil {
						return "", fmt.Errorf("markkeys: %w", err)
					}
					keys[n] = o
				}
			}
			x.s.set.MarkKeys = keys
			return "", nil
		},
	})
}
