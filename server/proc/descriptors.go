package proc

import (
	"os"
	"slices"
	"strconv"

	"golang.org/x/sys/unix"
)

// A process inherits every descriptor its parent had open without
// close-on-exec: a shell's `exec 7<secret; gmux -dmS x` hands fd 7 to the
// client, the client to the server, and the server to every window it
// starts. Go opens all its own descriptors close-on-exec, so the server's
// rule is simple: at start, a descriptor above 2 that is not close-on-exec
// is someone else's and is closed, unless the server was told to keep it;
// windows then get 0, 1 and 2 only.

// CloseStrayDescriptors closes every descriptor above 2 that is not
// close-on-exec and not in keep. It returns how many it closed.
func CloseStrayDescriptors(keep ...int) int {
	d, err := os.Open("/proc/self/fd")
	if err != nil {
		// macOS and the BSDs list a process's descriptors in /dev/fd.
		if d, err = os.Open("/dev/fd"); err != nil {
			return 0 // nothing is known to close
		}
	}
	names, _ := d.Readdirnames(-1)
	own := int(d.Fd())
	closed := 0
	for _, name := range names {
		fd, err := strconv.Atoi(name)
		if err != nil || fd <= 2 || fd == own || slices.Contains(keep, fd) {
			continue
		}
		flags, err := unix.FcntlInt(uintptr(fd), unix.F_GETFD, 0)
		if err != nil || flags&unix.FD_CLOEXEC != 0 {
			continue
		}
		if unix.Close(fd) == nil {
			closed++
		}
	}
	d.Close()
	return closed
}
