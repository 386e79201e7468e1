package proc

import (
	"os"
	"os/exec"
	"syscall"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// StartInPTY starts cmd on a new PTY of the given size and returns the
// master. The terminal is made ready before the program runs: a shell saves
// its termios at start (readline does) and puts it back after every command,
// so a setting changed afterwards, such as IXON for flow off, could be undone
// by the program it was meant for.
func StartInPTY(cmd *exec.Cmd, cols, rows int, ixon bool) (*os.File, error) {
	master, tty, err := pty.Open()
	if err != nil {
		return nil, err
	}
	defer tty.Close() // the child has its own copies once started
	if err := prepareTTY(tty, cols, rows, ixon); err != nil {
		master.Close()
		return nil, err
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	// Its own session with the PTY as controlling terminal: job control works
	// and a hang-up reaches its process group, not gmux.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		master.Close()
		return nil, err
	}
	return master, nil
}

// prepareTTY sets the size of a PTY's terminal side, and its flow control:
// without ixon (screen's flow off) C-s and C-q reach the program.
func prepareTTY(tty *os.File, cols, rows int, ixon bool) error {
	fd := int(tty.Fd()) // the terminal side stays blocking: only the child uses it
	if err := unix.IoctlSetWinsize(fd, unix.TIOCSWINSZ, &unix.Winsize{Col: uint16(cols), Row: uint16(rows)}); err != nil {
		return err
	}
	if ixon {
		return nil
	}
	t, err := GetTermios(fd)
	if err != nil {
		return err
	}
	t.Iflag &^= unix.IXON
	return SetTermios(fd, t)
}
