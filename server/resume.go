package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"runtime/debug"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/link"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/proc"
	"github.com/gmux/gmux/server/render"
	"github.com/gmux/gmux/server/settings"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
	"golang.org/x/sys/unix"
)

// The new binary's side of a live upgrade (upgrade.go): read the state,
// check all of it, and only then take the descriptors over. A state it
// cannot take goes back to the old binary, which takes it again and says
// why the upgrade failed.

// decoded is a state with everything that could fail already parsed.
type decoded struct {
	st      *handover.State
	set     settings.Settings
	screens []*vt.Screen
}

func decodeState(r io.Reader) (*decoded, error) {
	st, err := handover.Decode(r)
	if err != nil {
		return nil, err
	}
	d := &decoded{st: st}
	if err := json.Unmarshal(st.Settings, &d.set); err != nil {
		return nil, fmt.Errorf("%w: settings: %v", handover.ErrState, err)
	}
	for _, w := range st.Windows {
		sc, err := vt.Restore(st.Screens[w.Screen])
		if err != nil {
			return nil, fmt.Errorf("window %d: %w", w.Number, err)
		}
		d.screens = append(d.screens, sc)
	}
	st.Screens = nil // restored: the bytes can go
	return d, nil
}

// CheckState reads a state as Resume would and says whether this gmux can
// take it (the trial run of an upgrade).
func CheckState(r io.Reader) error {
	_, err := decodeState(r)
	return err
}

// Resume serves the session in the state at stateFD, handed over by a live
// upgrade; exeFD is the binary that wrote it. Like Run, it returns the exit
// status. It returns early (with an
// error) only when it cannot take the state and cannot give it back either.
func Resume(stateFD, exeFD int, failure string, logger *log.Logger) (int, error) {
	proc.ReserveThreads()
	f := os.NewFile(uintptr(stateFD), "gmux-state")
	began := time.Now()
	d, err := decodeState(f)
	logger.Printf("upgrade: state read in %v", time.Since(began).Round(time.Millisecond))
	if err == nil {
		err = checkDescriptors(d.st)
	}
	var s *session
	if err == nil {
		if up := d.st.Session.Upgrade; up != nil {
			up.Failed = failure
		}
		s, err = resumeGuarded(d, logger)
	}
	if err != nil {
		if failure != "" {
			return 1, fmt.Errorf("the session's own binary cannot take it back: %w", err)
		}
		// Back to the binary that wrote it, with the same state: the
		// descriptors it names are all still open (originals are closed
		// only once everything is taken over).
		logger.Printf("upgrade: cannot take the session: %v; handing it back", err)
		if d != nil {
			setCloseOnExec(keptDescriptors(d.st), false)
		}
		if _, serr := f.Seek(0, 0); serr != nil {
			return 1, serr
		}
		argv := []string{os.Args[0], proto.ResumeCommand, strconv.Itoa(stateFD), strconv.Itoa(exeFD), err.Error()}
		err = syscall.Exec("/proc/self/fd/"+strconv.Itoa(exeFD), argv, os.Environ())
		return 1, fmt.Errorf("cannot go back to the old binary: %w", err)
	}
	for _, o := range s.handedOver {
		o.Close()
	}
	s.handedOver = nil
	f.Close()
	unix.Close(exeFD)
	// The descriptors the state named were open across the exec: taken
	// over, they are the session's own, not its windows' to inherit (the
	// next upgrade opens them again for its exec).
	setCloseOnExec(keptDescriptors(d.st), true)
	proc.CloseStrayDescriptors()
	return s.serve(), nil
}

// resumeGuarded is resumeSession, with a panic (a bug in this binary) an
// error: the session goes back to the old binary rather than dying.
func resumeGuarded(d *decoded, logger *log.Logger) (s *session, err error) {
	defer func() {
		if p := recover(); p != nil {
			logger.Printf("upgrade: panic taking the session over: %v\n%s", p, debug.Stack())
			s, err = nil, fmt.Errorf("the new gmux failed taking the session over: %v", p)
		}
	}()
	return resumeSession(d, logger), nil
}

// checkDescriptors makes sure every descriptor the state names is open.
func checkDescriptors(st *handover.State) error {
	for _, fd := range keptDescriptors(st) {
		if _, err := unix.FcntlInt(uintptr(fd), unix.F_GETFD, 0); err != nil {
			return fmt.Errorf("descriptor %d of the state is not open: %w", fd, err)
		}
	}
	return nil
}

// resumeSession builds the session from a checked state and starts its
// goroutines; from here on the descriptors are this server's.
func resumeSession(d *decoded, logger *log.Logger) *session {
	st := d.st
	ss := st.Session
	opts := Options{ServerConfig: ss.Config, Log: logger}
	s := newSession(opts)
	s.SessionModel = ss.SessionModel
	s.set = d.set
	for _, e := range ss.ColonHistory {
		s.colonHistory.Add(e)
	}
	for _, e := range ss.SearchHistory {
		s.searchHistory.Add(e)
	}
	s.lastRegions = ss.Regions
	for _, l := range ss.Layouts {
		s.layouts.list = append(s.layouts.list, &namedLayout{number: l.Number, title: l.Title, regions: l.Regions, window: l.Window})
	}
	s.layouts.noSave = ss.LayoutAutosaveOff
	s.layouts.attachTo, s.layouts.last = s.layouts.byNumber(ss.LayoutAttach), s.layouts.byNumber(ss.LayoutLast)
	s.registers = map[byte]string{}
	for k, v := range ss.Registers {
		if len(k) == 1 {
			s.registers[k[0]] = v
		}
	}
	for _, m := range ss.Messages {
		s.messageLog = append(s.messageLog, loggedMessage{at: m.At, text: m.Text})
	}
	lf := os.NewFile(uintptr(ss.Listener), "listener")
	s.handedOver = append(s.handedOver, lf)
	ln, err := net.FileListener(lf) // a copy
	if err != nil {
		logger.Printf("upgrade: the socket: %v", err) // nobody new can attach; those attached stay
		ln = closedListener{}
	}
	s.ln = ln
	s.reserveFiles()
	byID := map[int]*window.Window{}
	for i, ws := range st.Windows {
		w := s.resumeWindow(ws, d.screens[i])
		byID[w.ID] = w
		s.windows = append(s.windows, w)
	}
	sort.Slice(s.windows, func(i, j int) bool { return s.windows[i].Number < s.windows[j].Number })
	s.lastWin, s.prevWin = byID[ss.LastWindow], byID[ss.PrevWindow]
	for _, b := range ss.Backticks {
		s.backticks.set(s, b.ID, b.Lifespan, b.Refresh, b.Argv)
		if bt := s.backticks[b.ID]; bt != nil && bt.value == "" {
			bt.value = b.Value
		}
	}
	var asker *client
	for _, cs := range st.Clients {
		if int64(cs.ID) > s.clientIDs.Load() {
			s.clientIDs.Store(int64(cs.ID))
		}
		c := s.resumeClient(cs, byID)
		if c != nil && ss.Upgrade != nil && cs.ID == ss.Upgrade.Asker {
			asker = c
		}
	}
	s.post(func() { s.upgraded(ss.Upgrade, asker) })
	if takeoverFault != "" {
		injectTakeoverFault()
	}
	return s
}

// takeoverFault, set at link time, makes taking a session over fail at the
// last step: a test's stand-in for a new gmux with a bug in it. By default
// it panics (the new binary must hand the session back to the old one);
// GMUX_TAKEOVER_FAULT, read only by such a build, picks a worse end, which
// the keeper must mend: "exit", "kill" (SIGKILL), "fatal" (a fatal runtime
// error, which no recover catches) or "hang".
var takeoverFault string

func injectTakeoverFault() {
	switch os.Getenv("GMUX_TAKEOVER_FAULT") {
	case "exit":
		os.Exit(3)
	case "kill":
		unix.Kill(os.Getpid(), unix.SIGKILL)
		select {}
	case "fatal":
		var mu sync.Mutex
		mu.Unlock() // fatal error: sync: unlock of unlocked mutex
	case "hang":
		select {}
	}
	panic("takeoverFault: " + takeoverFault)
}

// upgraded tells whoever asked how the upgrade went. The loop runs: the
// session is this server's, and the keeper can go (proc/keeper.go).
func (s *session) upgraded(up *handover.Upgrade, asker *client) {
	if up == nil {
		return
	}
	if up.Keeper > 0 && up.Keeper != os.Getpid() {
		proc.ReleaseKeeper(up.Keeper)
	}
	took := time.Since(up.Started).Round(time.Millisecond)
	msg := fmt.Sprintf("%s now runs gmux %s (was %s; hand-over %v)", s.Name, up.To, up.From, took)
	ok := up.Failed == ""
	if !ok {
		msg = fmt.Sprintf("upgrade to gmux %s failed, the session goes on with gmux %s: %s", up.To, up.From, up.Failed)
	}
	s.log.Printf("upgrade: %s", msg)
	if asker != nil && !asker.attached {
		s.send(asker, proto.TypeReply, proto.EncodeJSON(proto.Reply{OK: ok, Output: msg}))
		return
	}
	for c := range s.clients {
		if c.attached {
			c.showMessage(s, msg)
		}
	}
}

// resumeWindow takes a window's program and PTY over.
func (s *session) resumeWindow(ws handover.Window, screen *vt.Screen) *window.Window {
	w := &window.Window{WindowModel: ws.WindowModel, LastOutput: time.Now()}
	var err error
	if !ws.Exited {
		w.Pane, err = pane.Adopt(ws.PID, ws.PTY, screen)
	}
	if ws.Exited || err != nil {
		w.Pane = pane.Dead(ws.PID, screen)
		w.Close()
	}
	if err != nil {
		// Only when out of descriptors: the program loses its terminal
		// (hung up, as by the descriptor's close), the rest goes on.
		s.log.Printf("upgrade: window %d: %v", w.Number, err)
		w.Status = "lost its terminal"
	}
	if ws.Stopped { // C-s held it: it stays held until C-q
		w.Gate.Hold()
	}
	w.HeldOutput = ws.HeldOutput
	w.Term = ws.Term
	if w.Term == "" { // handed over by a gmux before the field
		w.Term = s.set.Term
	}
	s.applyScreenPolicy(w)
	if ws.Log != nil {
		unix.CloseOnExec(ws.Log.File)
		w.Log = window.AdoptLog(ws.Log.Path, os.NewFile(uintptr(ws.Log.File), ws.Log.Path), ws.Log.Raw, ws.Log.State)
	}
	if w.Exited {
		return w
	}
	if len(ws.Input) > 0 {
		w.Input.Push(ws.Input)
	}
	w.WatchSilence(s.host())
	s.runWindow(w)
	return w
}

// resumeClient takes a connection over: an attached display gets a new
// renderer and one full redraw.
func (s *session) resumeClient(cs handover.Client, byID map[int]*window.Window) *client {
	var conn net.Conn
	var err error
	switch {
	case cs.In >= 0:
		conn, err = link.NewPipeConn(cs.In, cs.Out)
		unix.Close(cs.In)
		unix.Close(cs.Out)
	default:
		f := os.NewFile(uintptr(cs.Conn), "client")
		s.handedOver = append(s.handedOver, f)
		conn, err = net.FileConn(f)
	}
	if err != nil {
		s.log.Printf("upgrade: client %d: %v", cs.ID, err)
		return nil
	}
	var raw syscall.RawConn
	if pc, ok := conn.(*link.PipeConn); ok {
		raw = pc.Raw() // as a stream taken with the hello has it
	} else {
		raw = proc.RawConn(conn.(*net.UnixConn))
	}
	c := s.newClient(cs.ID, conn, raw, cs.PID)
	c.hello = cs.Hello
	c.hello.Version = cs.Version
	if cs.Via >= 0 {
		f := os.NewFile(uintptr(cs.Via), "proxy")
		s.handedOver = append(s.handedOver, f)
		c.Via, _ = net.FileConn(f)
	}
	if cs.TTY >= 0 {
		c.TTY, err = link.OpenTerminal(cs.TTY)
		s.handedOver = append(s.handedOver, os.NewFile(uintptr(cs.TTY), "client terminal"))
		if err != nil {
			s.log.Printf("upgrade: client %d: %v", cs.ID, err)
		} else {
			c.RawTTY = proc.RawConn(c.TTY)
		}
	}
	s.clients[c] = true
	for _, p := range cs.Unwritten {
		if p.Terminal && c.TTY == nil {
			continue // for a terminal this server could not open: nowhere to go
		}
		c.Queue(p.Terminal, p.B)
	}
	c.Frames = proto.NewReader(io.MultiReader(bytes.NewReader(cs.Unread), conn))
	c.serve(true)
	if cs.Attached {
		s.resumeDisplay(c, cs, byID)
	}
	c.Flush()
	return c
}

// resumeDisplay gives an attached client its display back.
func (s *session) resumeDisplay(c *client, cs handover.Client, byID map[int]*window.Window) {
	c.cols, c.rows = clampSize(cs.Cols, cs.Rows)
	h := c.hello
	r, err := render.New(h.Term, h.ColorTerm, h.Locale, c.cols, c.rows)
	if err != nil {
		s.log.Printf("upgrade: client %d: %v", c.id, err)
		return
	}
	c.r = r
	c.attached = true
	c.suspended = cs.Suspended
	if c.TTY != nil {
		if c.suspended {
			c.TTY.SetReadDeadline(time.Now()) // the shell's until the client resumes
		}
		go s.readTerminal(c, c.RawTTY, openProcStat(c.PID, c.RawTTY))
	}
	c.touch(s)
	c.noteKey(s)
	c.other = byID[cs.Other]
	w := byID[cs.Window]
	if w == nil {
		w = s.lastWin
	}
	if w == nil && len(s.windows) > 0 {
		w = s.windows[0]
	}
	// What the terminal answered before is known: it is not asked again
	// (a stopped client's terminal is the shell's: no questions to it).
	c.fgColor, c.bgColor, c.truecolorKnown = cs.FG, cs.BG, cs.Truecolor
	c.r.SetTruecolor(c.truecolorFor(s))
	c.named = s.layouts.byNumber(cs.Layout)
	s.selectWindow(c, w)
	c.restoreRegions(s, cs.Regions)
	s.startClock()
	c.r.Invalidate()
	c.markDirty(s)
	if cs.Locked {
		// Locked it was, locked it stays: an upgrade must not be a way in.
		if err := s.lock(c, cs.LockWhy); err != nil {
			s.log.Printf("upgrade: client %d: cannot lock again: %v; detaching it", c.id, err)
			s.detach(c, "detached (it was locked)")
		}
	}
}

// closedListener stands in for a socket that could not be taken over.
type closedListener struct{}

func (closedListener) Accept() (net.Conn, error) { return nil, net.ErrClosed }
func (closedListener) Close() error              { return nil }
func (closedListener) Addr() net.Addr            { return &net.UnixAddr{Name: "closed", Net: "unix"} }
