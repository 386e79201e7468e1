package window

import "time"

// NoteSyncOutput records when w's program opened a frame, after its output
// was shown.
func (w *Window) NoteSyncOutput(now time.Time) {
	switch {
	case !w.Screen.SyncOutput():
		w.SyncSince = time.Time{}
	case w.SyncSince.IsZero():
		w.SyncSince = now
	}
}
