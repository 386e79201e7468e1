package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gmux/gmux/server/sched"
	"github.com/gmux/gmux/server/userfile"
)

// windowLog writes what a window's program prints to a file (C-a H). By
// default escape sequences and carriage returns are removed, leaving the
// text; raw keeps every byte.
//
// A write that fails (a full disk, a file size limit) loses nothing at first:
// the text waits in memory, up to logBacklog (beyond it the oldest goes, and
// is counted), and writing is tried again every second. The displays and the
// server log hear once when writing fails and once when it resumes, with the
// bytes lost in between.
type windowLog struct {
	path   string
	f      *os.File
	buf    []byte // logged, not yet written to the file
	raw    bool
	state  int // escape stripper state
	timer  bool
	failed error // the last write error, while writes fail
	lost   int   // bytes dropped from buf while writes failed

	lastOutput time.Time // when output last came, for time stamps (logstamp.go)
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

func openWindowLog(path string, raw bool) (*windowLog, error) {
	f, err := userfile.Open(path, true)
	if err != nil {
		return nil, err
	}
	return &windowLog{path: path, f: f, raw: raw}, nil
}

func (l *windowLog) write(data []byte) {
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

// flush writes what waits; what cannot be written stays, within logBacklog.
func (l *windowLog) flush() error {
	n, err := l.f.Write(l.buf)
	l.buf = append(l.buf[:0], l.buf[n:]...)
	if over := len(l.buf) - logBacklog; over > 0 {
		l.lost += over
		l.buf = append(l.buf[:0], l.buf[over:]...)
	}
	return err
}

func (l *windowLog) close() error {
	err := l.flush()
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// defaultLogFlush is how long logged output may wait in memory (screen's
// "logfile flush", default 10 s here as there).
var defaultLogFlush = 10 * time.Second

// output appends program output to the log of w, writes it once enough
// waits, and arranges a flush.
func (l *windowLog) output(s *session, w *window, data []byte) {
	l.stampOutput(s, w, time.Now())
	l.write(data)
	if len(l.buf) >= logBuffer && l.failed == nil {
		l.flushNow(s, w)
	}
	l.scheduleFlush(s, w)
}

// scheduleFlush arranges for the log of w to be written after the flush
// delay, or after logRetry while writes fail, unless that is arranged
// already.
func (l *windowLog) scheduleFlush(s *session, w *window) {
	if l.timer {
		return
	}
	l.timer = true
	wait := s.set.LogFlush
	if l.failed != nil {
		wait = min(wait, logRetry)
	}
	s.after(sched.Key{Kind: sched.LogFlush, ID: w.ID}, wait, func() {
		l.timer = false
		if w.log == l {
			l.flushNow(s, w)
		}
	})
}

// flushNow writes the log of w, and tells the displays when writing starts
// to fail or works again.
func (l *windowLog) flushNow(s *session, w *window) {
	err := l.flush()
	switch {
	case err != nil && l.failed == nil:
		l.failed = err
		s.tellAll(fmt.Sprintf("Log of window %d: %v: keeping up to %d MB in memory until it can be written", w.Number, err, logBacklog>>20))
	case err == nil && l.failed != nil:
		l.failed = nil
		s.tellAll(fmt.Sprintf("Log of window %d: writing again (%d bytes lost)", w.Number, l.lost))
		l.lost = 0
	}
	if l.failed != nil {
		l.scheduleFlush(s, w) // keeps the retry going
	}
}

// logPath expands the logfile name for window w: %n number, %t title, %S
// session name, %% a percent sign; relative to the session's directory.
func (s *session) logPath(pattern string, w *window) string {
	p := logName(pattern, w.Number, w.displayTitle(), s.opts.Name)
	if !filepath.IsAbs(p) {
		p = filepath.Join(s.set.Dir, p)
	}
	return p
}

// logName is pattern with ~ expanded and its %-codes replaced. A title is
// what the window's program chose, so what is put in for a code stays one
// file name (fileNamePart): "../victim" or "~/x" as a title must not move
// the log onto another file of the user's (~/.bashrc).
func logName(pattern string, number int, title, session string) string {
	r := strings.NewReplacer("%n", strconv.Itoa(number), "%t", fileNamePart(title), "%S", fileNamePart(session), "%%", "%")
	return r.Replace(expandHome(pattern))
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

// setLogging turns window w's log on or off.
func (s *session) setLogging(w *window, on bool) (string, error) {
	if !on {
		if w.log != nil {
			err := w.log.close()
			w.log = nil
			if err != nil {
				return "", fmt.Errorf("logfile closed, but its last output was lost: %w", err)
			}
		}
		return "Logfile closed.", nil
	}
	if w.log != nil {
		return "Logging already on: " + w.log.path, nil
	}
	l, err := openWindowLog(s.logPath(s.set.LogFile, w), s.set.LogRaw)
	if err != nil {
		return "", err
	}
	w.log = l
	s.startLogStamps()
	return "Creating logfile \"" + l.path + "\".", nil
}
