package status

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gmux/gmux/server/statusline"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
)

// BarStyle is a bar's style before any %{...}: reverse video, as screen's.
var BarStyle = statusline.Style{Attr: statusline.Reverse}

// DefaultFormat shows the session, the windows with the current one
// marked, the host and the time.
const DefaultFormat = "[%S] %-w%n*%t%+w %=%H %c"

// View is what a status format is expanded for: the window it is about,
// the display's previous window and width, and the display's state that
// %F, %P and %E test.
type View struct {
	Cur, Other *window.Window
	Cols       int
	Focus      bool // %F: the window is the one the display shows
	CopyMode   bool // %P
	Escaped    bool // %E: the command key was typed, its command not yet
}

// Source is the session as a status line sees it.
type Source interface {
	Windows() []*window.Window
	SessionName() string
	Backtick(id int) string // a backtick command's last line (%N`)
	// Renditions are the style changes for windows with a bell and with
	// activity in lists (rendition bell, rendition monitor).
	Renditions() (bell, monitor string)
}

// Expand expands a screen-style status format (screen's string
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
func Expand(format string, v View, src Source) string {
	cur := v.Cur
	line := statusline.New(v.Cols, vt.TextWidth)
	now := time.Now()
	style, styles := BarStyle, []statusline.Style(nil) // %{...}, and what %{-} returns to
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
			for _, e := range Entries(src.Windows(), cur, v.Other, mod, long) {
				// The separator keeps the line's style; the entry takes
				// the rendition's, if any, then the line's comes back. The
				// entry is tagged with its window (statusclick.go).
				if cond.skipping || e.W == nil { // e.W nil: the separator after %-w
					put(e.Text, true)
					continue
				}
				text := strings.TrimLeft(e.Text, " ")
				put(e.Text[:len(e.Text)-len(text)], false)
				line.Style(statusline.WindowTag(e.W.Number))
				if spec := rendition(src, e.W); spec != "" {
					line.Style(statusline.ApplyStyle(style, spec).Mark())
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
				put(Flags(cur, nil, nil), true)
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
			test(v.Focus)
		case 'P':
			test(v.CopyMode)
		case 'E':
			test(v.Escaped)
		case '`':
			put(src.Backtick(max(num, 0)), true)
		case 'S':
			put(src.SessionName(), true)
		case 'H':
			put(Hostname(), true)
		case 'l':
			put(LoadAvg(), true)
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
			put(Hstatus(cur, src), true)
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
				style = statusline.ApplyStyle(style, spec)
			}
			if !cond.skipping {
				line.Style(style.Mark())
			}
		}
	}
	return line.String()
}

// Flags are screen's marks after a window's number: * the current
// window, - the previous one, (L) logged, Z dead (zombie).
func Flags(w, cur, other *window.Window) string {
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

// Entry is one window in a list of windows (%w, %W, windows): its
// text, with the separator before it.
type Entry struct {
	W    *window.Window
	Text string
}

// Entries lists windows as "0 bash  1* vim": all (mod 0), those
// before cur ('-') or after it ('+'), or all but cur ('W'); in the full
// list, or the long form of the others (%-Lw), each number carries screen's
// flags (Flags).
func Entries(windows []*window.Window, cur, other *window.Window, mod byte, long bool) []Entry {
	var list []Entry
	for _, w := range windows {
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
			mark = Flags(w, cur, other)
		case mod == 0 && w == cur:
			mark = "*"
		}
		sep := "  "
		if len(list) == 0 && mod != '+' {
			sep = ""
		}
		list = append(list, Entry{W: w, Text: sep + strconv.Itoa(w.Number) + mark + " " + w.DisplayTitle()})
	}
	if mod == '-' && len(list) > 0 {
		list = append(list, Entry{Text: "  "})
	}
	return list
}

// Range is Entries as one string.
func Range(windows []*window.Window, cur, other *window.Window, mod byte, long bool) string {
	var b strings.Builder
	for _, e := range Entries(windows, cur, other, mod, long) {
		b.WriteString(e.Text)
	}
	return b.String()
}

// rendition is the style change (screen's rendition) for a window in a
// list: bell, then monitor (activity); "" for none.
func rendition(src Source, w *window.Window) string {
	bell, monitor := src.Renditions()
	switch {
	case w == nil:
		return ""
	case w.Bell:
		return bell
	case w.Activity:
		return monitor
	}
	return ""
}

// Hstatus is %h: w's hardstatus, with its ^E escapes (screen's,
// since % is taken by the program's own text) expanded; %h inside it shows
// nothing.
func Hstatus(w *window.Window, src Source) string {
	if w == nil || w.Hstatus == "" {
		return ""
	}
	f := strings.ReplaceAll(w.Hstatus, "%", "%%")
	f = strings.ReplaceAll(f, "\x05h", "")
	f = strings.ReplaceAll(f, "\x05", "%")
	return StripMarks(Expand(f, View{Cur: w, Cols: 1 << 12}, src))
}

// StripMarks removes the style markers from an expanded status format:
// a message line has one style.
func StripMarks(t string) string {
	if strings.IndexByte(t, statusline.Mark) < 0 {
		return t
	}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == statusline.Mark {
			i += 3
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String()
}
