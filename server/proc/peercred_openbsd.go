package proc

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// sockpeercred is OpenBSD's struct sockpeercred.
type sockpeercred struct {
	uid, gid uint32
	pid      int32
}

// PeerCredentials are the user and process at the other end of a Unix
// socket, from the kernel (SO_PEERCRED, as OpenBSD has it: x/sys has no
// wrapper for its struct).
func PeerCredentials(raw syscall.RawConn) (uid, pid int, err error) {
	var cred sockpeercred
	if cerr := raw.Control(func(fd uintptr) {
		size := uint32(unsafe.Sizeof(cred))
		_, _, errno := unix.Syscall6(unix.SYS_GETSOCKOPT, fd, unix.SOL_SOCKET, unix.SO_PEERCRED,
			uintptr(unsafe.Pointer(&cred)), uintptr(unsafe.Pointer(&size)), 0)
		if errno != 0 {
			err = errno
		}
	}); cerr != nil {
		return 0, 0, cerr
	}
	if err != nil {
		return 0, 0, err
	}
	return int(cred.uid), int(cred.pid), nil
}
