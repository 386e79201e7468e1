package server

import (
	"fmt"
	"strconv"
	"time"
)

func init() {
	register(&command{
		name: "logtstamp", usage: "[on|off] | after secs | string text", maxArgs: 2,
		help: "put the time in window logs after a quiet spell (default 120 s; toggles without an argument)",
		run: func(x *cmdContext, args []string) (string, error) {
			switch {
			case len(args) == 2 && args[0] == "after":
				secs, err := strconv.ParseFloat(args[1], 64)
				if err != nil || secs <= 0 {
					return "", fmt.Errorf("logtstamp after wants seconds, not %q", args[1])
				}
				x.s.set.LogStampAfter = time.Duration(secs * float64(time.Second))
				return "", nil
			case len(args) >= 1 && args[0] == "string":
				if len(args) == 1 {
					return "logtstamp string " + strconv.Quote(x.s.set.LogStampFormat()), nil
				}
				x.s.set.LogStampString = args[1]
				return "", nil
			case len(args) == 2:
				return "", fmt.Errorf("usage: logtstamp [on|off] | after secs | string text")
			}
			on, err := toggle(args, x.s.set.LogStamp)
			if err != nil {
				return "", err
			}
			x.s.set.LogStamp = on
			x.s.startLogStamps()
			if on {
				return "Timestamps are on.", nil
			}
			return "Timestamps are off.", nil
		},
	})
}
