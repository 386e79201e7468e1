package cli

import (
	"fmt"
	"strings"

	"github.com/gmux/gmux/client"
	"github.com/gmux/gmux/proto"
)

// upgradeAll moves every live session of the user (or those matching
// match) to this binary with -X upgrade, one by one, and prints a line for
// each and a summary; the status is 1 if any could not be moved.
func upgradeAll(dir, match string) int {
	self, err := client.ServerBinary()
	if err != nil {
		return fail(nil, "%v", err)
	}
	sessions, err := client.ListMatching(dir, match)
	if err != nil {
		return fail(nil, "%v", err)
	}
	if len(sessions) == 0 {
		fmt.Printf("No Sockets found in %s.\n", dir)
		return 1
	}
	moved, failed := 0, 0
	for _, s := range sessions {
		name := proto.Printable(s.Name)
		if s.State == client.Dead || s.State == client.Unreachable {
			fmt.Printf("\t%s\tskipped: %s\n", name, s.State)
			continue
		}
		out, err := client.Command(s.Path, -1, []string{"upgrade", self})
		if err != nil {
			failed++
			fmt.Printf("\t%s\tnot upgraded: %s\n", name, proto.Printable(versionAdvice(err, s).Error()))
			continue
		}
		moved++
		// The server's reply begins with the session's name, already
		// said at the line's start.
		fmt.Printf("\t%s\t%s\n", name, proto.Printable(strings.TrimPrefix(out, s.Name+" ")))
	}
	fmt.Printf("%d of %d sessions now run %s (gmux %s).\n", moved, len(sessions), self, proto.BuildVersion())
	if failed > 0 {
		return 1
	}
	return 0
}
