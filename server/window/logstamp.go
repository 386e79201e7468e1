package window

import (
	"time"

	"github.com/gmux/gmux/server/sched"
)

// stampOutput is called before output goes into the log of w: after a
// long quiet, the stamp goes first; and the quiet timer is armed.
func (l *Log) stampOutput(h Host, w *Window, now time.Time) {
	if !h.Settings().LogStamp {
		return
	}
	if !l.LastOutput.IsZero() && now.Sub(l.LastOutput) >= 2*h.Settings().LogStampQuiet {
		l.buf = append(l.buf, h.Stamp(w)...)
	}
	l.LastOutput, l.stamped = now, false
	l.ArmStamp(h, w, h.Settings().LogStampQuiet)
}

// ArmStamp checks the log of w for quiet after wait, unless a check is
// due.
func (l *Log) ArmStamp(h Host, w *Window, wait time.Duration) {
	if l.stampTimer {
		return
	}
	l.stampTimer = true
	h.After(sched.Key{Kind: sched.LogStamp, ID: w.ID}, wait, func() {
		l.stampTimer = false
		if w.Log != l || !h.Settings().LogStamp || l.stamped {
			return
		}
		quiet := time.Since(l.LastOutput)
		if left := h.Settings().LogStampQuiet - quiet; left > 0 {
			l.ArmStamp(h, w, left)
			return
		}
		l.buf = append(l.buf, h.Stamp(w)...)
		l.stamped = true
		l.scheduleFlush(h, w)
	})
}
