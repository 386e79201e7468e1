package render

import (
	"github.com/gmux/gmux/server/layout"
	"github.com/gmux/gmux/server/vt"
)

// Layout is where things go on a display's terminal: the window's rows
// and the lines around them. It is computed in one place, here, for sizing
// windows, drawing frames and placing copy mode.
type Layout struct {
	Cols, Rows int
	Top        int // terminal row of the window's first row
	WinRows    int // rows the window shows
	StatusY    int // row of the hardstatus line, -1 for none
	CaptionY   int // row of the caption, -1 for none
	MessageY   int // row of the message or prompt, -1 for none
}

// LayoutScreen lays out a cols x rows terminal. A message covers the status
// line when there is one, else the window's last row (which the window keeps:
// it is not resized for a message).
func LayoutScreen(cols, rows int, status, statusTop, caption, message bool) Layout {
	l := Layout{Cols: cols, Rows: rows, WinRows: rows, StatusY: -1, CaptionY: -1, MessageY: -1}
	if status {
		l.WinRows--
		l.StatusY = rows - 1
		if statusTop {
			l.Top, l.StatusY = 1, 0
		}
	}
	if caption {
		l.WinRows--
		l.CaptionY = l.Top + l.WinRows
	}
	if message {
		l.MessageY = rows - 1
		if status && statusTop {
			l.MessageY = 0
		}
		if !status && !caption {
			l.WinRows--
		}
	}
	l.WinRows = max(l.WinRows, 0)
	return l
}

// RegionWindowSize is the size of a window shown in a region of r.
func RegionWindowSize(r layout.Rect) (int, int) { return max(r.W, 1), max(r.H-1, 1) }

// splitMouseModes are the input modes of a split display's terminal: with
// gmux taking the mouse, SGR reports of presses and drags (a border is
// dragged), or more if the focused program asked for more.
func splitMouseModes(m vt.Modes, own bool) vt.Modes {
	if own {
		m.Mouse, m.MouseEncoding = max(m.Mouse, 1002), 1006
	}
	return m
}
