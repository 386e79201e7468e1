package render

import (
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/gdamore/tcell/v2/terminfo"
	"github.com/gmux/gmux/server/vt"
)

// A window's hyperlinks (OSC 8, kept in its cells: vt/hyperlink.go) are
// drawn as links on terminals that take them, as the window's program
// sent them: a link's text is wrapped in OSC 8 with its URI and id. The
// cell writer opens and closes links itself and closes any it opened at
// the end of each span; tcell is given them in its styles, for what it
// draws of a window (copy mode, terminals the writer cannot drive), and
// since tcell leaves the last one it drew open, the renderer closes it
// after each of tcell's frames that had one. Between frames no link is
// open on the terminal, so a status line or another window's text never
// becomes part of one.

// closeLink ends a link (OSC 8 with neither params nor URI).
const closeLink = "\x1b]8;;\x1b\\"

// takesHyperlinks is tcell's own rule for sending OSC 8 (its tScreen): a
// terminal with a mouse or xterm's extensions, but not the Linux console,
// which does not swallow the sequence whole. Terminals that do not know
// OSC 8 ignore it, as they ignore any OSC they do not know.
func takesHyperlinks(ti *terminfo.Terminfo) bool {
	return (ti.Mouse != "" || ti.XTermLike) && !strings.Contains(ti.Name, "linux")
}

// writeLink starts link l of sc's table on the terminal (or ends the link
// if l names none) and returns what the terminal's link now is.
func writeLink(b *strings.Builder, sc *vt.Screen, l uint16) uint16 {
	h, ok := sc.Hyperlink(l)
	if !ok {
		b.WriteString(closeLink)
		return 0
	}
	b.WriteString("\x1b]8;")
	if h.ID != "" {
		b.WriteString("id=")
		b.WriteString(h.ID)
	}
	b.WriteByte(';')
	b.WriteString(h.URI)
	b.WriteString("\x1b\\")
	return l
}

// linked returns st, for a cell put in tcell's buffer, linked to link l
// (looked up with lookup) if the terminal takes links; tcell's next frame
// may then leave the link open (closeTcellLink).
func (w *cellWriter) linked(cells *tcellCells, st tcell.Style, lookup func(uint16) (vt.Hyperlink, bool), l uint16) tcell.Style {
	if l == 0 || !w.hyperlinks {
		return st
	}
	h, ok := lookup(l)
	if !ok {
		return st
	}
	cells.links = true
	st = st.Url(h.URI)
	if h.ID != "" {
		st = st.UrlId(h.ID)
	}
	return st
}

// closeTcellLink ends the link tcell's frame may have left open.
func (r *Renderer) closeTcellLink() {
	if r.cells.links {
		r.tty.Write([]byte(closeLink))
		r.cells.links = false
	}
}
