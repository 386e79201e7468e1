package link

import (
	"fmt"
	"net"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/proto/quietfd"
	"github.com/gmux/gmux/server/park"
	"github.com/gmux/gmux/server/proc"
)

// MaxQueued bounds what waits to be written to one connection beyond the
// batch its writer holds: a peer that lets more pile up (a command
// connection that never reads its replies) must not grow the server without
// bound, and Send says to drop it.
const MaxQueued = 8 << 20

// Link is a client's transport. Its zero value sends nothing until Open.
type Link struct {
	Conn net.Conn
	Via  net.Conn      // the proxy's connection, when Conn is the stream it handed over (stream.go)
	TTY  *quietfd.File // the client's terminal when it passed it, else nil
	// Farewell restores TTY for a client that vanished while attached: the
	// writer writes it last, then closes TTY.
	Farewell []byte
	RawConn  syscall.RawConn
	RawTTY   syscall.RawConn
	PID      int  // the peer's process, from the kernel
	Gone     bool // closed: nothing more is sent
	Closing  bool // close the connection once what is queued is written

	Credit chan struct{} // the loop lets the input reader read on
	Stop   chan struct{} // closed when the link is closed
	Wake   chan struct{} // the terminal reader may read again (a suspended display resumed)

	// The frame reader of an admitted client, and its readers stopped by a
	// live upgrade's freeze.
	Frames                *proto.Reader
	ReadParked, TTYParked park.Flag

	out     chan []Part    // to the writer goroutine; holds at most one batch
	pending []Part         // what waits for the writer, in order
	queued  int            // bytes in pending
	busy    bool           // the writer is writing a batch
	now     proc.NowWriter // the loop's write before the writer (proc/nonblock.go)
	freeze  *park.Freeze
}

// Part is a run of bytes for the client's terminal (when the server holds
// it) or of frames for its connection.
type Part struct {
	Terminal bool
	B        []byte
}

// Open readies a link over conn (raw is its descriptor for the loop's own
// writes), peer pid, whose goroutines stop for frz.
func (l *Link) Open(conn net.Conn, raw syscall.RawConn, pid int, frz *park.Freeze) {
	l.Conn, l.RawConn, l.PID, l.freeze = conn, raw, pid, frz
	l.out = make(chan []Part, 1)
	l.Credit = make(chan struct{}, 1)
	l.Stop = make(chan struct{})
	l.Wake = make(chan struct{}, 1)
}

// Send queues a frame; output goes straight to the terminal when the
// server holds it. overfull reports a client that has MaxQueued bytes
// waiting: the caller drops it.
func (l *Link) Send(t proto.Type, payload []byte) (overfull error) {
	if l.Gone {
		return nil
	}
	if t == proto.TypeOutput && l.TTY != nil {
		l.Queue(true, payload)
		l.Flush()
		return nil
	}
	for len(payload) > proto.MaxPayload {
		l.Queue(false, proto.AppendFrame(nil, t, payload[:proto.MaxPayload]))
		payload = payload[proto.MaxPayload:]
	}
	l.Queue(false, proto.AppendFrame(nil, t, payload))
	l.Flush()
	if l.queued > MaxQueued {
		return fmt.Errorf("%d bytes queued and not read", l.queued)
	}
	return nil
}

// Queue appends b to what waits for the writer, merging runs for the same
// destination. It takes b: every caller passes bytes made for this send.
func (l *Link) Queue(terminal bool, b []byte) {
	l.queued += len(b)
	if n := len(l.pending); n > 0 && l.pending[n-1].Terminal == terminal {
		l.pending[n-1].B = append(l.pending[n-1].B, b...)
		return
	}
	l.pending = append(l.pending, Part{Terminal: terminal, B: b})
}

// Flush writes what is queued as far as the kernel takes it now, and hands
// the rest to the writer goroutine. While a freeze is on, it waits, for this
// server or the next.
func (l *Link) Flush() {
	if l.busy || l.Gone || len(l.pending) == 0 || l.freeze.On() {
		return
	}
	for len(l.pending) > 0 {
		p := &l.pending[0]
		rc := l.RawConn
		if p.Terminal {
			rc = l.RawTTY
		}
		n := l.now.Write(rc, p.B)
		l.queued -= n
		if p.B = p.B[n:]; len(p.B) > 0 {
			break
		}
		l.pending = l.pending[1:]
	}
	if len(l.pending) == 0 {
		l.pending = nil
		return
	}
	l.busy = true
	l.out <- l.pending // never blocks: busy means the channel is empty
	l.pending, l.queued = nil, 0
}

// Busy reports whether the writer is writing a batch: what is sent now
// waits behind it (displays pace their frames by it).
func (l *Link) Busy() bool { return l.busy }

// Hold makes what is sent wait, as behind a busy writer, for a link that
// has no connection (tests of what the loop decides to send).
func (l *Link) Hold() { l.busy = true }

// Unwritten is what waits to be written, for a live upgrade to hand over.
func (l *Link) Unwritten() []Part { return l.pending }

// Outcome is what the loop does after the writer finished a batch.
type Outcome uint8

const (
	Wrote  Outcome = iota // the writer is free: a frame may be drawn
	Frozen                // a freeze stopped it: what is left waits
	Done                  // drop the client: it failed, or it was closing and all is written
)

// Written takes the writer's report of a batch, on the loop: err is how it
// failed, rest what a freeze kept it from writing.
func (l *Link) Written(err error, rest []Part) Outcome {
	l.busy = false
	switch {
	case l.Gone:
		return Frozen // nothing more happens on it
	case l.freeze.Stopped(err):
		l.pending = append(rest, l.pending...)
		for _, p := range rest {
			l.queued += len(p.B)
		}
		return Frozen
	case err != nil, l.Closing && len(l.pending) == 0:
		return Done
	}
	l.Flush()
	return Wrote
}

// RunWriter writes batches, in order, and posts each one's outcome to the
// loop as written(err, rest); it alone blocks on a slow client, so the loop
// and the other clients never wait for it. TTY is set before the first batch
// is sent, so the channel orders that write before these reads. It ends
// when the link is closed, writing the farewell last.
func (l *Link) RunWriter(post func(func()), written func(err error, rest []Part)) {
	for parts := range l.out {
		var err error
		var rest []Part // not written, when a freeze stopped the write
		for i, p := range parts {
			var n int
			if p.Terminal {
				n, err = l.TTY.Write(p.B)
			} else {
				n, err = l.Conn.Write(p.B)
			}
			if err != nil {
				if l.freeze.Stopped(err) {
					rest = append([]Part{{p.Terminal, p.B[n:]}}, parts[i+1:]...)
				}
				break
			}
		}
		post(func() { written(err, rest) })
	}
	if l.Farewell != nil {
		_, _ = l.TTY.Write(l.Farewell) // within the deadline Close set; a terminal gone is no matter
		l.TTY.Close()
	}
}

// FarewellWait bounds how long restoring a vanished client's terminal may
// take (a terminal stopped with C-s takes nothing).
const FarewellWait = time.Second

// Close ends the link: its readers stop, its connection (and a proxy's) is
// closed, and so is its terminal, at once, or after the writer has written
// farewell (a vanished client's terminal put right: keys typed from now on
// are the shell's).
func (l *Link) Close(farewell []byte) {
	l.Gone = true
	close(l.Stop)
	l.Conn.Close()
	if l.Via != nil {
		l.Via.Close() // the proxy, waiting on it, ends
	}
	if l.TTY != nil {
		if farewell == nil {
			l.TTY.Close()
		} else {
			now := time.Now()
			l.TTY.SetReadDeadline(now)
			l.TTY.SetWriteDeadline(now.Add(FarewellWait))
			l.Farewell = farewell
		}
	}
	close(l.out)
}
