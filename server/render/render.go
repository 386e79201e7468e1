package render

import (
	"fmt"
	"os"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/gdamore/tcell/v2/terminfo"
	"github.com/gmux/gmux/server/statusline"
	"github.com/gmux/gmux/server/vt"
	"github.com/rivo/uniseg"
)

// Renderer draws windows onto one client's terminal through tcell, which
// knows the terminal's capabilities (terminfo), downgrades colours the
// terminal lacks, and sends only the cells that changed since the last frame.
type Renderer struct {
	ti    *terminfo.Terminfo
	tty   *connTty
	scr   tcell.Screen
	outer vt.Modes // input modes last set on the client's terminal
	known bool     // whether outer is known; false forces a full update
	// drawn holds each terminal row's window cells as last handed to tcell
	// (nil: not from the window), so unchanged rows are skipped: a keystroke's
	// echo costs one row, not the whole screen.
	drawn     []drawnRow
	drawnFrom *vt.Screen
	drawnRev  bool // reverse video (DECSCNM) when drawn: a change repaints all
	// around is what the last full frame drew around the window; while it
	// stays the same, the small-change path may draw the window's rows.
	around      frameAround
	aroundKnown bool
	// cursorShown is whether the last full frame left the cursor visible,
	// cursorStyle the DECSCUSR style it set.
	cursorShown bool
	cursorStyle int
	// Where the last frame left the terminal's cursor (when shown), and
	// whether it left the default style set: a keystroke's echo is then
	// its character alone (fastpath.go).
	cursorX, cursorY int
	styleClean       bool
	finished         bool // tcell's screen was shut down (Fini)
	smallFrames      int  // frames sent by the small-change path (for tests)
	// cw draws the window's cells (cellwriter.go); nil-safe canWrite
	// false for terminals tcell must draw alone.
	cw *cellWriter
	// tags are where the status line's window entries were drawn
	// (statusclick.go).
	tags lineTags
	// panX, panY: the window's cell at the display's top left, when the
	// window is larger than the display (drawPanned).
	panX, panY int
	// regions is what the last frame of a split display drew
	// (render_regions.go); nil after anything else.
	regions *regionCache
	// rowStore is memory made ahead for the first frame's remembered rows
	// (spare.go), taken by remember until it runs out.
	rowStore []vt.Cell
	// cells is tcell's buffer and which of its cells the writer holds
	// (tcellcells.go): everything tcell draws is put through it.
	cells *tcellCells
}

// Finished reports whether the terminal was given back (Fini).
func (r *Renderer) Finished() bool { return r.finished }

// Truecolor reports whether window colours are sent as 24-bit RGB.
func (r *Renderer) Truecolor() bool { return r.cw.truecolor }

// SetTruecolor sets whether window colours are sent as 24-bit RGB (the
// terminal says it takes them, or truecolor says so).
func (r *Renderer) SetTruecolor(on bool) { r.cw.truecolor = on }

// Terminfo is the terminal's description.
func (r *Renderer) Terminfo() *terminfo.Terminfo { return r.ti }

// Colors is how many colours the terminal shows.
func (r *Renderer) Colors() int { return r.scr.Colors() }

// WindowAt is the number of the window whose status line entry was drawn at
// cell (x, y), or -1.
func (r *Renderer) WindowAt(x, y int) int { return r.tags.windowAt(x, y) }

// Prepare makes ahead what the first frame takes (a renderer made for the
// next attach, while nobody waits): the memory of the rows it remembers,
// touched, and tcell's buffer taken over.
func (r *Renderer) Prepare() {
	cols, rows := r.Size()
	r.rowStore = make([]vt.Cell, cols*rows)
	r.cells.lockAll()
}

// drawnRow is a terminal row as last drawn from the window: its cells (nil:
// not from the window) and the RowVersion they had.
type drawnRow struct {
	cells []vt.Cell
	ver   uint64
}

// rowUnchanged reports whether terminal row y already shows cells, and
// remembers them otherwise.
func (r *Renderer) rowUnchanged(y int, sc *vt.Screen) bool {
	if r.drawnFrom != sc {
		r.drawn, r.drawnFrom = nil, sc
	}
	for len(r.drawn) <= y {
		r.drawn = append(r.drawn, drawnRow{})
	}
	if r.sameAsDrawn(y, sc) {
		return true
	}
	r.remember(y, sc)
	return false
}

// sameAsDrawn reports whether window row y holds the cells terminal row y
// shows. A row whose version has not moved is not compared at all: on a
// keystroke's echo that spares comparing every other row of the screen.
func (r *Renderer) sameAsDrawn(y int, sc *vt.Screen) bool {
	if y >= len(r.drawn) || r.drawn[y].cells == nil {
		return false
	}
	d := &r.drawn[y]
	ver := sc.RowVersion(y)
	if d.ver == ver {
		return true
	}
	if !vt.SameCells(d.cells, sc.Row(y)) {
		return false
	}
	d.ver = ver
	return true
}

// remember records that terminal row y now shows window row y.
func (r *Renderer) remember(y int, sc *vt.Screen) {
	d := &r.drawn[y]
	row := sc.Row(y)
	if d.cells == nil && len(r.rowStore) >= len(row) {
		d.cells = r.rowStore[:0:len(row)]
		r.rowStore = r.rowStore[len(row):]
	}
	d.cells = append(d.cells[:0], row...)
	d.ver = sc.RowVersion(y)
}

// forgetRows marks terminal rows from y on as not showing window cells.
func (r *Renderer) forgetRows(y int) {
	for ; y < len(r.drawn); y++ {
		r.drawn[y].cells = nil
	}
}

// truecolorCaps are added to a terminfo entry when COLORTERM says the terminal
// takes 24-bit colour but its terminfo entry does not say so (most don't).
const (
	setFgRGB   = "\x1b[38;2;%p1%d;%p2%d;%p3%dm"
	setBgRGB   = "\x1b[48;2;%p1%d;%p2%d;%p3%dm"
	setFgBgRGB = "\x1b[38;2;%p1%d;%p2%d;%p3%d;48;2;%p4%d;%p5%d;%p6%dm"
)

func lookupTerminfo(term, colorterm string) (*terminfo.Terminfo, error) {
	ti, err := tcell.LookupTerminfo(term)
	if err != nil {
		return nil, fmt.Errorf("terminal type %q: %w", term, err)
	}
	if (colorterm == "truecolor" || colorterm == "24bit") && ti.SetFgBgRGB == "" {
		c := *ti
		c.SetFgRGB, c.SetBgRGB, c.SetFgBgRGB = setFgRGB, setBgRGB, setFgBgRGB
		ti = &c
	}
	return ti, nil
}

func New(term, colorterm, locale string, cols, rows int) (*Renderer, error) {
	ti, err := lookupTerminfo(term, colorterm)
	if err != nil {
		// An unknown TERM (a rare terminal, or no terminfo on this host)
		// should still attach: xterm-256color is what nearly all speak.
		if ti, err = lookupTerminfo("xterm-256color", colorterm); err != nil {
			return nil, err
		}
	}
	tty := newConnTty(cols, rows)
	scr, err := tcell.NewTerminfoScreenFromTtyTerminfo(tty, ti)
	if err != nil {
		return nil, err
	}
	// tcell takes the character set from the process locale; the server's
	// locale is whatever it was started with, so the client's is lent for Init.
	if err := withLocale(locale, scr.Init); err != nil {
		return nil, fmt.Errorf("terminal %q: %w", term, err)
	}
	tty.dropKeyboardProtocols()
	cb, ok := scr.(cellBuffered)
	if !ok {
		scr.Fini()
		return nil, fmt.Errorf("terminal %q: tcell's screen keeps no cell buffer", term)
	}
	truecolor := ti.TrueColor || ti.SetFgRGB != ""
	return &Renderer{ti: ti, tty: tty, scr: scr, cw: newCellWriter(ti, truecolor), cells: newTcellCells(cb.GetCells())}, nil
}

// put has tcell draw str at (x, y) in the next Show.
func (r *Renderer) put(x, y int, str string, st tcell.Style) { r.cells.put(x, y, str, st) }

// show has tcell draw what was put since its last Show.
func (r *Renderer) show() {
	r.scr.Show()
	r.cells.shown()
	r.closeTcellLink()
}

func withLocale(locale string, f func() error) error {
	old, had := os.LookupEnv("LC_ALL")
	if locale == "" {
		locale = "C.UTF-8"
	}
	os.Setenv("LC_ALL", locale)
	defer func() {
		if had {
			os.Setenv("LC_ALL", old)
		} else {
			os.Unsetenv("LC_ALL")
		}
	}()
	return f()
}

func (r *Renderer) Resize(cols, rows int) {
	r.tty.setSize(cols, rows)
	r.cells.resize(cols, rows)
	r.drawn, r.regions = nil, nil
}

func (r *Renderer) Size() (int, int) {
	ws, _ := r.tty.WindowSize()
	return ws.Width, ws.Height
}

// Invalidate makes the next draw repaint the whole terminal (redisplay).
func (r *Renderer) Invalidate() {
	if r.cw.canWrite() {
		// Cleared now, drawn by the next frame: tcell's Sync would draw
		// the window's cells itself first, only to be drawn over.
		r.tty.Write([]byte(r.ti.Clear))
		r.cells.cleared(r.scr)
	} else {
		r.scr.Sync()
		r.cells.shown()
		r.closeTcellLink()
	}
	r.known = false
	r.drawn = nil
	r.regions = nil
	r.aroundKnown = false
	r.styleClean, r.cursorX = false, -1
}

// frameAround is a frame less the window's cells: where the window sits on
// the terminal and the lines drawn around it.
type frameAround struct {
	Layout
	vc, vr                   int // the window's size
	status, caption, message string
}

// Frame is what a client's terminal shows: a window's screen (or a menu),
// the caption under it, the status line, and a message or prompt.
type Frame struct {
	Screen    *vt.Screen
	List      Overlay // a list (the window list, help) instead of the window
	Message   string  // a notice or an open prompt; over the status line if any
	Caption   string  // "" when off
	Status    string  // hardstatus; "" when off
	StatusTop bool    // hardstatus on the first line instead of the last
	// CaptionTop: captions above the window (and a split display's regions'
	// above their windows) instead of under them.
	CaptionTop bool
	Copy       Overlay // copy mode over the window
	OwnMouse   bool    // gmux takes mouse reports (mousetrack) while the program does not
	// PromptOpen: the message is a prompt being typed, the cursor on it at
	// column promptX.
	PromptOpen bool
	PromptX    int
}

// lines are the lines f shows around the window, with its message or not.
func (f *Frame) lines(message bool) Lines {
	return Lines{Status: f.Status != "", StatusTop: f.StatusTop, Caption: f.Caption != "", CaptionTop: f.CaptionTop,
		Message: message && f.Message != ""}
}

// promptCursor is where the cursor goes while a prompt is open: on the
// message line, where the typing goes, as in screen.
func (f *Frame) promptCursor(messageY, cols int) (x, y int, ok bool) {
	if !f.PromptOpen || messageY < 0 || cols <= 0 {
		return 0, 0, false
	}
	return min(f.PromptX, cols-1), messageY, true
}

// Draw renders f and returns the bytes for the client's terminal.
func (r *Renderer) Draw(f Frame) []byte {
	r.regions = nil // what a split frame drew is drawn over
	if f.List != nil {
		r.drawn, r.styleClean = nil, false
		return r.drawMenu(f)
	}
	sc := f.Screen
	cols, rows := r.Size()
	vc, vr := sc.Size()
	modes := sc.Modes()
	lay := LayoutScreen(cols, rows, f.lines(true))
	top, textRows := lay.Top, lay.WinRows
	around := frameAround{Layout: lay, vc: vc, vr: vr, status: f.Status, caption: f.Caption, message: f.Message}
	cx, cy := sc.Cursor()
	showCursor := modes.CursorVisible && cx < cols && cy < textRows
	if x, y, ok := f.promptCursor(lay.MessageY, cols); ok {
		cx, cy, showCursor = x, y-top, true
	}
	if f.Copy == nil {
		// The lines around the window are on the terminal already if
		// nothing around it changed: only the window's rows may need drawing.
		if out, ok := r.trySmallChange(f, sc, around, cx, cy, showCursor); ok {
			return out
		}
	}
	r.drawAround(around)
	if f.Copy != nil {
		r.drawn, r.aroundKnown, r.styleClean = nil, false, false
		f.Copy.Draw(Canvas{r}, 0, top, cols, textRows)
		if x, y, ok := f.promptCursor(lay.MessageY, cols); ok { // a search being typed
			r.scr.ShowCursor(x, y)
		}
		r.show()
		r.syncModes(withOwnMouse(vt.Modes{}, f.OwnMouse))
		return r.tty.take()
	}
	// A window larger than this display (its size is another display's,
	// windowsize.go) is drawn scrolled to its cursor; a smaller one with
	// dots around it (below).
	if area := LayoutScreen(cols, rows, f.lines(false)).WinRows; vc > cols || vr > area {
		return r.drawPanned(f, sc, lay)
	}
	r.panX, r.panY = 0, 0
	var conv styleConverter
	if top != r.around.Top || modes.ReverseVideo != r.drawnRev {
		r.forgetRows(0)
		r.drawnRev = modes.ReverseVideo
	}
	r.around, r.aroundKnown = around, true
	writer := r.cw.canWrite()
	var spans []rowSpan
	for y := range max(textRows, 0) {
		if y >= vr {
			for x := range cols {
				r.put(x, top+y, outsideDot, outsideStyle)
			}
			if y < len(r.drawn) {
				r.drawn[y].cells = nil // dots now: a window row again is drawn again
			}
			continue
		}
		row := sc.Row(y)
		if r.rowUnchanged(y, sc) {
			continue
		}
		if writer {
			spans = append(spans, rowSpan{y, 0, cols - 1})
			for x := vc; x < cols; x++ {
				r.put(x, top+y, outsideDot, outsideStyle)
			}
			continue
		}
		for x := 0; x < cols; x++ {
			if x >= vc {
				r.put(x, top+y, outsideDot, outsideStyle)
				continue
			}
			r.putCell(sc, row[x], x, top+y, x+1 >= cols, &conv, modes.ReverseVideo)
		}
	}
	// Rows under the status, caption or message line were not drawn from
	// the window this time.
	r.forgetRows(max(textRows, 0))
	if showCursor {
		r.scr.ShowCursor(cx, top+cy)
		r.scr.SetCursorStyle(tcell.CursorStyle(min(modes.CursorStyle, 6)))
	} else {
		r.scr.HideCursor()
	}
	var cells strings.Builder
	if writer && len(spans) > 0 {
		cells.Grow(len(spans) * (cols + 16)) // one byte a cell, most often
		// The window's cells first, locked in tcell's buffer so that its
		// Show leaves them alone; their bytes go after tcell's.
		cells.WriteString(r.ti.HideCursor)
		r.cw.writeSpans(&cells, r.cells, sc, spans, top, 0, cols, modes.ReverseVideo, &termState{x: -1})
		if showCursor {
			cells.WriteString(r.ti.TGoto(cx, top+cy))
			cells.WriteString(r.ti.ShowCursor)
		}
	}
	// tcell's Show scans every cell (~200 µs at 200x50): when it has
	// nothing to draw, the cursor's shape stays and the writer has put
	// the cursor where it goes, it is not asked (a reattach's first frame).
	if !writer || len(spans) == 0 || r.cells.touched || modes.CursorStyle != r.cursorStyle {
		r.show()
	}
	r.tty.Write([]byte(cells.String()))
	r.cursorShown, r.cursorStyle = showCursor, modes.CursorStyle
	// tcell leaves the style of the last cell it drew; the writer's bytes,
	// when there are any, end with the default.
	r.cursorX, r.cursorY, r.styleClean = cx, top+cy, writer && len(spans) > 0
	if !showCursor {
		r.cursorX = -1
	}
	r.syncModes(withOwnMouse(modes, f.OwnMouse))
	return r.tty.take()
}

// drawPanned draws a window whose size is not the display's (another
// display's size, windowsize.go): a larger one scrolled just enough to keep
// its cursor in view, as screen does, and dots wherever the window is not,
// as tmux does, so the rest is not taken for an empty screen. tcell draws it
// all; such frames are rare (two displays of different sizes) and none of
// the shortcuts for the usual case apply.
func (r *Renderer) drawPanned(f Frame, sc *vt.Screen, lay Layout) []byte {
	cols, top, textRows := lay.Cols, lay.Top, max(lay.WinRows, 0)
	vc, vr := sc.Size()
	cx, cy := sc.Cursor()
	modes := sc.Modes()
	r.panX = panTo(r.panX, cx, cols, vc)
	r.panY = panTo(r.panY, cy, textRows, vr)
	var conv styleConverter
	for y := range textRows {
		var row []vt.Cell
		if wy := y + r.panY; wy < vr {
			row = sc.Row(wy)
		}
		for x := range cols {
			wx := x + r.panX
			if row == nil || wx >= vc {
				r.put(x, top+y, outsideDot, outsideStyle)
				continue
			}
			c := row[wx]
			if c.IsWideTail() {
				if x == 0 {
					r.put(x, top+y, " ", conv.convert(c.S, modes.ReverseVideo)) // its left half is out of view
				}
				continue
			}
			text := sc.Text(c)
			if text == "" || c.S.Attr&vt.Invisible != 0 {
				text = " "
			} else if sc.Width(c) == 2 && (x+1 >= cols || wx+1 >= vc) {
				text = " " // half a wide character cannot be drawn
			}
			r.put(x, top+y, text, r.cw.linked(r.cells, conv.convert(c.S, modes.ReverseVideo), sc.Hyperlink, c.S.Link))
		}
	}
	vx, vy := cx-r.panX, cy-r.panY
	showCursor := modes.CursorVisible && vx >= 0 && vx < cols && vy >= 0 && vy < textRows
	if x, y, ok := f.promptCursor(lay.MessageY, cols); ok {
		vx, vy, showCursor = x, y-top, true
	}
	if showCursor {
		r.scr.ShowCursor(vx, top+vy)
		r.scr.SetCursorStyle(tcell.CursorStyle(min(modes.CursorStyle, 6)))
	} else {
		r.scr.HideCursor()
	}
	r.show()
	// Nothing of this frame is what the usual path expects to find.
	r.forgetRows(0)
	r.aroundKnown, r.styleClean, r.cursorX = false, false, -1
	r.cursorShown, r.cursorStyle = showCursor, modes.CursorStyle
	r.syncModes(withOwnMouse(modes, f.OwnMouse))
	return r.tty.take()
}

// What fills the display where a smaller window is not: dots, as tmux's,
// dim so they do not compete with the window.
var (
	outsideDot   = "."
	outsideStyle = tcell.StyleDefault.Dim(true)
)

// panTo moves a view of size view over size cells (starting at pan) just
// enough to show cur.
func panTo(pan, cur, view, size int) int {
	if size <= view {
		return 0
	}
	if cur < pan {
		pan = cur
	}
	if cur >= pan+view {
		pan = cur - view + 1
	}
	return max(0, min(pan, size-view))
}

// drawAround draws the lines around the window: status, caption, message.
func (r *Renderer) drawAround(a frameAround) {
	bar := tcell.StyleDefault.Reverse(true)
	if a.StatusY >= 0 {
		r.drawLine(a.status, a.StatusY, a.Cols, bar)
	}
	if a.CaptionY >= 0 {
		r.drawLine(a.caption, a.CaptionY, a.Cols, bar)
	}
	if a.MessageY >= 0 {
		r.drawMessage(a.message, a.MessageY, a.Cols)
	}
}

func (r *Renderer) drawMenu(f Frame) []byte {
	cols, rows := r.Size()
	r.cells.clear(r.scr)
	f.List.Draw(Canvas{r}, 0, 0, cols, rows-1)
	if f.Message != "" {
		r.drawMessage(f.Message, rows-1, cols)
	}
	if x, y, ok := f.promptCursor(rows-1, cols); ok && f.Message != "" { // the list's search
		r.scr.ShowCursor(x, y)
	} else {
		r.scr.HideCursor()
	}
	r.show()
	r.syncModes(withOwnMouse(vt.Modes{}, f.OwnMouse))
	return r.tty.take()
}

func (r *Renderer) drawMessage(msg string, y, cols int) {
	r.drawLine(msg, y, cols, tcell.StyleDefault.Reverse(true))
}

// DrawLine writes text on row y, padded to the full width, in st until a
// status style marker (statusstyle.go) changes it.
func (r *Renderer) drawLine(msg string, y, cols int, st tcell.Style) {
	r.drawLineAt(msg, 0, y, cols, st)
}

// drawLineAt is drawLine in the cols cells from x0 on (a region's caption).
func (r *Renderer) drawLineAt(msg string, x0, y, cols int, st tcell.Style) {
	cols += x0
	x := x0
	r.tags.clear(y, x0, cols)
	full := false
	for i := 0; i < len(msg); i++ {
		if msg[i] == statusline.Mark && i+3 < len(msg) {
			// Markers count even at the line's end: a tag's end there
			// closes the last entry.
			if statusline.IsTag(msg, i) {
				r.tags.tag(msg, i, x, y)
			} else if !full {
				st = tcellStatusStyle(statusline.StyleAt(msg, i))
			}
			i += 3
			continue
		}
		if full {
			continue // the line is full: only markers still count
		}
		// A whole grapheme cluster at a time (an emoji with its skin tone
		// is one), as the window's cells are drawn.
		cluster, _, w, _ := uniseg.FirstGraphemeClusterInString(msg[i:], -1)
		i += len(cluster) - 1
		if w == 0 {
			continue
		}
		if x+w > cols {
			full = true // half a wide character cannot be drawn
			continue
		}
		r.put(x, y, cluster, st)
		x += w
	}
	for ; x < cols; x++ {
		r.put(x, y, " ", st)
	}
}

// syncModes mirrors the window's input modes onto the client's terminal, so
// the keys, mouse reports and pastes it sends are those the program asked for.
func (r *Renderer) syncModes(m vt.Modes) {
	var b strings.Builder
	o := r.outer
	flag := func(mode string, want, have bool) {
		if want != have || !r.known {
			b.WriteString("\x1b[?" + mode)
			if want {
				b.WriteByte('h')
			} else {
				b.WriteByte('l')
			}
		}
	}
	flag("1", m.AppCursor, o.AppCursor)
	if m.AppKeypad != o.AppKeypad || !r.known {
		if m.AppKeypad {
			b.WriteString("\x1b=")
		} else {
			b.WriteString("\x1b>")
		}
	}
	flag("2004", m.BracketedPaste, o.BracketedPaste)
	flag("1004", m.FocusEvents, o.FocusEvents)
	if m.Mouse != o.Mouse || !r.known {
		for _, mode := range []int{9, 1000, 1002, 1003} {
			if mode == o.Mouse || !r.known {
				fmt.Fprintf(&b, "\x1b[?%dl", mode)
			}
		}
		if m.Mouse != 0 {
			fmt.Fprintf(&b, "\x1b[?%dh", m.Mouse)
		}
	}
	if m.MouseEncoding != o.MouseEncoding || !r.known {
		for _, enc := range []int{1005, 1006, 1015} {
			if enc == o.MouseEncoding || !r.known {
				fmt.Fprintf(&b, "\x1b[?%dl", enc)
			}
		}
		if m.MouseEncoding != 0 {
			fmt.Fprintf(&b, "\x1b[?%dh", m.MouseEncoding)
		}
	}
	r.outer, r.known = m, true
	r.tty.Write([]byte(b.String()))
}

// Opening is what a new renderer has to send before anything else (tcell's
// set-up: the alternate screen, cleared), for a display that shows
// something other than a frame first (a locked one).
func (r *Renderer) Opening() []byte { return r.tty.take() }

// Fini restores the client's terminal (modes off, main screen, cursor shown)
// and returns the bytes that do it.
func (r *Renderer) Fini() []byte {
	r.syncModes(vt.Modes{})
	r.scr.Fini()
	r.finished = true
	r.tty.dropKeyboardProtocols()
	return r.tty.take()
}

// Close releases the renderer (tcell's screen, its goroutines and cell
// buffer) without a word to the terminal: for a client that is gone.
func (r *Renderer) Close() {
	if !r.finished {
		r.scr.Fini()
		r.finished = true
	}
	r.tty.Close()
}

// styleConverter maps emulator styles to tcell styles, remembering the last
// one because runs of cells nearly always share a style.
type styleConverter struct {
	have bool
	from vt.Style
	rev  bool
	to   tcell.Style
}

func (c *styleConverter) convert(s vt.Style, reverseVideo bool) tcell.Style {
	if c.have && s == c.from && reverseVideo == c.rev {
		return c.to
	}
	t := tcell.StyleDefault.Foreground(tcellColor(s.Fg)).Background(tcellColor(s.Bg))
	a := s.Attr
	if a&vt.Bold != 0 {
		t = t.Bold(true)
	}
	if a&vt.Faint != 0 {
		t = t.Dim(true)
	}
	if a&vt.Italic != 0 {
		t = t.Italic(true)
	}
	if a&(vt.Blink|vt.RapidBlink) != 0 {
		t = t.Blink(true)
	}
	if (a&(vt.Reverse|vt.Standout) != 0) != reverseVideo {
		t = t.Reverse(true)
	}
	if a&vt.Strike != 0 {
		t = t.StrikeThrough(true)
	}
	if u := a.Underline(); u != vt.UnderlineNone {
		t = t.Underline(tcell.UnderlineStyle(u))
	}
	c.have, c.from, c.rev, c.to = true, s, reverseVideo, t
	return t
}

func tcellColor(c vt.Color) tcell.Color {
	if i, ok := c.Index(); ok {
		return tcell.PaletteColor(int(i))
	}
	if r, g, b, ok := c.RGB(); ok {
		return tcell.NewRGBColor(int32(r), int32(g), int32(b))
	}
	return tcell.ColorDefault
}

// trySmallChange takes the small-change path (fastpath.go) when the frame is
// the window alone, unchanged but for a few rows, with the terminal's modes
// and cursor as the last frame left them.
func (r *Renderer) trySmallChange(f Frame, sc *vt.Screen, around frameAround, cx, cy int, showCursor bool) ([]byte, bool) {
	modes := sc.Modes()
	shown := min(around.vr, around.WinRows) // window rows on the terminal
	if !r.known || !r.aroundKnown || around != r.around || modes.ReverseVideo ||
		r.drawnFrom != sc || shown <= 0 || len(r.drawn) < shown ||
		withOwnMouse(modes, f.OwnMouse) != r.outer || showCursor != r.cursorShown ||
		modes.CursorStyle != r.cursorStyle {
		return nil, false
	}
	var changed []int
	for y := range shown {
		if r.drawn[y].cells == nil {
			return nil, false
		}
		if !r.sameAsDrawn(y, sc) {
			changed = append(changed, y)
		}
	}
	if !showCursor {
		cx, cy = -1, -1
	}
	out, ok := r.fastDraw(sc, changed, around.Top, around.Cols, cx, cy, showCursor)
	if ok {
		r.smallFrames++
		// tcell's idea of the cursor must follow, for its next full frame.
		if showCursor {
			r.scr.ShowCursor(cx, around.Top+cy)
		}
	}
	return out, ok
}

// withOwnMouse turns on SGR mouse reports for gmux's own use (mousetrack):
// presses, and motion while a button is down (a selection being dragged).
func withOwnMouse(m vt.Modes, own bool) vt.Modes {
	if own {
		m.Mouse, m.MouseEncoding = 1002, 1006
	}
	return m
}

// An Overlay is a mode that shows its own screen instead of a window's (a
// list, copy mode): it draws itself, through the Canvas, into the cols x rows
// cells from (x0, y0) — the display's, or the focused region's.
type Overlay interface {
	Draw(cv Canvas, x0, y0, cols, rows int)
}

// Canvas is where an Overlay draws: the renderer's cells.
type Canvas struct{ r *Renderer }

// Style is how an overlay's text is drawn.
type Style struct {
	Bold, Reverse bool
	Match         bool // a search match (copy mode)
}

func (st Style) tcell() tcell.Style {
	t := tcell.StyleDefault
	if st.Match {
		t = t.Background(tcell.ColorYellow).Foreground(tcell.ColorBlack)
	}
	return t.Bold(st.Bold).Reverse(st.Reverse)
}

// Line draws text on row y in the cols cells from x0, padded.
func (cv Canvas) Line(x0, y, cols int, text string, st Style) {
	cv.r.drawLineAt(text, x0, y, cols, st.tcell())
}

// Put draws text (one grapheme cluster) at (x, y).
func (cv Canvas) Put(x, y int, text string, st Style) { cv.r.put(x, y, text, st.tcell()) }

// DocCell draws cell c of doc at (x, y) in its own style (and link), unless
// st marks it a match; st.Reverse reverses it (a selection).
func (cv Canvas) DocCell(x, y int, doc *vt.Document, c vt.Cell, st Style) {
	var conv styleConverter
	text := doc.TextOf(c)
	if text == "" {
		text = " "
	}
	t := cv.r.cw.linked(cv.r.cells, conv.convert(c.S, false), doc.Hyperlink, c.S.Link)
	if st.Match {
		t = st.tcell()
	}
	if st.Reverse {
		t = t.Reverse(true)
	}
	cv.r.put(x, y, text, t)
}

// ShowCursor puts the terminal's cursor at (x, y), shown.
func (cv Canvas) ShowCursor(x, y int) { cv.r.scr.ShowCursor(x, y) }

// putCell hands tcell a window cell at terminal (x, y); last says it is the
// last column the window has there (half a wide character cannot be drawn).
func (r *Renderer) putCell(sc *vt.Screen, c vt.Cell, x, y int, last bool, conv *styleConverter, reverseVideo bool) {
	if c.IsWideTail() {
		return
	}
	text := sc.Text(c)
	if text == "" || c.S.Attr&vt.Invisible != 0 {
		text = " "
	} else if last && sc.Width(c) == 2 {
		text = " "
	}
	r.put(x, y, text, r.cw.linked(r.cells, conv.convert(c.S, reverseVideo), sc.Hyperlink, c.S.Link))
}
