package server

import (
	"fmt"
	"strconv"
	"time"
)

func init() {
	for _, name := range []string{"slowpaste", "defslowpaste"} {
		register(&command{
			name: name, usage: "[msec]", maxArgs: 1,
			help: "paste a character at a time with a pause of msec after each (0: at once); for programs that lose fast input",
			run: func(x *cmdContext, args []string) (string, error) {
				if len(args) == 0 {
					return fmt.Sprintf("slowpaste is %d msec", x.s.set.SlowPaste.Milliseconds()), nil
				}
				n, err := strconv.Atoi(args[0])
				if err != nil || n < 0 || n > 1000 {
					return "", fmt.Errorf("slowpaste wants 0 to 1000 msec, not %q", args[0])
				}
				x.s.set.SlowPaste = time.Duration(n) * time.Millisecond
				return "", nil
			},
		})
	}
}
