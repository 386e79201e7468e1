//go:build !darwin

package client

import "golang.org/x/sys/unix"

// socketCloexec and pipeCloexec make descriptors no program the client
// starts (ssh) inherits, in one system call where the kernel has the flag.

func socketCloexec() (int, error) {
	return unix.Socket(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
}

func pipeCloexec(fds *[2]int) error { return unix.Pipe2(fds[:], unix.O_CLOEXEC) }
