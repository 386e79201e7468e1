package server

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"github.com/gmux/gmux/server/sched"
	"github.com/gmux/gmux/server/settings"
	"github.com/gmux/gmux/server/status"
)

// barsTick is how often the bars must be redrawn: as the time they show
// changes, as their backtick commands ask (autorefresh); 0 when never, so
// that an idle session never wakes.
func (s *session) barsTick(format string) time.Duration {
	var step time.Duration
	shorter := func(d time.Duration) {
		if d > 0 && (step == 0 || d < step) {
			step = d
		}
	}
	if strings.Contains(format, "%s") {
		shorter(time.Second)
	}
	for _, e := range []string{"%c", "%C", "%0c", "%0C"} {
		if strings.Contains(format, e) {
			shorter(time.Minute)
		}
	}
	for id, b := range s.backticks {
		if strings.Contains(format, "%"+strconv.Itoa(id)+"`") || id == 0 && strings.Contains(format, "%`") {
			shorter(b.refresh)
		}
	}
	return step
}

// bars returns the caption and hardstatus text for client c ("" when off).
func (s *session) bars(c *client) (caption, hardstatus string) {
	cols := c.cols
	v := status.View{Cur: c.win, Other: c.other, Cols: cols, Focus: true, CopyMode: c.copy != nil, Escaped: c.prefix}
	// A bar that is on takes its row even while it says nothing (a backtick
	// not answered yet): the window was sized for it (c.layout), and a
	// frame laid out without it would leave a row of dots. A zero-width
	// marker keeps it "on" for the renderer, which takes "" for off.
	if s.set.Caption {
		caption = cmp.Or(status.Expand(s.set.CaptionFormat, v, s.statusSource()), status.BarStyle.Mark())
	}
	if s.set.Hardstatus != settings.StatusOff {
		hardstatus = cmp.Or(status.Expand(s.set.HardstatusFormat, v, s.statusSource()), status.BarStyle.Mark())
	}
	return caption, hardstatus
}

// tickClock redraws status lines that show the time, each time it changes,
// and stops when none does.
func (s *session) tickClock() {
	step := s.barsTick(s.set.CaptionIfOn() + s.set.HardstatusIfOn())
	if step == 0 || s.attachedCount() == 0 {
		return
	}
	for c := range s.clients {
		if c.attached {
			c.markDirty(s)
		}
	}
	wait := time.Until(time.Now().Truncate(step).Add(step))
	s.after(sched.Key{Kind: sched.StatusClock}, wait, s.tickClock)
}

// startClock starts tickClock unless it runs.
func (s *session) startClock() {
	if !s.deadlines.Pending(sched.Key{Kind: sched.StatusClock}) {
		s.tickClock()
	}
}

// redrawIfBarsShowEscape redraws c's bars when they test %E, which the
// command key just turned on or off.
func (s *session) redrawIfBarsShowEscape(c *client) {
	if strings.Contains(s.set.CaptionIfOn()+s.set.HardstatusIfOn(), "%E") {
		c.markDirty(s)
	}
}
