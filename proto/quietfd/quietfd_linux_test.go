//go:build linux && !portable

package quietfd

import (
	"os"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// The point of the package: when the program on a PTY reads what was written
// to the master, the kernel signals the master's side that there is room to
// write; a plain registration for output sees that, the File's watches do
// not. Input is seen.
func TestPTYReadByTheProgramIsNotAWakeUp(t *testing.T) {
	master, slave, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer slave.Close()
	if _, err := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS); err != nil {
		t.Fatal(err)
	}
	raw, _ := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS)
	raw.Lflag &^= unix.ICANON | unix.ECHO
	unix.IoctlSetTermios(int(slave.Fd()), unix.TCSETS, raw)

	fd, err := unix.Dup(int(master.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	master.Close()
	q, err := New(fd, "/dev/ptmx")
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()

	// The control: an edge-triggered registration for output, as Go's
	// poller makes, is told of the room the program's read makes.
	plain, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(plain)
	if err := unix.EpollCtl(plain, unix.EPOLL_CTL_ADD, fd, &unix.EpollEvent{Events: unix.EPOLLIN | unix.EPOLLOUT | unix.EPOLLET, Fd: int32(fd)}); err != nil {
		t.Fatal(err)
	}
	events := make([]unix.EpollEvent, 4)
	unix.EpollWait(plain, events, 0) // the edge of the registration itself

	if _, err := q.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := slave.Read(make([]byte, 1)); err != nil {
		t.Fatal(err)
	}
	// The kernel's wake-up for the read comes from a work queue: wait for
	// the control to see it, then look at the watches.
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, _ := unix.EpollWait(plain, events, 10)
		if n > 0 && events[0].Events&unix.EPOLLOUT != 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Skip("this kernel does not signal room on a PTY read; nothing to compare")
		}
	}
	if readable(t, q.in) || readable(t, q.out) {
		t.Fatal("the program's read made the File's watches ready")
	}

	// Input is seen.
	if _, err := slave.Write([]byte("y")); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 4)
	n, err := q.Read(b)
	if err != nil || string(b[:n]) != "y" {
		t.Fatalf("read %q, %v; want y", b[:n], err)
	}
}

// A File that is only written is not woken by input: a socket read through
// one File and written through another is woken once per event, not twice.
func TestWrittenOnlyIgnoresInput(t *testing.T) {
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fds[1])
	q, err := New(fds[0], "socket")
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if _, err := q.Write([]byte("out")); err != nil {
		t.Fatal(err)
	}
	if _, err := unix.Write(fds[1], []byte("in")); err != nil {
		t.Fatal(err)
	}
	if readable(t, q.in) || readable(t, q.out) {
		t.Fatal("input woke a File that is never read")
	}
	b := make([]byte, 4)
	if n, err := q.Read(b); err != nil || string(b[:n]) != "in" {
		t.Fatalf("read %q, %v; want in", b[:n], err)
	}
}

// waiting.
func readable(t *testing.T, f *os.File) bool {
	t.Helper()
	fds := []unix.PollFd{{Fd: int32(f.Fd()), Events: unix.POLLIN}}
	n, err := unix.Poll(fds, 0)
	if err != nil {
		t.Fatal(err)
	}
	return n > 0
}
