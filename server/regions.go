package server

import (
	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/layout"
	"github.com/gmux/gmux/server/regions"
	"github.com/gmux/gmux/server/render"
	"github.com/gmux/gmux/server/settings"
	"github.com/gmux/gmux/server/window"
)

// A display split into regions (server/regions). A display never split has
// none, and its whole terminal is its window's. The focused region's window
// is c.win: input, commands and copy mode go there.

// regionArea is the part of c's terminal the regions share: all of it but
// the hardstatus line. Each region's last row is its caption.
func (c *client) regionArea() (top, cols, rows int) {
	s := c.s
	l := render.LayoutScreen(c.cols, c.rows, render.Lines{Status: s.set.Hardstatus != settings.StatusOff, StatusTop: s.set.Hardstatus == settings.StatusFirstLine})
	return l.Top, c.cols, max(l.WinRows, 1)
}

// focusRect is where c's focused region is.
func (c *client) focusRect() layout.Rect {
	r, _ := c.regs.Rect(c.regs.Focus())
	return r
}

// focusOrigin is the terminal cell of the focused region's top left.
func (c *client) focusOrigin() (x, y int) {
	top, _, _ := c.regionArea()
	r := c.focusRect()
	return r.X, top + r.Y + render.RegionWindowOffset(r, c.s.set.CaptionTop)
}

// split divides c's focused region in two; the new one is empty and the
// focus stays, as in screen.
func (c *client) split(s *session, dir layout.Dir) error {
	if c.regs == nil {
		_, cols, rows := c.regionArea()
		c.regs = regions.New(cols, rows, c.win)
	}
	if _, err := c.regs.Split(dir); err != nil {
		if c.regs.Len() == 1 {
			c.regs = nil
		}
		return err
	}
	c.regionsChanged(s)
	return nil
}

// focusRegion moves c's focus to region id.
func (c *client) focusRegion(s *session, id int) {
	if id == 0 || !c.regs.SetFocus(id) {
		return
	}
	if s.set.FocusMinW != 0 || s.set.FocusMinH != 0 {
		s.growFocused(c)
		defer c.regionsChanged(s)
	}
	w := c.regs.Window(id)
	if w != c.win && c.win != nil {
		c.other = c.win
	}
	c.win = w
	if c.copy != nil && c.copy.win != w {
		c.copy = nil
	}
	if w != nil {
		s.setLastWin(w)
		w.Seen(s.host())
	}
	s.autosaveLayout(c)
	c.markDirty(s)
}

// removeRegion takes c's focused region away; the last one left fills the
// display again, without regions.
func (c *client) removeRegion(s *session) error {
	if c.regs == nil {
		return layout.ErrLastRegion
	}
	if err := c.regs.RemoveFocused(); err != nil {
		return err
	}
	c.focusRegion(s, c.regs.Focus())
	c.regionsChanged(s)
	return nil
}

// onlyRegion keeps c's focused region alone.
func (c *client) onlyRegion(s *session) {
	if c.regs == nil {
		return
	}
	c.regs.Only()
	c.regionsChanged(s)
}

// regionsChanged refits every window c's regions show after their sizes
// changed, and ends the split when one region is left.
func (c *client) regionsChanged(s *session) {
	if c.regs != nil && c.regs.Len() == 1 {
		c.regs = nil
		if c.win == nil {
			s.selectWindow(c, c.fallbackWindow(s))
		}
	}
	s.autosaveLayout(c)
	for _, w := range s.windows {
		s.fitWindow(w)
	}
	if c.r != nil {
		c.r.Invalidate()
	}
	c.markDirty(s)
}

// fallbackWindow is the window a display shows when the region it is left
// with has none: the one it showed before, else the session's current.
func (c *client) fallbackWindow(s *session) *window.Window {
	if c.other != nil && !c.other.Removed {
		return c.other
	}
	if s.lastWin != nil {
		return s.lastWin
	}
	if len(s.windows) > 0 {
		return s.windows[0]
	}
	return nil
}

// resizeRegions fits c's regions to its terminal's new size.
func (c *client) resizeRegions(s *session) {
	if c.regs == nil {
		return
	}
	_, cols, rows := c.regionArea()
	c.regs.Resize(cols, rows)
	if c.regs.Focused() != c.win {
		c.focusRegion(s, c.regs.Focus())
	}
	c.regionsChanged(s) // every region's window takes its new size
}

// views are the places a window is shown, for its size (windowsize.go):
// each display that shows it, or each region of a display that does.
func (s *session) views(w *window.Window) []view {
	var out []view
	for c := range s.clients {
		if !c.attached {
			continue
		}
		if c.regs == nil {
			if c.win == w {
				cols, rows := c.windowSize()
				out = append(out, view{cols, rows, c.active})
			}
			continue
		}
		for _, r := range c.regs.Regions() {
			if c.regs.Window(r.ID) == w {
				cols, rows := render.RegionWindowSize(r.Rect)
				out = append(out, view{cols, rows, c.active})
			}
		}
	}
	return out
}

// shows reports whether c shows w, in its only or in any region.
func (c *client) shows(w *window.Window) bool {
	if c.regs == nil {
		return c.win == w
	}
	return c.regs.Shows(w)
}

// savedRegions is a display's regions in words (regions.Save). The session
// keeps the last display's, so that a display that attaches next gets the
// layout back (screen loses it); a live upgrade carries every display's.
type savedRegions = handover.Regions

// saveRegions describes c's regions, or nil when it is not split.
func (c *client) saveRegions() *savedRegions {
	if c.regs == nil {
		return nil
	}
	return c.regs.Save(windowID)
}

// restoreRegions gives c the regions sr describes, fitted to its terminal;
// windows gone since show nothing.
func (c *client) restoreRegions(s *session, sr *savedRegions) {
	_, cols, rows := c.regionArea()
	regs := regions.Restore(sr, cols, rows, s.windows.byID, c.win)
	if regs == nil {
		return
	}
	c.regs = regs
	c.win = regs.Focused()
	c.regionsChanged(s)
}
