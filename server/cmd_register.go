package server

import (
	"fmt"
	"strings"
)

// screen's registers: named strings (a letter or any character) that paste
// types into a window and process types as if at the keyboard. The register
// "." is the paste buffer.

func init() {
	register(&command{
		name: "register", usage: "[-e encoding] key string", minArgs: 2, maxArgs: 4,
		help: "save string in register key (. is the paste buffer)",
		run: func(x *cmdContext, args []string) (string, error) {
			if args[0] == "-e" {
				if len(args) != 4 {
					return "", fmt.Errorf("usage: register [-e encoding] key string")
				}
				args = args[2:] // gmux is UTF-8 throughout
			}
			if len(args) != 2 || len(args[0]) != 1 {
				return "", fmt.Errorf("register: a register is one character (a, ^x or \\032), not %q", args[0])
			}
			x.s.setRegister(args[0][0], args[1])
			return "", nil
		},
	})
	register(&command{
		name: "process", usage: "key", minArgs: 1, maxArgs: 1, needClient: true,
		help: "type register key as if at the keyboard: its command keys run commands",
		run: func(x *cmdContext, args []string) (string, error) {
			text := x.s.registerText(args[0])
			if text == "" {
				return "", fmt.Errorf("empty register")
			}
			if x.c.processing {
				// A register that runs process on itself would type for
				// ever and stop the session.
				return "", fmt.Errorf("process: not from inside a register")
			}
			// After this command: its own key is still being handled.
			c := x.c
			x.s.afterEvent(func() {
				c.processing = true
				x.s.input(c, []byte(text))
				c.processing = false
			})
			return "", nil
		},
	})
}

// setRegister saves text in register r.
func (s *session) setRegister(r byte, text string) {
	if r == '.' {
		s.Buffer = text
		return
	}
	if s.registers == nil {
		s.registers = map[byte]string{}
	}
	s.registers[r] = text
}

// registerText is the registers named in names, one after another.
func (s *session) registerText(names string) string {
	var b strings.Builder
	for i := 0; i < len(names); i++ {
		if names[i] == '.' {
			b.WriteString(s.Buffer)
			continue
		}
		b.WriteString(s.registers[names[i]])
	}
	return b.String()
}
