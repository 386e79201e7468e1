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

// Lines says which lines a display shows around its window.
type Lines struct {
	Status, StatusTop   bool // a hardstatus line; on the first row instead of the last
	Caption, CaptionTop bool // a caption; above the window instead of under it
	Message             bool // a message or an open prompt
}

// LayoutScreen lays out a cols x rows terminal. A message covers the status
// line when there is one, else a caption under the window, else the window's
// last row (which the window keeps: it is not resized for a message).
func LayoutScreen(cols, rows int, ls Lines) Layout {
	l := Layout{Cols: cols, Rows: rows, WinRows: rows, StatusY: -1, CaptionY: -1, MessageY: -1}
	if ls.Status {
		l.WinRows--
		l.StatusY = rows - 1
		if ls.StatusTop {
			l.Top, l.StatusY = 1, 0
		}
	}
	if ls.Caption {
		l.WinRows--
		if ls.CaptionTop {
			l.CaptionY = l.Top
			l.Top++
		} else {
			l.CaptionY = l.Top + l.WinRows
		}
	}
	if ls.Message {
		l.MessageY = rows - 1
		if ls.Status && ls.StatusTop {
			l.MessageY = 0
		}
		if !ls.Status && (!ls.Caption || ls.CaptionTop) {
			l.WinRows--
		}
	}
	l.WinRows = max(l.WinRows, 0)
	return l
}

// RegionWindowSize is the size of a window shown in a region of r.
func RegionWindowSize(r layout.Rect) (int, int) { return max(r.W, 1), max(r.H-1, 1) }

// RegionWindowOffset is the row, in a region of r, where its window starts:
// under the caption when captions are on top (a region of one row has no
// caption).
func RegionWindowOffset(r layout.Rect, captionTop bool) int {
	if captionTop && r.H > 1 {
		return 1
	}
	return 0
}

// RegionCaptionY is the row of region r's caption (counted as r.Y is), or -1
// for a region of one row, which has none.
func RegionCaptionY(r layout.Rect, captionTop bool) int {
	switch {
	case r.H <= 1:
		return -1
	case captionTop:
		return r.Y
	}
	return r.Y + r.H - 1
}

// splitMouseModes are the input modes of a split display's terminal: with
// gmux taking the mouse, SGR reports of presses and drags (a border is
// dragged), or more if the focused program asked for more.
func splitMouseModes(m vt.Modes, own bool) vt.Modes {
	if own {
		m.Mouse, m.MouseEncoding = max(m.Mouse, 1002), 1006
	}
	return m
}
