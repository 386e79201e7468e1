package server

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// windowLog writes what a window's program prints to a file (C-a H). By
// default escape sequences and carriage returns are removed, leaving the
// text; raw keeps every byte.
type windowLog struct {
	path  string
	f     *os.File
	buf   *bufio.Writer
	raw   bool
	state int // escape stripper state
	timer bool
}

const (
	logText = iota
	logEsc
	logCSI
	logString // OSC, DCS and friends, until BEL or ST
	logStringEsc
)

func openWindowLog(path string, raw bool) (*windowLog, error) {
	f, err := openUserFile(path, true)
	if err != nil {
		return nil, err
	}
	return &windowLog{path: path, f: f, buf: bufio.NewWriterSize(f, 32<<10), raw: raw}, nil
}

func (l *windowLog) write(data []byte) {
	if l.raw {
		l.buf.Write(data)
		return
	}
	for _, b := range data {
		switch l.state {
		case logText:
			switch {
			case b == 0x1b:
				l.state = logEsc
			case b == '\n' || b == '\t' || b >= 0x20 && b != 0x7f:
				l.buf.WriteByte(b)
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

func (l *windowLog) flush() { l.buf.Flush() }

func (l *windowLog) close() {
	l.buf.Flush()
	l.f.Close()
}

// defaultLogFlush is how long logged output may wait in memory (screen's
// "logfile flush", default 10 s here as there).
var defaultLogFlush = 10 * time.Second

// logOutput appends program output to w's log and arranges a flush.
func (s *session) logOutput(w *window, data []byte) {
	l := w.log
	l.write(data)
	if !l.timer {
		l.timer = true
		time.AfterFunc(s.logFlush, func() {
			s.post(func() {
				l.timer = false
				l.flush()
			})
		})
	}
}

// logPath expands the logfile name for window w: %n number, %t title, %S
// session name, %% a percent sign; relative to the session's directory.
func (s *session) logPath(pattern string, w *window) string {
	r := strings.NewReplacer("%n", strconv.Itoa(w.number), "%t", w.displayTitle(), "%S", s.opts.Name, "%%", "%")
	p := expandHome(r.Replace(pattern))
	if !filepath.IsAbs(p) {
		p = filepath.Join(s.opts.Dir, p)
	}
	return p
}

// setLogging turns window w's log on or off.
func (s *session) setLogging(w *window, on bool) (string, error) {
	if !on {
		if w.log != nil {
			w.log.close()
			w.log = nil
		}
		return "Logfile closed.", nil
	}
	if w.log != nil {
		return "Logging already on: " + w.log.path, nil
	}
	l, err := openWindowLog(s.logPath(s.logFile, w), s.logRaw)
	if err != nil {
		return "", err
	}
	w.log = l
	return "Creating logfile \"" + l.path + "\".", nil
}
