package server

import (
	"strings"
	"time"

	"github.com/gmux/gmux/server/status"
	"github.com/gmux/gmux/server/window"
)

// Time stamps in window logs (screen's logtstamp): once a logged window has
// been quiet for LogStampAfter, a line with the time goes into its log, and
// when output comes again after twice that, another goes in before it, so
// a log read later shows when its program went quiet and when it spoke
// again. One timer per logged window, armed by output and not re-armed once
// the stamp is written: a quiet window costs no wake-ups.

// logStamp is the time stamp for w's log now.
func (s *session) logStamp(w *window.Window) string {
	format := s.set.LogStampFormat()
	// Expanded as a status line is, less its newlines (a status line has
	// none): each line of the format is expanded alone.
	lines := strings.Split(format, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = status.StripMarks(status.Expand(l, status.View{Cur: w, Cols: 1 << 12}, s.statusSource()))
		}
	}
	return strings.Join(lines, "\n")
}

// startLogStamps arms the quiet timers of the logged windows (logtstamp
// on, or a log opened): the quiet counts from now.
func (s *session) startLogStamps() {
	if !s.set.LogStamp {
		return
	}
	now := time.Now()
	for _, w := range s.windows {
		if w.Log != nil && w.Log.LastOutput.IsZero() {
			w.Log.LastOutput = now
			w.Log.ArmStamp(s.host(), w, s.set.LogStampQuiet())
		}
	}
}
