package proc

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// PeerCredentials are the user and process at the other end of a Unix
// socket, from the kernel (SO_PEERCRED), not from anything the peer says.
func PeerCredentials(raw syscall.RawConn) (uid, pid int, err error) {
	var cred *unix.Ucred
	if cerr := raw.Control(func(fd uintptr) {
		cred, err = unix.GetsockoptUcred(int(fd), unix.SOL_SOCKET, unix.SO_PEERCRED)
	}); cerr != nil {
		return 0, 0, cerr
	}
	if err != nil {
		return 0, 0, err
	}
	return int(cred.Uid), int(cred.Pid), nil
}
