package link

import (
	"errors"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/gmux/gmux/proto"
)

// ReadHello reads the first frame, which must be a hello, within timeout,
// and the descriptors passed with it: the client's terminal (tty; -1 for
// none), or a proxy's stream, which becomes the link's connection (logf
// tells when it cannot be taken and is bridged instead). It negotiates the
// version the client speaks from then on. On error the link, not admitted,
// is closed; a version error is first answered in the peer's terms.
func (l *Link) ReadHello(timeout time.Duration, logf func(string, ...any)) (h proto.Hello, tty int, err error) {
	rr := newRightsReader(l.Conn.(*net.UnixConn))
	r := proto.NewReader(rr)
	l.Conn.SetReadDeadline(time.Now().Add(timeout))
	f, err := r.ReadFrame()
	if err == nil && f.Type != proto.TypeHello {
		err = fmt.Errorf("first frame is %s, not hello", f.Type)
	}
	if err == nil {
		h, err = proto.DecodeHello(f.Payload)
	}
	if err != nil {
		// A freeze cuts a hello short: the connection is closed (only one
		// made in the moment of an upgrade sees it; the client may retry).
		var ve *proto.VersionError
		if errors.As(err, &ve) {
			// Say so in the peer's terms: the version comes first in every hello.
			proto.WriteFrame(l.Conn, proto.TypeWelcome, proto.EncodeWelcome(proto.Welcome{Error: ve.Error()}))
		}
		l.Conn.Close()
		close(l.out)
		closeAll(rr.take())
		return h, -1, err
	}
	l.Conn.SetReadDeadline(time.Time{})
	// The newest version both speak (the prefix was checked to be one of
	// ours): the welcome says it, and the client speaks it from then on.
	h.Version, _ = proto.Negotiate(h)
	fds := rr.take()
	tty = -1
	switch {
	case h.Stream && len(fds) == 2:
		// A proxy handed over the stream it bridges: from now on the
		// client's frames come and go there (stream.go).
		if err := l.takeStream(fds[0], fds[1]); err != nil {
			logf("stream not taken, bridged instead: %v", err)
		} else {
			r = proto.NewReader(l.Conn) // on copies of fds, closed below
		}
	case h.TTY && len(fds) == 1:
		tty, fds = fds[0], nil
	}
	closeAll(fds)
	l.Frames = r
	return h, tty, nil
}

// ReadFrames hands an admitted client's frames to the loop (frame, run
// there) until it is closed or its connection fails (lost). After an input
// frame it waits for the loop's credit (AwaitCredit). A client with
// heartbeat pings when idle (proto.HeartbeatTimeout): on a link that can
// fail silently, one that stays silent longer than heartbeat is gone (its
// ssh black-holed), and is dropped rather than held attached for ever; 0
// waits for ever.
func (l *Link) ReadFrames(post func(func()), heartbeat time.Duration, frame func(proto.Frame), lost func(error)) {
	for {
		if heartbeat > 0 {
			l.Conn.SetReadDeadline(time.Now().Add(heartbeat))
		}
		f, err := l.Frames.ReadFrame()
		if l.freeze.Stopped(err) && l.freeze.Park(&l.ReadParked) {
			continue // what it read of a frame is kept in Frames
		}
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) {
				err = fmt.Errorf("no heartbeat for %v: link lost", heartbeat)
			}
			post(func() { lost(err) })
			return
		}
		post(func() { frame(f) })
		if f.Type == proto.TypeInput && !l.AwaitCredit() {
			return
		}
	}
}

// AwaitCredit waits for the loop's credit; false if the link was closed.
func (l *Link) AwaitCredit() bool {
	select {
	case <-l.Credit:
		return true
	case <-l.Stop:
		return false
	}
}
