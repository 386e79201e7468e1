package server

import (
	"fmt"
	"sort"
	"strings"
)

func init() {
	register(&command{
		name: "help", help: "list the key bindings (from the live table)", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) { return x.s.bindingHelp(), nil },
	})
}

// bindingHelp lists every bound key and its command.
func (s *session) bindingHelp() string {
	keys := make([]int, 0, len(s.bindings))
	for k := range s.bindings {
		keys = append(keys, int(k))
	}
	sort.Ints(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s:%s", keyName(byte(k)), strings.Join(s.bindings[byte(k)], " ")))
	}
	return fmt.Sprintf("Command key: %s  Literal %s: %s  |  %s", keyName(s.escape), keyName(s.escape), keyName(s.literal), strings.Join(parts, "  "))
}
