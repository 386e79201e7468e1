package window

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gmux/gmux/server/sched"
	"github.com/gmux/gmux/server/userfile"
)

// Log writes what a window's program prints to a file (C-a H). By
// default escape sequences and carriage returns are removed, leaving the
// text; raw keeps every byte.
//
// A write that fails (a full disk, a file size limit) loses nothing at first:
// the text waits in memory, up to logBacklog (beyond it the oldest goes, and
// is counted), and writing is tried again every second. The displays and the
// server log hear once when writing fails and once when it resumes, with the
// bytes lost in between.
type Log struct {
	Path   string
	f      *os.File
	buf    []byte // logged, not yet written to the file
	raw    bool
	state  int // escape stripper state
	timer  bool
	failed error // the last write error, while writes fail
	lost   int   // bytes dropped from buf while writes failed

	LastOutput time.Time // when output last came, for time stamps (logstamp.go)
	stamped    bool      // the quiet since then has its stamp
	stampTimer bool      // a check for quiet is due
}

const (
	logBuffer  = 32 << 10 // written to the file once this much waits
	logBacklog = 4 << 20  // the most kept while the file cannot be written
	logRetry   = time.Second
)

const (
	logText = iota
	logEsc
	logCSI
	logString // OSC, DCS and friends, until BEL or ST
	logStringEsc
)

func OpenLog(path string, raw bool) (*Log, error) {
	f, err := userfile.Open(path, true)
	if err != nil {
		return nil, err
	}
	return &Log{Path: path, f: f, raw: raw}, nil
}

func (l *Log) write(data []byte) {
	if l.raw {
		l.buf = append(l.buf, data...)
		return
	}
	for _, b := range data {
		switch l.state {
		case logText:
			switch {
			case b == 0x1b:
				l.state = logEsc
			case b == '\n' || b == '\t' || b >= 0x20 && b != 0x7f:
				l.buf = append(l.buf, b)
			}
		case logEsc:
			switch b {
			case '[':
				l.state = logCSI
			case ']', 'P', 'X', '^', '_':
				l.state = logString
			default:
				if b >= 0x20 && b < 0x30 {
					continue // intermediate: the final byte follows
				}
				l.state = logText
			}
		case logCSI:
			if b >= 0x40 && b <= 0x7e {
				l.state = logText
			}
		case logString:
			if b == 0x07 {
				l.state = logText
			} else if b == 0x1b {
				l.state = logStringEsc
			}
		case logStringEsc:
			l.state = logText
			if b != '\\' {
				l.state = logString
			}
		}
	}
}

// Flush writes what waits; what cannot be written stays, within logBacklog.
func (l *Log) Flush() error {
	n, err := l.f.Write(l.buf)
	l.buf = append(l.buf[:0], l.buf[n:]...)
	if over := len(l.buf) - logBacklog; over > 0 {
		l.lost += over
		l.buf = append(l.buf[:0], l.buf[over:]...)
	}
	return err
}

func (l *Log) Close() error {
	err := l.Flush()
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// DefaultLogFlush is how long logged output may wait in memory (screen's
// "logfile flush", default 10 s here as there).
var DefaultLogFlush = 10 * time.Second

// Output appends program Output to the log of w, writes it once enough
// waits, and arranges a flush.
func (l *Log) Output(h Host, w *Window, data []byte) {
	l.stampOutput(h, w, time.Now())
	l.write(data)
	if len(l.buf) >= logBuffer && l.failed == nil {
		l.flushNow(h, w)
	}
	l.scheduleFlush(h, w)
}

// scheduleFlush arranges for the log of w to be written after the flush
// delay, or after logRetry while writes fail, unless that is arranged
// already.
func (l *Log) scheduleFlush(h Host, w *Window) {
	if l.timer {
		return
	}
	l.timer = true
	wait := h.Settings().LogFlush
	if l.failed != nil {
		wait = min(wait, logRetry)
	}
	h.After(sched.Key{Kind: sched.LogFlush, ID: w.ID}, wait, func() {
		l.timer = false
		if w.Log == l {
			l.flushNow(h, w)
		}
	})
}

// flushNow writes the log of w, and tells the displays when writing starts
// to fail or works again.
func (l *Log) flushNow(h Host, w *Window) {
	err := l.Flush()
	switch {
	case err != nil && l.failed == nil:
		l.failed = err
		h.Tell(fmt.Sprintf("Log of window %d: %v: keeping up to %d MB in memory until it can be written", w.Number, err, logBacklog>>20))
	case err == nil && l.failed != nil:
		l.failed = nil
		h.Tell(fmt.Sprintf("Log of window %d: writing again (%d bytes lost)", w.Number, l.lost))
		l.lost = 0
	}
	if l.failed != nil {
		l.scheduleFlush(h, w) // keeps the retry going
	}
}

// LogName is pattern (its ~ expanded by the caller) with its %-codes
// replaced. A title is
// what the window's program chose, so what is put in for a code stays one
// file name (fileNamePart): "../victim" or "~/x" as a title must not move
// the log onto another file of the user's (~/.bashrc).
func LogName(pattern string, number int, title, session string) string {
	r := strings.NewReplacer("%n", strconv.Itoa(number), "%t", fileNamePart(title), "%S", fileNamePart(session), "%%", "%")
	return r.Replace(pattern)
}

// fileNamePart is v made safe as part of one file name: no "/", no control
// characters, no leading "~", and never "", "." or "..".
func fileNamePart(v string) string {
	v = strings.Map(func(r rune) rune {
		if r == '/' || r < 0x20 || r == 0x7f {
			return '_'
		}
		return r
	}, v)
	if strings.HasPrefix(v, "~") {
		v = "_" + v[1:]
	}
	switch v {
	case "", ".", "..":
		v = strings.Repeat("_", max(len(v), 1))
	}
	return v
}

// HandOver is the log's file and the stripper's state, for a live upgrade.
func (l *Log) HandOver() (f *os.File, raw bool, state int) { return l.f, l.raw, l.state }

// AdoptLog is a log a live upgrade handed over (HandOver).
func AdoptLog(path string, f *os.File, raw bool, state int) *Log {
	return &Log{Path: path, f: f, raw: raw, state: state}
}
