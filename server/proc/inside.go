package proc

import (
	"bytes"
	"os"
	"strconv"
)

// A display attached from inside one of the session's own windows (gmux -r
// typed in it) shows the session in itself: each frame drawn is output of
// the window, which is drawn again, for ever, even after C-a d. screen
// refuses it ("Attaching from inside of screen?"), and so does gmux. The
// connection's peer (SO_PEERCRED), not what the client says, is followed up
// through its parents: the server among them means the client runs inside.

// maxAncestry bounds the walk up a process's parents.
const maxAncestry = 64

// RunsInside reports whether process pid is a descendant of this server.
func RunsInside(pid int) bool {
	self := os.Getpid()
	for range maxAncestry {
		if pid <= 1 {
			return false
		}
		if pid == self {
			return true
		}
		pid = parentOf(pid)
	}
	return false
}

// parentOf is process pid's parent, or 0 when it cannot be read.
func parentOf(pid int) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// After the command name, which may hold anything: " state ppid ...".
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0
	}
	f := bytes.Fields(b[i+1:])
	if len(f) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(string(f[1]))
	return ppid
}
