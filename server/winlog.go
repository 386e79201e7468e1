package server

import (
	"fmt"
	"path/filepath"

	"github.com/gmux/gmux/server/window"
)

// logPath expands the logfile name for window w: %n number, %t title, %S
// session name, %% a percent sign; relative to the session's directory.
func (s *session) logPath(pattern string, w *window.Window) string {
	p := window.LogName(expandHome(pattern), w.Number, w.DisplayTitle(), s.opts.Name)
	if !filepath.IsAbs(p) {
		p = filepath.Join(s.set.Dir, p)
	}
	return p
}

// setLogging turns window w's log on or off.
func (s *session) setLogging(w *window.Window, on bool) (string, error) {
	if !on {
		if w.Log != nil {
			err := w.Log.Close()
			w.Log = nil
			if err != nil {
				return "", fmt.Errorf("logfile closed, but its last output was lost: %w", err)
			}
		}
		return "Logfile closed.", nil
	}
	if w.Log != nil {
		return "Logging already on: " + w.Log.Path, nil
	}
	l, err := window.OpenLog(s.logPath(s.set.LogFile, w), s.set.LogRaw)
	if err != nil {
		return "", err
	}
	w.Log = l
	s.startLogStamps()
	return "Creating logfile \"" + l.Path + "\".", nil
}
