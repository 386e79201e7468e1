//go:build linux && !portable

package server

import (
	"os"
	"runtime"
	"strconv"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// procStat is a client process's /proc/PID/stat, kept open: each look is
// one pread.
type procStat struct {
	f          *os.File
	fd         uintptr // f's
	buf        []byte
	major, min uint32 // the terminal the client passed
}

// openProcStat opens client process pid's stat; tty is the terminal it
// passed. Only when that terminal is the process's controlling terminal
// does its foreground group say anything (a client may be handed another).
func openProcStat(pid int, tty syscall.RawConn) *procStat {
	var st unix.Stat_t
	var err error
	// Through the RawConn: File.Fd would make the terminal blocking.
	if cerr := tty.Control(func(fd uintptr) { err = unix.Fstat(int(fd), &st) }); cerr != nil || err != nil {
		return nil
	}
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return nil
	}
	return &procStat{f: f, fd: f.Fd(), buf: make([]byte, 1024), major: unix.Major(uint64(st.Rdev)), min: unix.Minor(uint64(st.Rdev))}
}

// inForeground reports whether the process runs and its process group is the
// foreground of its terminal (state, pgrp and tpgid). One that cannot be read
// is taken as in the foreground: it is gone, and its connection's end will
// say so.
func (p *procStat) inForeground() bool {
	if p == nil {
		return true
	}
	// One pread, raw: File.ReadAt would read again to find the end, and
	// as a system call the runtime tracks it would wake the scheduler's
	// monitor thread (a few wake-ups each keystroke, on a busy machine
	// taken from the programs the keystroke is waiting for). A stat file
	// is made whole on each read and is far smaller than buf.
	n, _, errno := syscall.RawSyscall6(syscall.SYS_PREAD64, p.fd, uintptr(unsafe.Pointer(&p.buf[0])), uintptr(len(p.buf)), 0, 0, 0)
	runtime.KeepAlive(p.f)
	if errno != 0 || n == 0 {
		return true
	}
	return statInForeground(p.buf[:n], p.major, p.min)
}

func (p *procStat) close() {
	if p != nil {
		p.f.Close()
	}
}
