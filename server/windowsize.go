package server

import "github.com/gmux/gmux/server/settings"

// How a window shown on several displays at once (gmux -x) is sized: one
// function of the displays and the policy (windowsize, tmux's window-size).
// Whatever the size, a display smaller than the window shows the part around
// the cursor, and one larger shows dots where the window is not
// (render.go): nobody types blind, and nobody takes the rest for a blank
// screen.

// view is one place a window is shown: a display, or a region of one
// (regions.go), with its size and its display's last activity.
type view struct {
	cols, rows int
	active     uint64
}

// fitSize is the size a window takes in the views that show it (at least
// one), and false when the policy leaves it as it is.
func fitSize(set *settings.Settings, shown []view) (int, int, bool) {
	if set.WindowSize == settings.WindowManual {
		return 0, 0, false
	}
	latest := shown[0]
	cols, rows := latest.cols, latest.rows
	for _, v := range shown[1:] {
		switch set.WindowSize {
		case settings.WindowSmallest:
			cols, rows = min(cols, v.cols), min(rows, v.rows)
		case settings.WindowLargest:
			cols, rows = max(cols, v.cols), max(rows, v.rows)
		case settings.WindowLatest:
			if v.active > latest.active {
				latest, cols, rows = v, v.cols, v.rows
			}
		}
	}
	return cols, rows, true
}
