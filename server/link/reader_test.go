package link

import (
	"net"
	"strings"
	"testing"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/park"
)

// readFrames runs a link's frame reader over one end of a pipe, as the
// session would, with heartbeat; frames and the loss come back on channels.
func readFrames(t *testing.T, heartbeat time.Duration) (peer net.Conn, frames chan proto.Frame, lost chan error) {
	t.Helper()
	end, peer := net.Pipe()
	t.Cleanup(func() { end.Close(); peer.Close() })
	var l Link
	l.Open(end, nil, 0, &park.Freeze{})
	l.Frames = proto.NewReader(end)
	frames, lost = make(chan proto.Frame, 16), make(chan error, 1)
	post := func(f func()) { f() }
	go l.ReadFrames(post, heartbeat, func(f proto.Frame) { frames <- f }, func(err error) { lost <- err })
	return peer, frames, lost
}

// A client that pings when idle stays while it pings, and is dropped, with
// a reason that says so, once it falls silent for the heartbeat timeout
// (its ssh black-holed): here in milliseconds, not proto's 30 seconds.
func TestSilentHeartbeatClientDropped(t *testing.T) {
	const heartbeat = 100 * time.Millisecond
	peer, frames, lost := readFrames(t, heartbeat)
	for range 5 { // pings well inside the timeout keep it
		proto.WriteFrame(peer, proto.TypePing, nil)
		if f := <-frames; f.Type != proto.TypePing {
			t.Fatalf("read %v", f.Type)
		}
		time.Sleep(heartbeat / 3)
	}
	select {
	case err := <-lost:
		t.Fatalf("dropped while pinging: %v", err)
	default:
	}
	start := time.Now()
	select {
	case err := <-lost:
		if !strings.Contains(err.Error(), "no heartbeat for 100ms: link lost") {
			t.Fatalf("dropped for %v", err)
		}
		if waited := time.Since(start); waited < heartbeat/2 {
			t.Fatalf("dropped after %v of silence, before its timeout", waited)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a silent heartbeat client was kept")
	}
}

// A client without heartbeat (a local one) may stay silent: it is not
// dropped for it.
func TestSilentLocalClientKept(t *testing.T) {
	_, _, lost := readFrames(t, 0)
	select {
	case err := <-lost:
		t.Fatalf("a silent local client was dropped: %v", err)
	case <-time.After(300 * time.Millisecond):
	}
}
