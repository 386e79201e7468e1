package server

import (
	"strconv"
	"strings"
	"time"

	"github.com/gmux/gmux/server/vt"
)

// Status line modes (hardstatus) and caption modes, as in screen.
const (
	statusOff = iota
	statusLastLine
	statusFirstLine
)

// defaultStatusFormat shows the session, the windows with the current one
// marked, the host and the time.
const defaultStatusFormat = "[%S] %-w%n*%t%+w %=%H %c"

// expandStatus expands a screen-style status format for client c's window:
// %w all windows (with their flags), %-w those before the current one, %+w
// those after, %n and %t the current one's number and title, %f its flags,
// %S the session name, %H the host, %l the load, %c the time (24h), %C
// (12h), %a am/pm (%A AM/PM), %s seconds, %d %m %y %Y the date, %M the month
// name, %D weekday, %= fill to the right edge, %% a percent sign, and
// %?...%:...%? the text before %: when an escape in it expanded to something,
// else the text after it; %{...} sets colours and attributes (statusstyle.go).
func (s *session) expandStatus(format string, cur, other *window, cols int) string {
	var left, right strings.Builder
	b := &left
	now := time.Now()
	style, styles := barStyle, []statusStyle(nil) // %{...}, and what %{-} returns to
	// An open %? conditional (screen's do not nest): where its text began,
	// whether an escape in it expanded to something, which part it is in.
	var cond struct {
		open, hit, inElse, skipping bool
		b                           *strings.Builder
		start                       int
	}
	put := func(text string, escape bool) {
		if escape && text != "" && cond.open {
			cond.hit = true
		}
		if !cond.skipping {
			b.WriteString(text)
		}
	}
	// cut drops what the conditional wrote so far.
	cut := func() {
		if cond.b.Len() >= cond.start {
			t := cond.b.String()[:cond.start]
			cond.b.Reset()
			cond.b.WriteString(t)
		}
	}
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if ch != '%' || i+1 >= len(format) {
			put(string(ch), false)
			continue
		}
		i++
		// Qualifiers, as screen's: - or + (before, after), a number (a
		// truncation point's percentage, for %< and %>), L (the long form).
		mod, long := byte(0), false
		if format[i] == '-' || format[i] == '+' {
			mod = format[i]
			if i+1 < len(format) {
				i++
			}
		}
		for i+1 < len(format) && format[i] >= '0' && format[i] <= '9' {
			i++
		}
		if format[i] == 'L' && i+1 < len(format) {
			long = true
			i++
		}
		switch format[i] {
		case 'w':
			put(s.windowRange(cur, other, mod, long), true)
		case 'n':
			if cur != nil {
				put(strconv.Itoa(cur.number), true)
			}
		case 't':
			if cur != nil {
				put(cur.displayTitle(), true)
			}
		case 'f':
			if cur != nil {
				put(windowFlags(cur, cur, other), true)
			}
		case 'S':
			put(s.opts.Name, true)
		case 'H':
			put(hostname(), true)
		case 'l':
			put(loadAvg(), true)
		case 'c':
			put(now.Format("15:04"), true)
		case 'C':
			put(now.Format("3:04"), true)
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
			put(now.Format("Jan"), true)
		case 'y':
			put(now.Format("06"), true)
		case 'Y':
			put(now.Format("2006"), true)
		case 'D':
			put(now.Format("Mon"), true)
		case '=':
			b = &right
		case '<', '>', 'u', 'h':
			// Truncation points (the line is cut at the terminal's edge
			// anyway), other users (none), the window's own hardstatus
			// (none): nothing to show.
		case '%':
			put("%", false)
		case '?':
			switch {
			case !cond.open:
				cond.open, cond.hit, cond.inElse, cond.skipping = true, false, false, false
				cond.b, cond.start = b, b.Len()
			case !cond.inElse && !cond.hit:
				cut() // nothing in it expanded: it shows nothing
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
					cut()
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
			put(style.mark(), false)
		}
	}
	l, r := left.String(), right.String()
	if pad := cols - textWidth(l) - textWidth(r); pad > 0 && right.Len() > 0 {
		// The fill takes the style in force where %= was.
		return l + strings.Repeat(" ", pad) + r
	}
	return l + r
}

// windowFlags are screen's marks after a window's number: * the current
// window, - the previous one, (L) logged, Z dead (zombie).
func windowFlags(w, cur, other *window) string {
	f := ""
	if w == cur {
		f += "*"
	}
	if w == other && w != cur {
		f += "-"
	}
	if w.log != nil {
		f += "(L)"
	}
	if w.exited {
		f += "Z"
	}
	return f
}

// windowRange lists windows as "0 bash  1* vim": all (mod 0), those before
// cur ('-') or after it ('+'); in the full list, or the long form of the
// others (%-Lw), each number carries screen's flags (windowFlags).
func (s *session) windowRange(cur, other *window, mod byte, long bool) string {
	var parts []string
	for _, w := range s.windows {
		switch {
		case mod == '-' && (cur == nil || w.number >= cur.number):
			continue
		case mod == '+' && (cur == nil || w.number <= cur.number):
			continue
		}
		mark := ""
		if mod == 0 || long {
			mark = windowFlags(w, cur, other)
		}
		parts = append(parts, strconv.Itoa(w.number)+mark+" "+w.displayTitle())
	}
	out := strings.Join(parts, "  ")
	switch {
	case mod == '-' && out != "":
		out += "  "
	case mod == '+' && out != "":
		out = "  " + out
	}
	return out
}

// statusHasClock reports whether a format shows the time, so the status line
// must be redrawn as it passes; without one, an idle session never wakes.
func statusHasClock(format string) (bool, time.Duration) {
	if strings.Contains(format, "%s") {
		return true, time.Second
	}
	for _, e := range []string{"%c", "%C"} {
		if strings.Contains(format, e) {
			return true, time.Minute
		}
	}
	return false, 0
}

func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n += vt.RuneWidth(r)
	}
	return n
}

// bars returns the caption and hardstatus text for client c ("" when off).
func (s *session) bars(c *client) (caption, status string) {
	cols := c.cols
	if s.set.caption {
		caption = s.expandStatus(s.set.captionFormat, c.win, c.other, cols)
	}
	if s.set.hardstatus != statusOff {
		status = s.expandStatus(s.set.hardstatusFormat, c.win, c.other, cols)
	}
	return caption, status
}

// tickClock redraws status lines that show the time, each time it changes,
// and stops when none does.
func (s *session) tickClock() {
	s.clockTimer = nil
	var step time.Duration
	for _, f := range []string{s.captionFormatIfOn(), s.hardstatusFormatIfOn()} {
		if ok, d := statusHasClock(f); ok && (step == 0 || d < step) {
			step = d
		}
	}
	if step == 0 || s.attachedCount() == 0 {
		return
	}
	for c := range s.clients {
		if c.attached {
			s.markDirty(c)
		}
	}
	wait := time.Until(time.Now().Truncate(step).Add(step))
	s.clockTimer = time.AfterFunc(wait, func() { s.post(s.tickClock) })
}

// startClock starts tickClock unless it runs.
func (s *session) startClock() {
	if s.clockTimer == nil {
		s.tickClock()
	}
}

func (s *session) captionFormatIfOn() string {
	if s.set.caption {
		return s.set.captionFormat
	}
	return ""
}

func (s *session) hardstatusFormatIfOn() string {
	if s.set.hardstatus != statusOff {
		return s.set.hardstatusFormat
	}
	return ""
}
