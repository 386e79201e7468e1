package server

import (
	"bytes"
	"strconv"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/render"
)

// A client that is stopped (C-z, kill -STOP) or put in the background gives
// its terminal back to the shell. The server, which reads that terminal
// itself (terminal.go), must then stop reading it, or it would take the keys
// typed at the shell. A client that gets SIGTSTP says so first (a suspend
// frame) and waits until the server has stopped and restored the terminal.
// One stopped by SIGSTOP cannot: so before the server passes on keys read
// from a client's terminal, it looks at the client's process (one pread of
// /proc/PID/stat, on the reader goroutine, ~2 µs): stopped, or no longer the
// terminal's foreground process group, means suspended, and those keys,
// typed at the shell, are dropped rather than given to a program of the
// session. The first key typed at the shell after a SIGSTOP is so lost; the
// alternative, polling every client's process, would wake an idle server
// ten times a second. On SIGCONT in the foreground the client sends resume
// and gets a full redraw.

// How the client hears of a suspend.
type suspendNotice int

const (
	suspendQuiet  suspendNotice = iota // it is stopped already and cannot hear
	suspendTell                        // the server's own (C-a z): the client stops when told
	suspendAnswer                      // the client asked (SIGTSTP) and waits for the answer
)

// suspend stops reading and drawing c's terminal and restores it for the
// shell, then tells the client as notice says.
func (s *session) suspend(c *client, notice suspendNotice) {
	if c.attached && !c.suspended {
		c.suspended = true
		s.letGo(c)
		c.r.Close()
		// The next renderer is made now, so that c.r is always usable; its
		// set-up goes out with the first frame after the resume.
		if r, err := render.New(c.hello.Term, c.hello.ColorTerm, c.hello.Locale, c.cols, c.rows); err == nil {
			c.r = r
			c.r.SetTruecolor(c.truecolorFor(s))
		}
		s.log.Printf("client %d: suspended", c.id)
	}
	switch notice {
	case suspendTell:
		s.send(c, proto.TypeSuspend, nil)
	case suspendAnswer:
		s.send(c, proto.TypeSuspend, proto.SuspendAnswer)
	}
}

// resume takes c's terminal back; the resize that comes with it redraws in
// full.
func (s *session) resume(c *client) {
	if !c.suspended {
		return
	}
	c.suspended = false
	if c.TTY != nil {
		c.TTY.SetReadDeadline(time.Time{})
		select {
		case c.Wake <- struct{}{}:
		default:
		}
	}
	s.log.Printf("client %d: resumed", c.id)
}

// statInForeground reads a /proc/PID/stat line: false when the process is
// stopped, or when the terminal major:min is its controlling terminal and
// its process group is not that terminal's foreground. It allocates nothing:
// it runs on every keystroke (splitting the line into fields was a third of
// the look's cost).
func statInForeground(b []byte, major, min uint32) bool {
	i := bytes.LastIndexByte(b, ')') // the command name may hold anything
	if i < 0 {
		return true
	}
	// After the name: state, ppid, pgrp, session, tty_nr, tpgid.
	var f [6][]byte
	rest := b[i+1:]
	for k := range f {
		rest = bytes.TrimLeft(rest, " ")
		end := bytes.IndexAny(rest, " \n")
		if end < 0 {
			end = len(rest)
		}
		if end == 0 {
			return true
		}
		f[k], rest = rest[:end], rest[end:]
	}
	if f[0][0] == 'T' || f[0][0] == 't' {
		return false
	}
	// tty_nr: major in bits 8-15, minor in bits 0-7 and 20-31.
	nr, err := strconv.ParseUint(string(f[4]), 10, 32) // the string stays on the stack: no allocation
	if err != nil || uint32(nr>>8)&0xfff != major || uint32(nr&0xff)|uint32(nr>>12)&0xfff00 != min {
		return true // not its controlling terminal: its foreground says nothing of this one
	}
	return bytes.Equal(f[2], f[5]) || string(f[5]) == "-1"
}
