package link

import (
	"errors"
	"io"
	"os"
	"testing"
	"time"

	"github.com/gmux/gmux/proto"
)

// A stream handed over by a proxy carries frames both ways and honours read
// deadlines: a heartbeat client that falls silent on it is noticed.
func TestPipeConnFramesAndDeadline(t *testing.T) {
	inR, inW, _ := os.Pipe()
	outR, outW, _ := os.Pipe()
	defer inW.Close()
	defer outR.Close()
	// The stream works on copies: the caller closes what it passed.
	pc, err := NewPipeConn(int(inR.Fd()), int(outW.Fd()))
	inR.Close()
	outW.Close()
	if err != nil {
		t.Fatal(err)
	}
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
	// Closed, it is closed for the far side too: no copy is left open.
	pc.Close()
	if n, err := outR.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		t.Fatalf("after Close the far side read %d, %v; want end of file", n, err)
	}
}
