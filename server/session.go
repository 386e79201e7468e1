package server

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/lineedit"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/park"
	"github.com/gmux/gmux/server/render"
	"github.com/gmux/gmux/server/sched"
	"github.com/gmux/gmux/server/settings"
	"github.com/gmux/gmux/server/window"
)

// Options configure a session server: what the starting client sent, and
// where to log.
type Options struct {
	proto.ServerConfig
	Log *log.Logger
}

// frameInterval is the shortest time between two frames to one client. The
// first change after a quiet moment is drawn at once; changes within the
// interval are merged into the next frame.
const frameInterval = 16 * time.Millisecond

type session struct {
	// SessionModel is its name, socket, paste buffer and the rest a live
	// upgrade hands over as it is.
	handover.SessionModel
	opts         Options
	events       chan func()
	bulk         chan func() // output of windows the loop is behind on (fairness.go)
	eventRun     int         // events taken in a row while bulk may wait
	later        []func()    // run after the current event (afterEvent)
	procs        *processors
	mem          memoryRelease  // returning memory after floods (memory.go)
	windows      windowList     // sorted by number
	lastWin      *window.Window // the window most recently selected by anyone
	prevWin      *window.Window // the one selected before it: a new display's previous window
	clients      map[*client]bool
	ln           net.Listener
	log          *log.Logger
	set          settings.Settings // what commands and the config change (server/settings)
	ending       bool              // the session is ending: no new work, clients are told
	finished     bool              // the socket is gone and clients were released
	exitReason   string
	done         bool // the loop should return
	exitCode     int
	colonHistory *lineedit.History // lines entered at the C-a : prompt

	deadlines     sched.Scheduler // pending work in time (deadlines.go)
	backticks     backticks       // backtick commands by id (backtick.go)
	startupErrors []string        // config errors, for the first client to attach
	// unusablePassword is the error of a password line of the config that
	// failed: the session refuses to start without the password it meant.
	unusablePassword string
	selections       int64             // windows switched to, for windowlist -m
	registers        map[byte]string   // screen's registers (cmd_register.go)
	messageLog       []loggedMessage   // the last messages shown (messages)
	searchHistory    *lineedit.History // copy mode searches
	upgrading        bool              // an upgrade is being tried (upgrade.go)
	reserve          atomic.Int32      // a spare descriptor for refusing clients at the fd limit (accept.go)
	spare            render.Spare      // made for the next attach while none is (spare.go)

	// A live upgrade's freeze (freeze.go, server/park), and whether the
	// listener's goroutine has parked for it.
	frz          park.Freeze
	acceptParked park.Flag
	// clientIDs is the last client id given: ids stay unique across a live
	// upgrade, which keeps the clients and names the one that asked by id.
	clientIDs atomic.Int64
	// handedOver are descriptors a live upgrade handed over and this server
	// copied: closed once it has taken everything over, so that until then
	// the session can still go back to the old binary (resume.go).
	handedOver []io.Closer
	// lastRegions are the regions of the display that detached last: the
	// next to attach gets them (regions.go).
	lastRegions *savedRegions
	layouts     layoutSet // named layouts (layouts.go)
	boot        *client   // the display a config's split lines act on (bootdisplay.go)
}

// post runs f on the session loop. Every goroutine but the loop's changes
// state only this way.
func (s *session) post(f func()) { s.events <- f }

// queue is post for the loop itself: f runs on the loop after the events
// already waiting. The loop must never send to its own channel: with the
// lane full (a storm of connections) it would wait on itself for ever. So
// a goroutine carries f, and waits in the loop's stead.
func (s *session) queue(f func()) { go s.post(f) }

func (s *session) run() {
	for !s.done {
		s.handle(s.next())
		s.runLater()
	}
}

// runLater runs the work events left for after them (afterEvent).
func (s *session) runLater() {
	for len(s.later) > 0 {
		g := s.later[0]
		s.later = s.later[1:]
		s.handle(g)
	}
}

// afterEvent runs f on the loop once the current event is handled: for work
// that must not happen in the middle of it (dropping a client while its
// frames are being queued).
func (s *session) afterEvent(f func()) { s.later = append(s.later, f) }

// nextWindowID returns a window id never used before in this session.
func (s *session) nextWindowID() int {
	s.WindowIDs++
	return s.WindowIDs
}

// newWindow starts a window and shows it to client c (if any).
func (s *session) newWindow(c *client, argv []string, title string, number int) (*window.Window, error) {
	switch {
	case number >= s.set.MaxWin:
		return nil, fmt.Errorf("window number %d is out of range (0-%d)", number, s.set.MaxWin-1)
	case number < 0:
		number = s.windows.freeNumber()
	default:
		number = s.windows.freeNumberFrom(number)
	}
	if number < 0 || number >= s.set.MaxWin {
		return nil, fmt.Errorf("no free window number (maxwin %d)", s.set.MaxWin)
	}
	cols, rows := s.opts.Cols, s.opts.Rows
	if c != nil {
		cols, rows = c.windowSize()
	} else if s.lastWin != nil {
		cols, rows = s.lastWin.Screen.Size()
	}
	w, err := s.startWindow(number, argv, s.set.Dir, title, cols, rows)
	if errors.Is(err, errCannotRun) && len(argv) > 0 {
		w = s.stillborn(number, argv, title, cols, rows, err)
	} else if err != nil {
		return nil, err
	}
	s.windows = append(s.windows, w)
	sort.Slice(s.windows, func(i, j int) bool { return s.windows[i].Number < s.windows[j].Number })
	if err != nil {
		return w, err // listed, and ending: the caller says why
	}
	s.log.Printf("window %d: started %q pid %d", w.Number, w.Argv, w.PID)
	w.WatchSilence(s.host())
	if s.opts.LogAll {
		if _, err := s.setLogging(w, true); err != nil {
			s.log.Printf("window %d: log: %v", w.Number, err)
		}
	}
	if c != nil {
		s.selectWindow(c, w)
	} else {
		s.setLastWin(w)
	}
	if s.set.Verbose {
		for d := range s.clients {
			d.showMessage(s, fmt.Sprintf("Window %d: %s", w.Number, strings.Join(w.Argv, " ")))
		}
	}
	return w, nil
}

// windowOutput feeds program output to the emulator and schedules frames.
func (s *session) windowOutput(w *window.Window, data []byte) {
	if w.Exited || w.HoldOutput(data) {
		return
	}
	if w.Filter != nil && !w.Filter.AppOutput(data) {
		return // exec'd filter takes it
	}
	s.showOutput(w, data)
}

// showOutput puts output on w's screen, its log and its displays.
func (s *session) showOutput(w *window.Window, data []byte) {
	if w.Exited {
		return
	}
	w.Screen.Write(data)
	now := s.now()
	w.LastOutput = now
	w.NoteSyncOutput(now)
	if w.SilenceWait > 0 {
		w.SilenceBroken(s.host())
	}
	s.procs.noteOutput(len(data))
	s.mem.note(s, len(data), now)
	if w.Log != nil {
		w.Log.Output(s.host(), w, data)
	}
	if r := w.Screen.TakeReplies(); len(r) > 0 {
		w.Send(r)
	}
	s.programClipboard(w)
	bells := w.Screen.TakeBells()
	if w.Screen.TakeChanged() || bells > 0 {
		shown := false
		for c := range s.clients {
			if c.attached && c.shows(w) {
				shown = true
				if bells > 0 {
					c.bellShown(s, w, bells)
				}
				c.unseen += len(data)
				c.markDirty(s)
			}
		}
		if !shown {
			w.HiddenAttention(s.host(), bells)
		}
	}
}

// windowExited handles the end of a window's program: the window closes
// (the last one ends the session), or with zombie set it stays, dead, until
// the user kills or restarts it.
func (s *session) windowExited(w *window.Window, status string, code int) {
	if w.Exited {
		return
	}
	s.log.Printf("window %d: %s", w.Number, status)
	w.ResumeOutput(s.host())
	w.Close()
	w.ReleaseWaiters()
	if w.Log != nil {
		if err := w.Log.Close(); err != nil {
			s.log.Printf("window %d: log: %v", w.Number, err)
		}
		w.Log = nil
	}
	if w.Removed {
		return // killed: it left the list already
	}
	w.Status, w.Code = status, code
	if s.set.Zombie != "" && !s.ending && (!s.set.ZombieOnError || code != 0) {
		msg := fmt.Sprintf("\r\n=== Window %d (%s) %s: %s kills it, %s restarts it ===",
			w.Number, w.Title, status, keyName(s.set.Zombie[0]), keyName(s.set.Zombie[1]))
		w.Screen.Write([]byte(msg))
		for c := range s.clients {
			if c.attached && c.shows(w) {
				c.markDirty(s)
			}
		}
		return
	}
	s.removeWindow(w)
}

// setLastWin records w as the session's current window, and the one before
// it as the previous.
func (s *session) setLastWin(w *window.Window) {
	if s.lastWin != w {
		s.prevWin, s.lastWin = s.lastWin, w
	}
}

// removeWindow takes a closed window out of the session; clients showing it
// move to another. The last window's going ends the session.
func (s *session) removeWindow(w *window.Window) {
	w.Removed = true
	s.unlist(w)
	if s.prevWin == w {
		s.prevWin = nil
	}
	if s.lastWin == w {
		s.lastWin = nil
		if len(s.windows) > 0 {
			s.lastWin = s.windows[0]
		}
	}
	if len(s.windows) == 0 {
		s.end(fmt.Sprintf("%s %s", w.Title, w.Status), w.Code)
		return
	}
	for c := range s.clients {
		if c.other == w {
			c.other = nil
		}
		if c.regs != nil {
			c.regs.Unshow(w) // an unfocused region shows nothing, as in screen
		}
		if c.attached && c.win == w {
			next := c.other
			if next == nil {
				next = s.windows.after(w.Number, +1)
			}
			c.win = nil
			s.selectWindow(c, next)
			if w.Status != statusKilled {
				c.showMessage(s, fmt.Sprintf("Window %d (%s) %s", w.Number, w.Title, w.Status))
			}
		}
	}
}

// zombieKey handles a key typed into a dead window: kill or restart it.
func (s *session) zombieKey(c *client, key byte) {
	w := c.win
	switch key {
	case s.set.Zombie[0]:
		s.removeWindow(w)
	case s.set.Zombie[1]:
		title := ""
		if w.Named {
			title = w.Title
		}
		s.unlist(w) // replaced in place, under the same number
		if _, err := s.newWindow(c, w.Argv, title, w.Number); err != nil {
			c.showMessage(s, err.Error())
		}
	}
}

// unlist takes w out of the window list.
func (s *session) unlist(w *window.Window) {
	for i, x := range s.windows {
		if x == w {
			s.windows = append(s.windows[:i], s.windows[i+1:]...)
			return
		}
	}
}

// selectWindow shows w to client c.
func (s *session) selectWindow(c *client, w *window.Window) {
	if w == nil {
		return // a dead window is shown too (zombie on): k kills it, r restarts it
	}
	if c.win != w {
		if c.win != nil {
			c.other = c.win
		}
		c.win = w
		s.selections++
		w.ShownAt = s.selections
		if c.regs != nil {
			c.regs.Show(c.regs.Focus(), w)
		}
		if c.message != "" { // it spoke of the window left: stale now
			c.message = ""
			c.msgGen++
		}
	}
	if c.copy != nil && c.copy.win != w {
		c.copy = nil // copy mode is a view of its window: it ends when the display leaves it
	}
	s.setLastWin(w)
	w.Seen(s.host())
	s.fitWindow(w)
	s.autosaveLayout(c)
	c.markDirty(s)
}

// fitWindow sizes w for the client that used it most recently (tmux's
// "latest"): larger clients see it with blank space, smaller ones cropped.
func (s *session) fitWindow(w *window.Window) {
	shown := s.views(w)
	if len(shown) == 0 {
		return
	}
	if cols, rows, ok := fitSize(&s.set, shown); ok {
		w.Resize(cols, rows)
	}
	for c := range s.clients {
		if c.attached && c.shows(w) {
			c.markDirty(s)
		}
	}
}

// end finishes the session: every client is told why, then the loop stops.
func (s *session) end(reason string, code int) {
	if s.ending {
		return
	}
	s.ending = true
	s.exitCode = code
	s.exitReason = fmt.Sprintf("session %q ended: %s", s.Name, reason)
	s.log.Printf("session ending: %s", reason)
	for _, w := range s.windows {
		w.Terminate()
	}
	s.backticks.stopAll()
	if s.opts.AwaitAttach && !s.EverAttached {
		// The client that started the session is about to attach: let it
		// in to hear why the session ended, rather than leave it with EOF.
		s.after(sched.Key{Kind: sched.Finish}, 5*time.Second, s.finish)
		return
	}
	s.finish()
}

// finish closes the socket and releases every client.
func (s *session) finish() {
	if s.finished {
		return
	}
	s.finished = true
	s.ln.Close()
	os.Remove(s.Socket)
	os.Remove(s.agentLink())
	for c := range s.clients {
		if c.attached {
			s.release(c, proto.TypeExit, proto.EncodeJSON(proto.Exit{Reason: s.exitReason, Status: s.exitCode}))
		} else {
			// A command that ended the session (quit) still gets its
			// reply: the connection closes once that is written.
			s.closeWhenSent(c)
		}
	}
	s.maybeFinish()
	// Clients that do not read their last frames do not hold the server.
	s.after(sched.Key{Kind: sched.Done}, 2*time.Second, func() { s.done = true })
}

// awaitPrograms waits, after the loop has ended, until every program the
// session started has been reaped, so that none outlives the session; the
// escalation of terminate bounds the wait.
func (s *session) awaitPrograms() {
	by := time.Now().Add(2*pane.KillGrace + time.Second)
	for _, w := range s.windows {
		if !w.AwaitReaped(by) {
			s.log.Printf("window %d: pid %d did not end after SIGKILL", w.Number, w.PID)
			return
		}
	}
}

// maybeFinish stops the loop once an ending session has no clients left.
func (s *session) maybeFinish() {
	if s.finished && len(s.clients) == 0 {
		s.done = true
	}
}

// attachedCount returns the number of attached clients.
func (s *session) attachedCount() int {
	n := 0
	for c := range s.clients {
		if c.attached {
			n++
		}
	}
	return n
}
