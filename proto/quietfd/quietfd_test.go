package quietfd

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

func pipe(t *testing.T) (r, w *File) {
	t.Helper()
	var fds [2]int
	if err := unix.Pipe2(fds[:], unix.O_CLOEXEC); err != nil {
		t.Fatal(err)
	}
	r, err := New(fds[0], "pipe r")
	if err != nil {
		t.Fatal(err)
	}
	w, err = New(fds[1], "pipe w")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close(); w.Close() })
	return r, w
}

func TestReadWaitsForInput(t *testing.T) {
	r, w := pipe(t)
	got := make(chan string)
	go func() {
		b := make([]byte, 16)
		n, err := r.Read(b)
		if err != nil {
			t.Error(err)
		}
		got <- string(b[:n])
	}()
	if _, err := w.Write([]byte("key")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "key" {
		t.Fatalf("read %q, want key", s)
	}
	w.Close()
	if n, err := r.Read(make([]byte, 4)); n != 0 || err != io.EOF {
		t.Fatalf("at end of file read %d, %v; want 0, EOF", n, err)
	}
}

// A write larger than the pipe holds waits for the reader, and every byte
// arrives in order.
func TestWriteWaitsForRoom(t *testing.T) {
	r, w := pipe(t)
	want := bytes.Repeat([]byte("0123456789abcdef"), 64<<10) // 1 MiB, 16 pipe buffers
	done := make(chan error, 1)
	go func() {
		n, err := w.Write(want)
		if err == nil && n != len(want) {
			err = io.ErrShortWrite
		}
		w.Close()
		done <- err
	}()
	var got []byte
	buf := make([]byte, 4096)
	for {
		n, err := r.Read(buf)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, buf[:n]...)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("read %d bytes, not the %d written", len(got), len(want))
	}
}

func TestDeadlines(t *testing.T) {
	r, w := pipe(t)
	r.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	if _, err := r.Read(make([]byte, 1)); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("read past its deadline: %v", err)
	}
	w.SetWriteDeadline(time.Now().Add(20 * time.Millisecond))
	n, err := w.Write(make([]byte, 1<<20))
	if !errors.Is(err, os.ErrDeadlineExceeded) || n == 0 || n >= 1<<20 {
		t.Fatalf("write to a full pipe past its deadline: %d, %v", n, err)
	}
	// Cleared, the writer goes on once there is room.
	w.SetWriteDeadline(time.Time{})
	r.SetReadDeadline(time.Time{})
	go io.Copy(io.Discard, r)
	if _, err := w.Write([]byte("more")); err != nil {
		t.Fatal(err)
	}
}

func TestCloseEndsAWaitingRead(t *testing.T) {
	r, _ := pipe(t)
	done := make(chan error)
	go func() {
		_, err := r.Read(make([]byte, 1))
		done <- err
	}()
	time.Sleep(10 * time.Millisecond) // let it wait; it must end either way
	r.Close()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("a read ended by Close returned no error")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not end the waiting read")
	}
}

// readable reports whether epoll instance ep has an event ready, without
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

// BenchmarkPTYEcho is a keystroke's round trip through a PTY, as the server
// makes it to a window: written to the master, echoed by a program on the
// slave, read back. "go-poller" serves the master as an *os.File does.
func BenchmarkPTYEcho(b *testing.B) {
	for _, quiet := range []bool{false, true} {
		name := "go-poller"
		if quiet {
			name = "quietfd"
		}
		b.Run(name, func(b *testing.B) {
			master, slave, err := pty.Open()
			if err != nil {
				b.Fatal(err)
			}
			defer slave.Close()
			raw, _ := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS)
			raw.Lflag &^= unix.ICANON | unix.ECHO
			raw.Oflag &^= unix.OPOST
			unix.IoctlSetTermios(int(slave.Fd()), unix.TCSETS, raw)
			fd, err := unix.Dup(int(master.Fd()))
			if err != nil {
				b.Fatal(err)
			}
			master.Close()
			var m io.ReadWriteCloser
			if quiet {
				if m, err = New(fd, "/dev/ptmx"); err != nil {
					b.Fatal(err)
				}
			} else {
				unix.SetNonblock(fd, true)
				m = os.NewFile(uintptr(fd), "/dev/ptmx")
			}
			defer m.Close()
			go func() { // the program: echoes what it reads
				buf := make([]byte, 64)
				for {
					n, err := slave.Read(buf)
					if err != nil {
						return
					}
					slave.Write(buf[:n])
				}
			}()
			key, back := []byte{'x'}, make([]byte, 64)
			for b.Loop() {
				if _, err := m.Write(key); err != nil {
					b.Fatal(err)
				}
				if _, err := m.Read(back); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
