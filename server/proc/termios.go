package proc

import "golang.org/x/sys/unix"

// GetTermios reads the modes of the terminal fd.
func GetTermios(fd int) (*unix.Termios, error) { return unix.IoctlGetTermios(fd, ioctlGetTermios) }

// SetTermios sets the modes of the terminal fd.
func SetTermios(fd int, t *unix.Termios) error { return unix.IoctlSetTermios(fd, ioctlSetTermios, t) }
