package main

import (
	"bytes"
	"os"
	"os/exec"
	"sync"
	"time"

	"github.com/creack/pty"
)

// client is a multiplexer client (or a shell, for "direct") in a 200x50 PTY
// whose output is drained as fast as it comes.
type client struct {
	cmd  *exec.Cmd
	pty  *os.File
	mu   sync.Mutex
	cond *sync.Cond
	seen []byte // everything since the last drain (bounded)
	done bool
}

func startClient(env []string, name string, args ...string) *client {
	cmd := exec.Command(name, args...)
	cmd.Env = env
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: cols, Rows: rows})
	if err != nil {
		panic(err)
	}
	c := &client{cmd: cmd, pty: f}
	c.cond = sync.NewCond(&c.mu)
	go c.read()
	return c
}

// startStalledClient attaches a client that is never read: its terminal's
// buffer fills and it blocks, as a frozen SSH connection would.
func startStalledClient(env []string, name string, args ...string) *client {
	cmd := exec.Command(name, args...)
	cmd.Env = env
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: cols, Rows: rows})
	if err != nil {
		panic(err)
	}
	time.Sleep(300 * time.Millisecond)
	return &client{cmd: cmd, pty: f}
}

func (c *client) read() {
	buf := make([]byte, 256<<10)
	for {
		n, err := c.pty.Read(buf)
		c.mu.Lock()
		if n > 0 {
			c.seen = append(c.seen, buf[:n]...)
			if len(c.seen) > 1<<20 {
				c.seen = append(c.seen[:0], c.seen[len(c.seen)-4096:]...)
			}
		}
		if err != nil {
			c.done = true
		}
		c.cond.Broadcast()
		c.mu.Unlock()
		if err != nil {
			return
		}
	}
}

func (c *client) pid() int { return c.cmd.Process.Pid }

func (c *client) send(s string) {
	if _, err := c.pty.Write([]byte(s)); err != nil {
		panic(err)
	}
}

func (c *client) typeLine(s string) { c.send(s + "\r") }

// drain forgets what was seen so far.
func (c *client) drain() {
	c.mu.Lock()
	c.seen = c.seen[:0]
	c.mu.Unlock()
}

// waitFor waits until marker appears in the output, then forgets the output.
func (c *client) waitFor(marker string, timeout time.Duration) {
	c.waitUntil(func(b []byte) int {
		if i := bytes.Index(b, []byte(marker)); i >= 0 {
			return i + len(marker)
		}
		return -1
	}, timeout, marker)
}

// waitByte waits for one byte of output.
func (c *client) waitByte(ch byte, timeout time.Duration) {
	c.waitUntil(func(b []byte) int {
		if i := bytes.IndexByte(b, ch); i >= 0 {
			return i + 1
		}
		return -1
	}, timeout, string(ch))
}

func (c *client) waitUntil(found func([]byte) int, timeout time.Duration, what string) {
	deadline := time.Now().Add(timeout)
	timer := time.AfterFunc(timeout, func() { c.mu.Lock(); c.cond.Broadcast(); c.mu.Unlock() })
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		if i := found(c.seen); i >= 0 {
			c.seen = append(c.seen[:0], c.seen[i:]...)
			return
		}
		if c.done || time.Now().After(deadline) {
			panic("timed out waiting for " + what)
		}
		c.cond.Wait()
	}
}

func (c *client) close() {
	c.cmd.Process.Kill()
	c.pty.Close()
	c.cmd.Wait()
}
