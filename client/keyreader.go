package client

import (
	"os"
	"sync"

	"golang.org/x/sys/unix"
)

// keyReader reads the terminal for a remote attach, and can be paused: while
// ssh asks for a password on the same terminal, the keys are ssh's. A plain
// blocking read could not be paused — it would take the first key typed — so
// it waits in poll(2) on the terminal and a wake-up pipe, and reads only what
// poll says is there. Idle, it makes no wake-ups.
type keyReader struct {
	fd     int
	wakeR  *os.File
	wakeW  *os.File
	keys   chan []byte // closed when the terminal closes
	mu     sync.Mutex
	paused bool
	resume chan struct{}
	// direct takes keys first, from this goroutine; what it declines goes
	// to keys.
	direct func([]byte) bool
}

func newKeyReader(in *os.File, direct func([]byte) bool) (*keyReader, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	k := &keyReader{fd: int(in.Fd()), wakeR: r, wakeW: w, keys: make(chan []byte), resume: make(chan struct{}), direct: direct}
	go k.run()
	return k, nil
}

func (k *keyReader) run() {
	defer close(k.keys)
	buf := make([]byte, 32<<10)
	for {
		fds := []unix.PollFd{{Fd: int32(k.fd), Events: unix.POLLIN}, {Fd: int32(k.wakeR.Fd()), Events: unix.POLLIN}}
		if _, err := unix.Poll(fds, -1); err != nil {
			if err == unix.EINTR {
				continue
			}
			return
		}
		if fds[1].Revents != 0 {
			var b [64]byte
			if n, _ := k.wakeR.Read(b[:]); n == 0 {
				return // stopped: the pipe's writer is closed
			}
			k.mu.Lock()
			paused, resume := k.paused, k.resume
			k.mu.Unlock()
			if paused {
				<-resume
			}
			continue
		}
		if fds[0].Revents == 0 {
			continue
		}
		n, err := unix.Read(k.fd, buf)
		if err == unix.EINTR || err == unix.EAGAIN {
			continue
		}
		if n <= 0 {
			return // the terminal hung up
		}
		b := append([]byte(nil), buf[:n]...)
		if k.direct == nil || !k.direct(b) {
			k.keys <- b
		}
	}
}

// pause stops reading until resumed; keys already read may still arrive.
func (k *keyReader) pause() {
	k.mu.Lock()
	k.paused = true
	k.mu.Unlock()
	k.wakeW.Write([]byte{0})
}

func (k *keyReader) unpause() {
	k.mu.Lock()
	if k.paused {
		k.paused = false
		close(k.resume)
		k.resume = make(chan struct{})
	}
	k.mu.Unlock()
}

// stop ends the reader (after the loop stops taking keys, it may be left
// blocked handing one over; the process is ending then).
func (k *keyReader) stop() {
	k.unpause()
	k.wakeW.Close()
}
