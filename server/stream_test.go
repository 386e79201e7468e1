package server

import (
	"errors"
	"os"
	"testing"
	"time"

	"github.com/gmux/gmux/proto"
	"golang.org/x/sys/unix"
)

// A stream handed over by a proxy carries frames both ways and honours read
// deadlines: a heartbeat client that falls silent on it is noticed.
func TestPipeConnFramesAndDeadline(t *testing.T) {
	inR, inW, _ := os.Pipe()
	outR, outW, _ := os.Pipe()
	defer inW.Close()
	defer outR.Close()
	// Descriptors of their own, as SCM_RIGHTS delivers them.
	in, _ := unix.Dup(int(inR.Fd()))
	out, _ := unix.Dup(int(outW.Fd()))
	inR.Close()
	outW.Close()
	pc, err := newPipeConn(in, out)
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	proto.WriteFrame(inW, proto.TypePing, nil)
	if f, err := proto.NewReader(pc).ReadFrame(); err != nil || f.Type != proto.TypePing {
		t.Fatalf("read through the stream: %v %v", f, err)
	}
	proto.WriteFrame(pc, proto.TypePong, nil)
	if f, err := proto.NewReader(outR).ReadFrame(); err != nil || f.Type != proto.TypePong {
		t.Fatalf("write through the stream: %v %v", f, err)
	}
	pc.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	if _, err := pc.Read(make([]byte, 1)); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("a silent stream past its deadline: %v", err)
	}
}
