package server

import (
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/menu"
	"github.com/gmux/gmux/server/prompt"
	"github.com/gmux/gmux/server/regions"
	"github.com/gmux/gmux/server/render"
	"github.com/gmux/gmux/server/sched"
	"github.com/gmux/gmux/server/settings"
	"github.com/gmux/gmux/server/status"
	"github.com/gmux/gmux/server/statusline"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
)

// display is what an attached client shows and how it takes input: the
// window it shows, its renderer and frame pacing, its input tokenizer and
// layers, and the modes open on it.
type display struct {
	r      *render.Renderer
	win    *window.Window   // the window this client shows (in its focused region)
	regs   *regions.Regions // the display's regions, when split (server/regions)
	drag   *regionDrag      // a region border being dragged (mouse_regions.go)
	sel    *mouseSelect     // text being selected with the mouse (mouse_select.go)
	clicks mouseClicks      // the last clicks, for double and triple ones
	named  *namedLayout     // the named layout it shows, if any (layouts.go)
	other  *window.Window   // the one shown before (C-a C-a)
	active uint64           // last activity, ordered across clients
	cols   int
	rows   int

	dirty     bool      // the window changed since the last frame
	lastDraw  time.Time // when the last frame was drawn
	unseen    int       // program output bytes since the last frame
	timerSet  bool      // a frame is scheduled
	syncTimer bool      // a frame held for a program's synchronized output is scheduled (syncoutput.go)
	bells     int
	suspended bool           // the client is stopped or in the background
	fed       *window.Window // the window the current input chunk went to

	tok    input.Tokenizer // what the terminal sends, as events (input.go)
	escGen int             // the pending-escape flush that still counts
	stack  [7]layer        // the input layers, rebuilt per event (layers.go)
	prefix bool            // the command key was typed; the next key is a command
	// prefixClass is the bind -c class the next key is looked up in
	// (command -c class), or "" for the command key's bindings.
	prefixClass string
	prompt      *prompt.Prompt // an open input line (C-a :, C-a A), or nil
	menu        *menu.List     // an open full-screen list (C-a "), or nil
	copy        *copyMode
	extra       []byte // bytes for the terminal with the next frame (OSC 52)
	message     string // shown on the last line until messageGen changes
	msgGen      int
	// idle (idle.go): the last key, whether a check is scheduled, whether
	// the idle command ran since that key; the blanker showing, if any.
	lastKey   time.Time
	idleTimer bool
	idleRan   bool
	blanker   *blanker
	lock      *lockScreen // the display is locked (lock.go)
	// guest: the display is a read-only guest's (actor.go).
	guest bool
	// noWindow is what an unsplit display shows with no window (select -).
	noWindow *vt.Screen
	// processing: the input being handled comes from a register (process).
	processing bool
	// The terminal's default colours, as it answered askColors (colors.go).
	fgColor, bgColor string
	// truecolorKnown: the terminal takes direct colour (truecolor.go).
	truecolorKnown bool
	// When c's own bell last rang, and it last raised a desktop
	// notification, for windows it does not show (attention.go).
	lastOuterBell, lastNotify time.Time
	// lastMessage is the last message shown, for lastmsg (C-a m).
	lastMessage string
}

// touch records activity: under windowsize latest, the most recently active
// client sizes the window.
func (c *client) touch(s *session) {
	s.Activity++
	c.active = s.Activity
	if s.set.WindowSize == settings.WindowLatest && c.win != nil {
		// The window takes the size of the display that types into it.
		cols, rows := c.windowSize()
		if wc, wr := c.win.Screen.Size(); wc != cols || wr != rows {
			s.fitWindow(c.win)
		}
	}
}

// windowSize is the size a window shown to c should have: the terminal less
// the caption and status lines.
func (c *client) windowSize() (int, int) {
	if c.regs != nil {
		return render.RegionWindowSize(c.focusRect())
	}
	return c.cols, max(1, c.layout().WinRows)
}

// markDirty notes that c's view changed and schedules a frame.
func (c *client) markDirty(s *session) {
	c.dirty = true
	c.schedule(s)
}

// schedule draws c now if it is idle and the change is interactive (a little
// output: an echo, a cursor move) or the last frame is old enough; otherwise
// it arranges to draw once the frame interval has passed, merging whatever
// arrives meanwhile. A slow client's writer stays busy, so it gets fewer,
// fresher frames and never holds anything up.
func (c *client) schedule(s *session) {
	if !c.dirty || !c.attached || c.suspended || c.Busy() || c.timerSet {
		return
	}
	if wait := c.syncWait(s); wait > 0 {
		c.holdForSync(s, wait)
		return
	}
	since := time.Since(c.lastDraw)
	if since >= frameInterval || c.unseen <= interactiveBytes {
		c.draw(s)
		return
	}
	c.timerSet = true
	s.after(sched.Key{Kind: sched.Frame, ID: c.id}, frameInterval-since, func() {
		c.timerSet = false
		c.schedule(s)
	})
}

// A change of at most interactiveBytes of output is drawn at once: typing
// echoes without waiting for a frame tick, while a flood of output is merged
// into one frame per interval.
const interactiveBytes = 2048

func (c *client) draw(s *session) {
	split := c.regs != nil
	if c.r == nil || c.blanker != nil || c.lock != nil {
		return
	}
	defer s.recoverClient(c, "drawing")
	c.dirty = false
	c.unseen = 0
	c.lastDraw = time.Now()
	if c.menu != nil && c.menu.Refresh != nil {
		c.menu.Refresh()
	}
	f := render.Frame{Message: c.message, StatusTop: s.set.Hardstatus == settings.StatusFirstLine, CaptionTop: s.set.CaptionTop,
		OwnMouse: c.wantsOwnMouse()}
	if c.menu != nil { // an Overlay holding a nil pointer would not be nil
		f.List = c.menu
	}
	if c.copy != nil {
		f.Copy = c.copy
	}
	switch {
	case c.win != nil:
		f.Screen = c.win.Screen
	case !split:
		f.Screen = c.blankScreen() // screen's blank window (select -)
	}
	if c.prompt != nil {
		f.Message, f.PromptX = c.prompt.View(c.cols)
		f.PromptOpen = true
	}
	if st := statusline.ApplyStyle(statusline.Style{}, s.set.MsgRendition); f.Message != "" && st != status.BarStyle {
		f.Message = st.Mark() + f.Message // sorendition
	}
	f.Caption, f.Status = s.bars(c)
	var out []byte
	if split {
		out = c.r.DrawRegions(f, c.regionFrames(s))
	} else {
		out = c.r.Draw(f)
	}
	if c.bells > 0 {
		out = append(out, '\a')
		c.bells = 0
	}
	out = append(out, c.extra...)
	c.extra = nil
	if len(out) > 0 {
		s.send(c, proto.TypeOutput, out)
	}
}

// showMessage shows msg on c's last line for msgWait.
func (c *client) showMessage(s *session, msg string) {
	if !c.attached {
		return
	}
	c.message = msg
	if msg != "" {
		c.lastMessage = msg
		s.logMessage(msg)
	}
	c.msgGen++
	gen := c.msgGen
	s.after(sched.Key{Kind: sched.Message, ID: c.id}, s.set.MsgWait, func() {
		if c.msgGen == gen && c.message != "" {
			c.message = ""
			c.markDirty(s)
		}
	})
	c.markDirty(s)
}

// redrawBars redraws every attached display's status and caption.
func (s *session) redrawBars() {
	for c := range s.clients {
		if c.attached {
			c.markDirty(s)
		}
	}
}

// redrawWindow redraws every attached display that shows w.
func (s *session) redrawWindow(w *window.Window) {
	for c := range s.clients {
		if c.attached && c.shows(w) {
			c.markDirty(s)
		}
	}
}

// regionFrames is what each of c's regions shows, placed on its terminal.
func (c *client) regionFrames(s *session) []render.Region {
	top, _, _ := c.regionArea()
	focus := c.regs.Focus()
	var out []render.Region
	for _, r := range c.regs.Regions() {
		w := c.regs.Window(r.ID)
		rf := render.Region{Rect: r.Rect, Focused: r.ID == focus}
		rf.Rect.Y += top
		if w != nil {
			rf.Screen = w.Screen
		}
		rf.Caption = status.Expand(s.set.CaptionFormat, status.View{Cur: w, Other: c.other, Cols: r.Rect.W,
			Focus: rf.Focused, CopyMode: rf.Focused && c.copy != nil, Escaped: rf.Focused && c.prefix}, s.statusSource())
		out = append(out, rf)
	}
	return out
}

// blankScreen is the empty screen an unsplit display shows with no window,
// screen's blank window, as large as a window would be.
func (c *client) blankScreen() *vt.Screen {
	cols, rows := c.windowSize()
	if c.noWindow == nil {
		c.noWindow = vt.New(cols, rows, 0)
	} else if bc, br := c.noWindow.Size(); bc != cols || br != rows {
		c.noWindow.Resize(cols, rows)
	}
	return c.noWindow
}

// showBlank shows screen's blank window (select -): no window; what is
// typed goes nowhere until a window is selected.
func (c *client) showBlank(s *session) {
	old := c.win
	if old == nil {
		return
	}
	c.other, c.win = old, nil
	if c.regs != nil {
		c.regs.Show(c.regs.Focus(), nil)
	}
	c.copy = nil
	s.fitWindow(old) // sized for the displays that still show it
	s.autosaveLayout(c)
	c.markDirty(s)
}
