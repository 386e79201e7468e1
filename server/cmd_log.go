package server

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gmux/gmux/server/userfile"
)

func init() {
	register(&command{
		name: "log", target: windowTarget, usage: "[on|off]", help: "log the window's output to a file (toggles without an argument)", maxArgs: 1,
		run: func(x *cmdContext, args []string) (string, error) {
			on := x.w.Log == nil
			if len(args) == 1 {
				if err := onOff(args[0]); err != nil {
					return "", err
				}
				on = args[0] == "on"
			}
			return x.s.setLogging(x.w, on)
		},
	})
	register(&command{
		name: "logfile", usage: "name | flush secs | raw on|off", help: "the log's name (%n number, %t title; default gmuxlog.%n), flush delay, or raw bytes", minArgs: 1, maxArgs: 2,
		run: func(x *cmdContext, args []string) (string, error) {
			switch {
			case args[0] == "flush" && len(args) == 2:
				secs, err := strconv.ParseFloat(args[1], 64)
				if err != nil || secs < 0 {
					return "", fmt.Errorf("logfile flush wants seconds")
				}
				x.s.set.LogFlush = time.Duration(secs * float64(time.Second))
			case args[0] == "raw" && len(args) == 2:
				if err := onOff(args[1]); err != nil {
					return "", err
				}
				x.s.set.LogRaw = args[1] == "on"
			case len(args) == 1:
				x.s.set.LogFile = args[0]
			default:
				return "", fmt.Errorf("usage: logfile name | flush secs | raw on|off")
			}
			return "", nil
		},
	})
	register(&command{
		name: "hardcopy", target: windowTarget, usage: "[-h] [file]", help: "write the screen (with -h, the history too) to a file (default hardcopy.N)", maxArgs: 2,
		run: func(x *cmdContext, args []string) (string, error) {
			withHistory := len(args) > 0 && args[0] == "-h"
			if withHistory {
				args = args[1:]
			}
			path := "hardcopy." + strconv.Itoa(x.w.Number)
			if len(args) > 0 {
				path = expandHome(args[0])
			}
			if !filepath.IsAbs(path) {
				dir := x.s.set.Dir
				if x.s.set.HardcopyDir != "" {
					dir = expandHome(x.s.set.HardcopyDir)
				}
				path = filepath.Join(dir, path)
			}
			var b strings.Builder
			sc := x.w.Screen
			if withHistory {
				h := sc.History()
				for i := range h.Len() {
					b.WriteString(strings.TrimRight(h.Text(i), " "))
					b.WriteByte('\n')
				}
			}
			_, rows := sc.Size()
			for y := range rows {
				b.WriteString(sc.LineText(y))
				b.WriteByte('\n')
			}
			write, verb := userfile.Write, "written to"
			if x.s.set.HardcopyAppend {
				write, verb = userfile.Append, "appended to"
			}
			if err := write(path, []byte(b.String())); err != nil {
				return "", err
			}
			return fmt.Sprintf("Screen image %s \"%s\".", verb, path), nil
		},
	})
}
