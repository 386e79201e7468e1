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
	"golang.org/x/term"
)

func pipe(t *testing.T) (r, w *File) {
	t.Helper()
	var fds [2]int
	if err := unix.Pipe(fds[:]); err != nil {
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
			term.MakeRaw(int(slave.Fd())) // the echo as the program sends it
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
