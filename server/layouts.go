package server

import (
	"fmt"
	"sort"
	"strings"
)

// Named layouts (screen's layout command): arrangements of regions kept in
// the session, numbered and titled, that a display switches between. A
// display's current layout follows its regions as they change (autosave,
// on by default); layout save copies them in by hand.

// namedLayout is one layout: its regions (nil: one region, unsplit) and,
// for a single region, the window it shows.
type namedLayout struct {
	number  int
	title   string
	regions *savedRegions
	window  int // the window of an unsplit layout (id)
}

// layoutSet is the session's layouts.
type layoutSet struct {
	list     []*namedLayout // by number
	noSave   bool           // layout autosave off
	attachTo *namedLayout   // what a display that attaches starts with (layout attach); nil: the last used
	last     *namedLayout   // the layout last used by a display
}

func (ls *layoutSet) byNumber(n int) *namedLayout {
	for _, l := range ls.list {
		if l.number == n {
			return l
		}
	}
	return nil
}

// find looks a layout up by number or title.
func (ls *layoutSet) find(key string) *namedLayout {
	var n int
	if _, err := fmt.Sscanf(key, "%d", &n); err == nil && fmt.Sprint(n) == key {
		return ls.byNumber(n)
	}
	for _, l := range ls.list {
		if l.title == key {
			return l
		}
	}
	return nil
}

// add makes a new layout with the lowest free number.
func (ls *layoutSet) add(title string) *namedLayout {
	n := 0
	for ls.byNumber(n) != nil {
		n++
	}
	if title == "" {
		title = fmt.Sprint(n)
	}
	l := &namedLayout{number: n, title: title}
	ls.list = append(ls.list, l)
	sortLayouts(ls)
	return l
}

func sortLayouts(ls *layoutSet) {
	sort.Slice(ls.list, func(i, j int) bool { return ls.list[i].number < ls.list[j].number })
}

func (ls *layoutSet) remove(l *namedLayout) {
	for i, o := range ls.list {
		if o == l {
			ls.list = append(ls.list[:i], ls.list[i+1:]...)
			break
		}
	}
	if ls.attachTo == l {
		ls.attachTo = nil
	}
	if ls.last == l {
		ls.last = nil
	}
}

// step returns the layout d places after l, wrapping.
func (ls *layoutSet) step(l *namedLayout, d int) *namedLayout {
	for i, o := range ls.list {
		if o == l {
			return ls.list[(i+d+len(ls.list))%len(ls.list)]
		}
	}
	if len(ls.list) > 0 {
		return ls.list[0]
	}
	return nil
}

// show lists the layouts as screen's layout show does: the current one
// marked with *.
func (ls *layoutSet) show(cur *namedLayout) string {
	var parts []string
	for _, l := range ls.list {
		mark := ""
		if l == cur {
			mark = "*"
		}
		parts = append(parts, fmt.Sprintf("%d%s %s", l.number, mark, l.title))
	}
	if len(parts) == 0 {
		return "No layouts defined"
	}
	return strings.Join(parts, "  ")
}

// saveLayout records c's regions in l.
func (s *session) saveLayout(c *client, l *namedLayout) {
	l.regions = c.saveRegions()
	l.window = windowID(c.win)
}

// autosaveLayout keeps c's current layout up to date, unless autosave is
// off; it runs whenever c's regions or their windows change.
func (s *session) autosaveLayout(c *client) {
	if c.named != nil && !s.layouts.noSave {
		s.saveLayout(c, c.named)
	}
}

// selectLayout switches c to layout l.
func (s *session) selectLayout(c *client, l *namedLayout) {
	s.autosaveLayout(c)
	c.named = l
	s.layouts.last = l
	if l.regions != nil {
		c.restoreRegions(s, l.regions)
		return
	}
	c.regs = nil
	w := s.windows.byID(l.window)
	if w == nil {
		w = c.win
	}
	if w == nil {
		w = c.fallbackWindow(s)
	}
	c.regionsChanged(s)
	if w != nil {
		s.selectWindow(c, w)
	}
}

// layoutOnAttach gives a display that attaches its layout: the one layout
// attach names, else the layout the last display used (its regions as it
// left them).
func (s *session) layoutOnAttach(c *client) {
	if l := s.layouts.attachTo; l != nil {
		s.selectLayout(c, l)
		return
	}
	c.named = s.layouts.last
	c.restoreRegions(s, s.lastRegions)
}
