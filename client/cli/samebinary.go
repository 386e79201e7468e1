package cli

import (
	"os"
	"strconv"

	"github.com/gmux/gmux/client"
)

// runByThisBinary returns the session name refers to in dir when there is
// exactly one and its server runs the very binary this gmux would start
// (the same file: a binary cannot be written while it runs, so the same
// build). Such a session needs no probe before attaching: the probe's
// version is for the offer to upgrade an older server, and its state only
// picks among several sessions. That probe is a connection and two round
// trips, an eighth of a reattach; the check here is a few stat calls.
func runByThisBinary(dir, name string) (client.Session, bool) {
	found, err := client.Sockets(dir, name)
	if err != nil || len(found) != 1 {
		return client.Session{}, false
	}
	s := found[0]
	pid := s.PID()
	if pid <= 0 {
		return client.Session{}, false
	}
	self, err := client.ServerBinary()
	if err != nil {
		return client.Session{}, false
	}
	mine, err1 := os.Stat(self)
	theirs, err2 := os.Stat("/proc/" + strconv.Itoa(pid) + "/exe")
	if err1 != nil || err2 != nil || !os.SameFile(mine, theirs) {
		return client.Session{}, false
	}
	return s, true
}
