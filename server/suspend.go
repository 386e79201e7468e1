package server

import (
	"bytes"
	"os"
	"strconv"
	"time"

	"github.com/gmux/gmux/proto"
)

// A client that is stopped (C-z, kill -STOP) or put in the background gives
// its terminal back to the shell. The server, which reads that terminal
// itself (terminal.go), must then stop reading it, or it would take the keys
// typed at the shell. A client that gets SIGTSTP says so first (a suspend
// frame) and waits until the server has stopped and restored the terminal;
// one stopped by SIGSTOP cannot, so the server also watches each directly
// attached client's process: stopped, or no longer the terminal's
// foreground process group, means suspended. On SIGCONT in the foreground
// the client sends resume and gets a full redraw.

// foregroundPoll is how often the server looks at a directly attached
// client's process. A key typed at the shell within this time of a SIGSTOP
// could still be read by the server; a shell takes about as long to print
// its "Stopped" and prompt.
const foregroundPoll = 100 * time.Millisecond

// suspend stops reading and drawing c's terminal and restores it for the
// shell; ack tells the client when that is done.
func (s *session) suspend(c *client, ack bool) {
	if c.attached && !c.suspended {
		c.suspended = true
		if c.tty != nil {
			c.tty.SetReadDeadline(time.Now())
		}
		s.send(c, proto.TypeOutput, c.r.fini())
		c.r.close()
		// The next renderer is made now, so that c.r is always usable; its
		// set-up goes out with the first frame after the resume.
		if r, err := newRenderer(c.hello.Term, c.hello.ColorTerm, c.hello.Locale, c.cols, c.rows); err == nil {
			c.r = r
		}
		s.log.Printf("client %d: suspended", c.id)
	}
	if ack {
		s.send(c, proto.TypeSuspend, nil)
	}
}

// resume takes c's terminal back at the given size, redrawn in full.
func (s *session) resume(c *client, cols, rows int) {
	if !c.attached {
		return
	}
	if c.suspended {
		c.suspended = false
		if c.tty != nil {
			c.tty.SetReadDeadline(time.Time{})
			select {
			case c.wake <- struct{}{}:
			default:
			}
		}
		s.log.Printf("client %d: resumed", c.id)
	}
	c.cols, c.rows = clampSize(cols, rows)
	c.r.resize(c.cols, c.rows)
	c.r.invalidate()
	s.touch(c)
	if c.win != nil {
		s.fitWindow(c.win)
	}
	s.markDirty(c)
}

// watchForeground suspends c when its process stops or leaves the
// terminal's foreground, until c is dropped.
func (s *session) watchForeground(c *client, pid int) {
	t := time.NewTicker(foregroundPoll)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
		}
		if inForeground(pid) {
			continue
		}
		s.post(func() {
			// Looked at again on the loop: a resume may have come meanwhile.
			if !c.suspended && !c.gone && !inForeground(pid) {
				s.suspend(c, false)
			}
		})
	}
}

// inForeground reports whether process pid runs and its process group is the
// foreground of its terminal (from /proc/PID/stat: state, pgrp, tpgid). A
// process that cannot be read is taken as in the foreground: it is gone, and
// its connection's end will say so.
func inForeground(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return true
	}
	f := bytes.Fields(b[i+1:])
	if len(f) < 6 {
		return true
	}
	if f[0][0] == 'T' || f[0][0] == 't' {
		return false
	}
	return string(f[2]) == string(f[5]) || string(f[5]) == "-1"
}
