package proc

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// PeerCredentials are the user (LOCAL_PEERCRED) and process
// (LOCAL_PEERPID) at the other end of a Unix socket, from the kernel.
func PeerCredentials(raw syscall.RawConn) (uid, pid int, err error) {
	var cred *unix.Xucred
	var perr error
	if cerr := raw.Control(func(fd uintptr) {
		cred, err = unix.GetsockoptXucred(int(fd), unix.SOL_LOCAL, unix.LOCAL_PEERCRED)
		pid, perr = unix.GetsockoptInt(int(fd), unix.SOL_LOCAL, unix.LOCAL_PEERPID)
	}); cerr != nil {
		return 0, 0, cerr
	}
	if err != nil {
		return 0, 0, err
	}
	if perr != nil {
		return 0, 0, perr
	}
	return int(cred.Uid), pid, nil
}
