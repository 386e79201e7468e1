package server

import (
	"strings"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/status"
	"github.com/gmux/gmux/server/window"
)

// Attention, as screen has it: a bell or (with monitor on) output in a window
// no display shows marks the window in the lists (! and @) and tells every
// display, with bell_msg and activity; the marks go when a display shows the
// window. A bell in a shown window rings the terminal, or with vbell on
// shows vbell_msg.

// Screen's default messages.
const (
	defaultBellMsg     = "Bell in window %n"
	defaultActivityMsg = "Activity in window %n"
	defaultVbellMsg    = "Wuff, Wuff!!"
)

// shownAnywhere reports whether an attached display shows w.
func (s *session) shownAnywhere(w *window.Window) bool {
	for c := range s.clients {
		if c.attached && c.shows(w) {
			return true
		}
	}
	return false
}

// bellShown is a bell in w, which display c shows: its terminal's bell,
// or with vbell on, vbell_msg.
func (c *client) bellShown(s *session, w *window.Window, bells int) {
	if s.set.Vbell {
		c.showMessage(s, s.attentionMessage(s.set.VbellMsg, w, c))
		return
	}
	c.bells += bells
}

// tellDisplays shows an attention message about w on every display (none
// for an empty message), and redraws the bars that list w's flags.
func (s *session) tellDisplays(format string, w *window.Window) {
	for c := range s.clients {
		if !c.attached {
			continue
		}
		if format != "" {
			msg := s.attentionMessage(format, w, c)
			c.showMessage(s, msg)
			c.notify(s, msg)
		} else {
			c.markDirty(s)
		}
	}
}

// attentionMessage expands a bell or activity message for display c: the
// string escapes (%n, %t...) about w, a lone % as w's number (screen's old
// form), and ^G rings c's bell instead of showing.
func (s *session) attentionMessage(format string, w *window.Window, c *client) string {
	if strings.Contains(format, "\a") {
		c.bells++
		format = strings.ReplaceAll(format, "\a", "")
	}
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		b.WriteByte(format[i])
		if format[i] == '%' {
			if i+1 == len(format) || format[i+1] == ' ' {
				b.WriteByte('n') // "Bell in window %": screen's old form
			} else {
				i++
				b.WriteByte(format[i])
			}
		}
	}
	return status.StripMarks(status.Expand(b.String(), status.View{Cur: w, Other: c.other, Cols: 1 << 12}, s.statusSource()))
}

// outerBellGap and notifyGap bound how often a display's own bell rings, and
// how often it raises a desktop notification, for windows it does not show:
// a loop printing bells must not make the terminal ring without end.
const (
	outerBellGap = time.Second
	notifyGap    = 2 * time.Second
)

// ringOuterBell rings c's terminal's bell for an event in a hidden window,
// at most once per outerBellGap.
func (c *client) ringOuterBell(s *session) {
	if time.Since(c.lastOuterBell) < outerBellGap {
		return
	}
	c.lastOuterBell = time.Now()
	c.bells++
	c.markDirty(s)
}

// notify raises a desktop notification on c's terminal (notify on), by the
// escape its terminal takes: OSC 777 (foot, urxvt) or OSC 9 (iTerm2, kitty,
// WezTerm, Ghostty, Windows Terminal), at most once per notifyGap.
func (c *client) notify(s *session, msg string) {
	kind := s.set.Notify
	if kind == "off" || time.Since(c.lastNotify) < notifyGap {
		return
	}
	if kind == "on" {
		kind = "osc9"
		if t := c.hello.Term; strings.Contains(t, "foot") || strings.Contains(t, "rxvt") {
			kind = "osc777"
		}
	}
	c.lastNotify = time.Now()
	text := proto.Printable(strings.ReplaceAll(msg, ";", ","))
	if kind == "osc777" {
		c.extra = append(c.extra, "\x1b]777;notify;gmux "+proto.Printable(s.opts.Name)+";"+text+"\x1b\\"...)
	} else {
		c.extra = append(c.extra, "\x1b]9;"+text+"\x1b\\"...)
	}
	c.markDirty(s)
}
