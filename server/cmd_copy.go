package server

import (
	"fmt"
	"os"
	"strings"

	"github.com/gmux/gmux/server/copymode"
	"github.com/gmux/gmux/server/userfile"
)

func init() {
	register(&command{
		name: "copy", help: "enter copy mode: move with vi keys, / ? search, space marks, Y y copy, q leaves", maxArgs: 0, needClient: true,
		run: func(x *cmdContext, _ []string) (string, error) {
			c := x.c
			if c.win == nil {
				return "", fmt.Errorf("no window")
			}
			cols, rows := c.windowSize()
			cx, cy := c.win.Screen.Cursor()
			c.copy = &copyMode{Mode: copymode.New(c.win.Screen.Snapshot(), cols, rows, cx, cy), win: c.win}
			c.copy.IgnoreCase = x.s.set.IgnoreCase
			c.markDirty(x.s)
			return "", nil
		},
	})
	register(&command{
		name: "paste", usage: "[registers [dest]]", maxArgs: 2,
		help: "type the paste buffer (or registers, . the buffer) into the window; with dest, copy them there instead",
		run: func(x *cmdContext, args []string) (string, error) {
			text := x.s.Buffer
			if len(args) > 0 {
				text = x.s.registerText(args[0])
			}
			if len(args) == 2 {
				if len(args[1]) != 1 {
					return "", fmt.Errorf("paste: the destination is one register, not %q", args[1])
				}
				x.s.setRegister(args[1][0], text)
				return "", nil
			}
			if x.w == nil || text == "" {
				return "", fmt.Errorf("empty paste buffer")
			}
			x.w.Paste(x.s.host(), []byte(text))
			return "", nil
		},
	})
	register(&command{
		name: "readbuf", usage: "[-e encoding] [file]", help: "load the paste buffer from a file (default: bufferfile)", maxArgs: 3,
		run: func(x *cmdContext, args []string) (string, error) {
			args, err := withoutEncoding("readbuf", args)
			if err != nil {
				return "", err
			}
			b, err := userfile.Read(x.s.exchangeFile(args), maxBuffer)
			if err != nil {
				return "", err
			}
			x.s.Buffer = string(b)
			return fmt.Sprintf("Slurped %d characters into buffer", len(b)), nil
		},
	})
	register(&command{
		name: "writebuf", usage: "[-e encoding] [file]", help: "write the paste buffer to a file (default: bufferfile)", maxArgs: 3,
		run: func(x *cmdContext, args []string) (string, error) {
			args, err := withoutEncoding("writebuf", args)
			if err != nil {
				return "", err
			}
			path := x.s.exchangeFile(args)
			if err := userfile.Write(path, []byte(x.s.Buffer)); err != nil {
				return "", err
			}
			return fmt.Sprintf("Copied %d characters into %s", len(x.s.Buffer), path), nil
		},
	})
	register(&command{
		name: "bufferfile", usage: "[file]", help: "the file readbuf and writebuf use (default ~/.gmux-exchange)", maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			x.s.set.BufferFile = ""
			if len(args) == 1 {
				x.s.set.BufferFile = expandHome(args[0])
			}
			return "", nil
		},
	})
	register(&command{
		name: "clipboard", usage: "on|off|auto", help: "offer copies to the terminal's clipboard with OSC 52 (auto: by TERM)", minArgs: 1, maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			switch args[0] {
			case "on", "off":
				x.s.set.Clipboard = args[0]
			case "auto":
				x.s.set.Clipboard = ""
			default:
				return "", fmt.Errorf("clipboard wants on, off or auto")
			}
			return "", nil
		},
	})
}

// exchangeFile is the file readbuf and writebuf use.
func (s *session) exchangeFile(args []string) string {
	switch {
	case len(args) == 1:
		return expandHome(args[0])
	case s.set.BufferFile != "":
		return s.set.BufferFile
	}
	return expandHome("~/.gmux-exchange")
}

func init() {
	register(&command{
		name: "readreg", usage: "[-e encoding] [register [file]]", maxArgs: 4,
		help: "load a register (default . the paste buffer) from a file (default: bufferfile)",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) >= 2 && args[0] == "-e" {
				args = args[2:] // gmux is UTF-8 throughout
			}
			reg := byte('.')
			if len(args) > 0 {
				if len(args[0]) != 1 {
					return "", fmt.Errorf("readreg: a register is one character, not %q", args[0])
				}
				reg, args = args[0][0], args[1:]
			}
			b, err := userfile.Read(x.s.exchangeFile(args), maxBuffer)
			if err != nil {
				return "", err
			}
			x.s.setRegister(reg, string(b))
			return fmt.Sprintf("Slurped %d characters into register %c", len(b), reg), nil
		},
	})
	register(&command{
		name: "removebuf", help: "remove the exchange file (bufferfile) readbuf and writebuf use",
		run: func(x *cmdContext, _ []string) (string, error) {
			if err := os.Remove(x.s.exchangeFile(nil)); err != nil && !os.IsNotExist(err) {
				return "", err
			}
			return "", nil
		},
	})
}

// withoutEncoding takes screen's -e encoding off args: gmux is UTF-8
// throughout, so UTF-8 is the one it takes.
func withoutEncoding(cmd string, args []string) ([]string, error) {
	if len(args) < 2 || args[0] != "-e" {
		return args, nil
	}
	switch strings.ToLower(strings.ReplaceAll(args[1], "-", "")) {
	case "utf8":
		return args[2:], nil
	}
	return nil, fmt.Errorf("%s: gmux reads and writes UTF-8 only, not %q", cmd, args[1])
}
