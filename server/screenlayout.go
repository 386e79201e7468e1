package server

// screenLayout is where things go on a display's terminal: the window's rows
// and the lines around them. It is computed in one place, here, for sizing
// windows, drawing frames and placing copy mode.
type screenLayout struct {
	cols, rows int
	top        int // terminal row of the window's first row
	winRows    int // rows the window shows
	statusY    int // row of the hardstatus line, -1 for none
	captionY   int // row of the caption, -1 for none
	messageY   int // row of the message or prompt, -1 for none
}

// layoutScreen lays out a cols x rows terminal. A message covers the status
// line when there is one, else the window's last row (which the window keeps:
// it is not resized for a message).
func layoutScreen(cols, rows int, status, statusTop, caption, message bool) screenLayout {
	l := screenLayout{cols: cols, rows: rows, winRows: rows, statusY: -1, captionY: -1, messageY: -1}
	if status {
		l.winRows--
		l.statusY = rows - 1
		if statusTop {
			l.top, l.statusY = 1, 0
		}
	}
	if caption {
		l.winRows--
		l.captionY = l.top + l.winRows
	}
	if message {
		l.messageY = rows - 1
		if status && statusTop {
			l.messageY = 0
		}
		if !status && !caption {
			l.winRows--
		}
	}
	l.winRows = max(l.winRows, 0)
	return l
}

// layout returns c's screen layout without a message: what sizes its window.
func (c *client) layout() screenLayout {
	s := c.s
	return layoutScreen(c.cols, c.rows, s.set.Hardstatus != statusOff, s.set.Hardstatus == statusFirstLine, s.set.Caption, false)
}
