package server

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gmux/gmux/server/digraph"
	"github.com/gmux/gmux/server/prompt"
)

func init() {
	register(&command{
		name: "digraph", usage: "[keys [character]]", maxArgs: 2,
		help: "type a character by two keys (a: is ä, e' é, Eu €; 0 and octal, U+ and hex); with two arguments, define one",
		run: func(x *cmdContext, args []string) (string, error) {
			switch len(args) {
			case 2:
				r, err := parseCodepoint(args[1])
				if err != nil {
					return "", err
				}
				if utf8.RuneCountInString(args[0]) != 2 {
					return "", fmt.Errorf("digraph: two characters expected to define a digraph")
				}
				if x.s.Digraphs == nil {
					x.s.Digraphs = map[string]rune{}
				}
				x.s.Digraphs[args[0]] = r
				return "", nil
			case 1:
				r, ok := digraph.Lookup(args[0], x.s.Digraphs)
				if !ok {
					return "", fmt.Errorf("unknown digraph %q", args[0])
				}
				if x.w != nil {
					x.w.Send([]byte(string(r)))
				}
				return "", nil
			}
			if !x.interactive() {
				return "", fmt.Errorf("digraph: which? (digraph keys)")
			}
			c := x.c
			c.openPrompt(&prompt.Prompt{Label: "Enter digraph: ", Complete: digraph.Complete, Done: func(keys string) {
				r, ok := digraph.Lookup(keys, x.s.Digraphs)
				switch {
				case !ok:
					c.showMessage(x.s, "Unknown digraph")
				case c.win != nil:
					x.s.sendInput(c, []byte(string(r)))
				}
			}})
			return "", nil
		},
	})
}

// parseCodepoint reads a character for digraph: U+hex, 0x hex, a decimal
// number, or the character itself.
func parseCodepoint(s string) (rune, error) {
	var n uint64
	var err error
	switch {
	case strings.HasPrefix(s, "U+") || strings.HasPrefix(s, "u+"):
		n, err = strconv.ParseUint(s[2:], 16, 32)
	case strings.HasPrefix(s, "0x"):
		n, err = strconv.ParseUint(s[2:], 16, 32)
	case utf8.RuneCountInString(s) == 1:
		r, _ := utf8.DecodeRuneInString(s)
		return r, nil
	default:
		n, err = strconv.ParseUint(s, 10, 32)
	}
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, fmt.Errorf("digraph: %q is not a character (U+20AC, 0x20ac, 8364 or €)", s)
	}
	return rune(n), nil
}
