package proc

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// PeerCredentials are the user at the other end of a Unix socket, from the
// kernel (LOCAL_PEERCRED); x/sys's xucred does not carry the process (its
// cr_pid), so pid is 0, and the check that a client does not attach from
// inside the session (RunsInside) finds nothing.
func PeerCredentials(raw syscall.RawConn) (uid, pid int, err error) {
	var cred *unix.Xucred
	if cerr := raw.Control(func(fd uintptr) {
		cred, err = unix.GetsockoptXucred(int(fd), 0, unix.LOCAL_PEERCRED)
	}); cerr != nil {
		return 0, 0, cerr
	}
	if err != nil {
		return 0, 0, err
	}
	return int(cred.Uid), 0, nil
}
