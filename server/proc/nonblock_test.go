package proc

import (
	"bytes"
	"os"
	"syscall"
	"testing"
)

// NowWriter takes what a non-blocking descriptor takes at once and no more,
// says how much, and allocates nothing (it runs on every keystroke).
func TestNowWriter(t *testing.T) {
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil {
		t.Fatal(err)
	}
	for _, fd := range p {
		syscall.CloseOnExec(fd)
		if err := syscall.SetNonblock(fd, true); err != nil {
			t.Fatal(err)
		}
	}
	r, w := os.NewFile(uintptr(p[0]), "r"), os.NewFile(uintptr(p[1]), "w")
	defer r.Close()
	defer w.Close()
	rc := RawConn(w)
	var now NowWriter
	if n := now.Write(rc, []byte("key")); n != 3 {
		t.Fatalf("wrote %d of 3", n)
	}
	got := make([]byte, 8)
	if n, _ := r.Read(got); string(got[:n]) != "key" {
		t.Fatalf("read %q", got[:n])
	}
	key := []byte{'x'}
	if n := testing.AllocsPerRun(100, func() {
		now.Write(rc, key)
		r.Read(got)
	}); n != 0 {
		t.Errorf("%v allocations per write, want none", n)
	}
	// A full pipe takes part: the rest is the caller's to hand on.
	big := bytes.Repeat([]byte("y"), 1<<20)
	n := now.Write(rc, big)
	if n <= 0 || n >= len(big) {
		t.Fatalf("wrote %d of %d into a pipe", n, len(big))
	}
	if m := now.Write(rc, big); m != 0 {
		t.Fatalf("a full pipe took %d more", m)
	}
}
