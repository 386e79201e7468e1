package server

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gmux/gmux/server/sched"
	"github.com/gmux/gmux/server/settings"
	"github.com/gmux/gmux/server/statusline"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
)

// defaultStatusFormat shows the session, the windows with the current one
// marked, the host and the time.
const defaultStatusFormat = "[%S] %-w%n*%t%+w %=%H %c"

// statusView is what a status format is expanded for: the window it is
// about, the display's previous window and width, and the display's state
// that %F, %P and %E test.
type statusView struct {
	cur, other *window.Window
	cols       int
	focus      bool // %F: the window is the one the display shows
	copyMode   bool // %P
	escaped    bool // %E: the command key was typed, its command not yet
}

// expandStatus expands a screen-style status format (screen's string
// escapes): %w all windows (with their flags), %-w those before the current
// one, %+w those after, %W all but the current one, %n and %t the current
// one's number and title, %f its flags, %x and %X its command with and
// without arguments, %S the session name, %H the host, %l the load, %c the
// time (24h), %C (12h), %a am/pm (%A AM/PM), %s seconds, %d %m %y %Y the
// date, %M the month name, %D weekday (%LM, %LD long), %N` a backtick
// command's output, %% a percent sign; %F, %P, %E expand to nothing but make
// a conditional true when the window has the focus, the display is in copy
// mode, the command key is pending; %?...%:...%? is the text before %: when
// an escape in it expanded to something, else the text after it;
// %{...} sets colours and attributes (server/statusline/marks.go); %=, %N=, %N< and
// %N> fill, pad, truncate and mark (the statusline package).
func (s *session) expandStatus(format string, v statusView) string {
	cur := v.cur
	line := statusline.New(v.cols, vt.TextWidth)
	now := time.Now()
	style, styles := barStyle, []statusStyle(nil) // %{...}, and what %{-} returns to
	// An open %? conditional (screen's do not nest): where its text began,
	// whether an escape in it expanded to something, which part it is in.
	var cond struct {
		open, hit, inElse, skipping bool
		start                       int
	}
	put := func(text string, escape bool) {
		if escape && text != "" && cond.open {
			cond.hit = true
		}
		if !cond.skipping {
			line.Text(text)
		}
	}
	test := func(ok bool) {
		if ok && cond.open {
			cond.hit = true
		}
	}
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if ch != '%' || i+1 >= len(format) {
			j := i + 1
			for j < len(format) && format[j] != '%' {
				j++
			}
			put(format[i:j], false)
			i = j - 1
			continue
		}
		i++
		// Qualifiers, as screen's: - or + (before, after; for pads, from
		// the right edge), 0 (absolute column, zero fill), a number (a
		// width, a percentage, a backtick's id), L (the long form).
		var minus, plus, zero, long bool
		num := -1
		for ; i+1 < len(format); i++ {
			switch c := format[i]; {
			case c == '-':
				minus = true
			case c == '+':
				plus = true
			case c == '0' && num < 0:
				zero = true
			case c >= '0' && c <= '9':
				num = max(num, 0)*10 + int(c-'0')
			case c == 'L':
				long = true
			default:
				goto qualified
			}
		}
	qualified:
		mod := byte(0)
		if minus {
			mod = '-'
		} else if plus {
			mod = '+'
		}
		switch format[i] {
		case 'w', 'W':
			if format[i] == 'W' {
				mod = 'W'
			}
			for _, e := range s.windowEntries(cur, v.other, mod, long) {
				// The separator keeps the line's style; the entry takes
				// the rendition's, if any, then the line's comes back. The
				// entry is tagged with its window (statusclick.go).
				if cond.skipping || e.w == nil { // e.w nil: the separator after %-w
					put(e.text, true)
					continue
				}
				text := strings.TrimLeft(e.text, " ")
				put(e.text[:len(e.text)-len(text)], false)
				line.Style(statusline.WindowTag(e.w.Number))
				if spec := s.rendition(e.w); spec != "" {
					line.Style(applyStatusStyle(style, spec).Mark())
					put(text, true)
					line.Style(style.Mark())
				} else {
					put(text, true)
				}
				line.Style(statusline.WindowTagEnd)
			}
		case 'n':
			if cur != nil {
				put(fmt.Sprintf("%*d", max(num, 0), cur.Number), true)
			}
		case 't':
			if cur != nil {
				put(cur.DisplayTitle(), true)
			}
		case 'f':
			if cur != nil {
				// The window's own flags, less the * that says it is
				// current (as screen 4.9: "%n%f %t" is "4 vim").
				put(windowFlags(cur, nil, nil), true)
			}
		case 'x', 'X':
			if cur != nil && len(cur.Argv) > 0 {
				if format[i] == 'X' {
					put(cur.Argv[0], true)
				} else {
					put(strings.Join(cur.Argv, " "), true)
				}
			}
		case 'F':
			test(v.focus)
		case 'P':
			test(v.copyMode)
		case 'E':
			test(v.escaped)
		case '`':
			put(s.backticks.value(s, max(num, 0)), true)
		case 'S':
			put(s.opts.Name, true)
		case 'H':
			put(hostname(), true)
		case 'l':
			put(loadAvg(), true)
		case 'c', 'C':
			h := now.Hour()
			if format[i] == 'C' {
				h = (h+11)%12 + 1
			}
			clock := "%2d:%02d" // screen fills the hour with a space, or with 0 (%0c)
			if zero {
				clock = "%02d:%02d"
			}
			put(fmt.Sprintf(clock, h, now.Minute()), true)
		case 'a':
			put(now.Format("pm"), true)
		case 'A':
			put(now.Format("PM"), true)
		case 's':
			put(now.Format("05"), true)
		case 'd':
			put(now.Format("02"), true)
		case 'm':
			put(now.Format("01"), true)
		case 'M':
			if long {
				put(now.Format("January"), true)
			} else {
				put(now.Format("Jan"), true)
			}
		case 'y':
			put(now.Format("06"), true)
		case 'Y':
			put(now.Format("2006"), true)
		case 'D':
			if long {
				put(now.Format("Monday"), true)
			} else {
				put(now.Format("Mon"), true)
			}
		case '=':
			if cond.skipping {
				break
			}
			switch {
			case num < 0 && long:
				// %L=: as screen's, a pad to column 0 that keeps what
				// is past it: the fills before it get their one cell, and
				// the ones after it share the rest.
				line.PadTo(0, true)
			case num < 0:
				line.Fill() // %= %-=: as GNU screen 4.9, a fill without a number
			default:
				line.PadTo(line.Column(num, zero, minus, plus), long)
			}
		case '<':
			if !cond.skipping {
				if num < 0 {
					num = 100
				}
				line.TruncateAt(line.Column(num, zero, minus, plus))
			}
		case '>':
			if !cond.skipping {
				line.Mark(max(num, 0), long)
			}
		case 'h':
			put(s.windowHstatus(cur), true)
		case 'u':
			// Other users on the window: none, gmux has one user.
		case '%':
			put("%", false)
		case '?':
			switch {
			case !cond.open:
				cond.open, cond.hit, cond.inElse, cond.skipping = true, false, false, false
				cond.start = line.Len()
			case !cond.inElse && !cond.hit:
				line.CutTo(cond.start) // nothing in it expanded: it shows nothing
				cond.open = false
			default:
				cond.open, cond.skipping = false, false
			}
		case ':':
			if cond.open && !cond.inElse {
				cond.inElse = true
				if cond.hit {
					cond.skipping = true // the first part stays; the other goes
				} else {
					line.CutTo(cond.start)
				}
			}
		case '{':
			j := strings.IndexByte(format[i:], '}')
			if j < 0 {
				break
			}
			spec := format[i+1 : i+j]
			i += j
			if strings.TrimSpace(spec) == "-" {
				if len(styles) > 0 {
					style, styles = styles[len(styles)-1], styles[:len(styles)-1]
				}
			} else {
				styles = append(styles, style)
				style = applyStatusStyle(style, spec)
			}
			if !cond.skipping {
				line.Style(style.Mark())
			}
		}
	}
	return line.String()
}

// windowFlags are screen's marks after a window's number: * the current
// window, - the previous one, (L) logged, Z dead (zombie).
func windowFlags(w, cur, other *window.Window) string {
	f := ""
	if w == cur {
		f += "*"
	}
	if w == other && w != cur {
		f += "-"
	}
	if w.Bell {
		f += "!"
	}
	if w.Activity {
		f += "@"
	}
	if w.Silent {
		f += "~"
	}
	if w.Log != nil {
		f += "(L)"
	}
	if w.Exited {
		f += "Z"
	}
	return f
}

// windowEntry is one window in a list of windows (%w, %W, windows): its
// text, with the separator before it.
type windowEntry struct {
	w    *window.Window
	text string
}

// windowEntries lists windows as "0 bash  1* vim": all (mod 0), those
// before cur ('-') or after it ('+'), or all but cur ('W'); in the full
// list, or the long form of the others (%-Lw), each number carries screen's
// flags (windowFlags).
func (s *session) windowEntries(cur, other *window.Window, mod byte, long bool) []windowEntry {
	var list []windowEntry
	for _, w := range s.windows {
		switch {
		case mod == '-' && (cur == nil || w.Number >= cur.Number):
			continue
		case mod == '+' && (cur == nil || w.Number <= cur.Number):
			continue
		case mod == 'W' && w == cur:
			continue
		}
		// As screen 4.9: the long form (%Lw) has every flag, the short one
		// (%w) only the current window's *.
		mark := ""
		switch {
		case long:
			mark = windowFlags(w, cur, other)
		case mod == 0 && w == cur:
			mark = "*"
		}
		sep := "  "
		if len(list) == 0 && mod != '+' {
			sep = ""
		}
		list = append(list, windowEntry{w: w, text: sep + strconv.Itoa(w.Number) + mark + " " + w.DisplayTitle()})
	}
	if mod == '-' && len(list) > 0 {
		list = append(list, windowEntry{text: "  "})
	}
	return list
}

// windowRange is windowEntries as one string.
func (s *session) windowRange(cur, other *window.Window, mod byte, long bool) string {
	var b strings.Builder
	for _, e := range s.windowEntries(cur, other, mod, long) {
		b.WriteString(e.text)
	}
	return b.String()
}

// rendition is the style change (screen's rendition) for a window in a
// list: bell, then monitor (activity); "" for none.
func (s *session) rendition(w *window.Window) string {
	switch {
	case w == nil:
		return ""
	case w.Bell:
		return s.set.BellRendition
	case w.Activity:
		return s.set.MonitorRendition
	}
	return ""
}

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
func (s *session) bars(c *client) (caption, status string) {
	cols := c.cols
	v := statusView{cur: c.win, other: c.other, cols: cols, focus: true, copyMode: c.copy != nil, escaped: c.prefix}
	// A bar that is on takes its row even while it says nothing (a backtick
	// not answered yet): the window was sized for it (c.layout), and a
	// frame laid out without it would leave a row of dots. A zero-width
	// marker keeps it "on" for the renderer, which takes "" for off.
	if s.set.Caption {
		caption = cmp.Or(s.expandStatus(s.set.CaptionFormat, v), barStyle.Mark())
	}
	if s.set.Hardstatus != settings.StatusOff {
		status = cmp.Or(s.expandStatus(s.set.HardstatusFormat, v), barStyle.Mark())
	}
	return caption, status
}

// tickClock redraws status lines that show the time, each time it changes,
// and stops when none does.
func (s *session) tickClock() {
	step := s.barsTick(s.captionFormatIfOn() + s.hardstatusFormatIfOn())
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

func (s *session) captionFormatIfOn() string {
	if s.set.Caption {
		return s.set.CaptionFormat
	}
	return ""
}

func (s *session) hardstatusFormatIfOn() string {
	if s.set.Hardstatus != settings.StatusOff {
		return s.set.HardstatusFormat
	}
	return ""
}

// redrawIfBarsShowEscape redraws c's bars when they test %E, which the
// command key just turned on or off.
func (s *session) redrawIfBarsShowEscape(c *client) {
	if strings.Contains(s.captionFormatIfOn()+s.hardstatusFormatIfOn(), "%E") {
		c.markDirty(s)
	}
}
