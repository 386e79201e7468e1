package server

import (
	"encoding/json"
	"fmt"
	"syscall"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/link"
	"github.com/gmux/gmux/server/window"
	"golang.org/x/sys/unix"
)

// captureState describes the session for the binary that takes it over
// (server/handover). It runs on the loop; for the real hand-over, frozen
// (freeze.go), so that nothing moves while it is taken. Unfrozen (a trial),
// the clients' readers are running: what they hold is left out.
func (s *session) captureState(frozen bool) (*handover.State, error) {
	set, err := json.Marshal(&s.set)
	if err != nil {
		return nil, err
	}
	st := &handover.State{Writer: proto.BuildVersion(), Settings: set}
	st.Session = handover.Session{
		SessionModel: s.SessionModel, Config: s.opts.ServerConfig, Listener: descriptor(s.ln),
		LastWindow: windowID(s.lastWin), PrevWindow: windowID(s.prevWin), Registers: map[string]string{},
		ColonHistory: s.colonHistory.Entries(), SearchHistory: s.searchHistory.Entries(), Regions: s.lastRegions,
	}
	ls := &s.layouts
	for _, l := range ls.list {
		st.Session.Layouts = append(st.Session.Layouts, handover.Layout{Number: l.number, Title: l.title, Regions: l.regions, Window: l.window})
	}
	st.Session.LayoutAutosaveOff = ls.noSave
	st.Session.LayoutAttach, st.Session.LayoutLast = layoutNumber(ls.attachTo), layoutNumber(ls.last)
	for k, v := range s.registers {
		st.Session.Registers[string([]byte{k})] = v
	}
	for _, m := range s.messageLog {
		st.Session.Messages = append(st.Session.Messages, handover.Message{At: m.at, Text: m.text})
	}
	for _, b := range s.backticks {
		st.Session.Backticks = append(st.Session.Backticks, handover.Backtick{ID: b.id, Lifespan: b.lifespan,
			Refresh: b.refresh, Argv: b.argv, Value: b.value})
	}
	for _, w := range s.windows {
		if w.Filter != nil {
			return nil, fmt.Errorf("window %d runs a filter (exec): end it first", w.Number)
		}
		screen, err := w.Screen.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("window %d: %w", w.Number, err)
		}
		ws := handover.Window{
			WindowModel: w.WindowModel,
			PID:         w.PID, PTY: -1, Stopped: w.Gate.Held(), HeldOutput: w.HeldOutput, Exited: w.Exited, Screen: len(st.Screens),
		}
		st.Screens = append(st.Screens, screen)
		if !w.Exited {
			ws.PTY = descriptor(w.PTY)
			ws.Input = w.Input.Pending()
			ws.Input = append(ws.Input, w.HeldInput()...)
		}
		if w.Log != nil {
			if err := w.Log.Flush(); err != nil {
				s.log.Printf("window %d: log: %v", w.Number, err)
			}
			f, raw, state := w.Log.HandOver()
			ws.Log = &handover.Log{File: descriptor(f), Path: w.Log.Path, Raw: raw, State: state}
		}
		st.Windows = append(st.Windows, ws)
	}
	for c := range s.clients {
		if c.Gone || c.Frames == nil {
			continue
		}
		cs := handover.Client{
			ID: c.id, Version: c.hello.Version, Hello: c.hello, Conn: -1, In: -1, Out: -1, Via: -1, TTY: -1, PID: c.PID,
			Attached: c.attached && !c.Closing, Cols: c.cols, Rows: c.rows,
			Window: windowID(c.win), Other: windowID(c.other),
		}
		if frozen {
			cs.Unread = c.Frames.Unread()
		}
		cs.Suspended = c.suspended
		cs.FG, cs.BG, cs.Truecolor = c.fgColor, c.bgColor, c.truecolorKnown
		cs.Regions = c.saveRegions()
		cs.Layout = layoutNumber(c.named)
		if c.lock != nil {
			if c.lock.prog != nil {
				return nil, fmt.Errorf("a display is locked by $LOCKPRG: unlock it first")
			}
			cs.Locked, cs.LockWhy = true, c.lock.why
		}
		if p, ok := c.Conn.(*link.PipeConn); ok {
			in, out := p.Ends()
			cs.In, cs.Out = descriptor(in), descriptor(out)
		} else {
			cs.Conn = descriptor(c.Conn)
		}
		if c.Via != nil {
			cs.Via = descriptor(c.Via)
		}
		if c.TTY != nil {
			cs.TTY = descriptor(c.TTY)
		}
		for _, p := range c.Unwritten() {
			cs.Unwritten = append(cs.Unwritten, handover.Part{Terminal: p.Terminal, B: p.B})
		}
		st.Clients = append(st.Clients, cs)
	}
	return st, nil
}

func layoutNumber(l *namedLayout) int {
	if l == nil {
		return -1
	}
	return l.number
}

func windowID(w *window.Window) int {
	if w == nil {
		return 0
	}
	return w.ID
}

// descriptor returns the number of the descriptor behind f, without
// os.File.Fd, which would make it blocking; -1 if there is none.
func descriptor(f any) int {
	sc, ok := f.(interface {
		SyscallConn() (syscall.RawConn, error)
	})
	if !ok {
		return -1
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return -1
	}
	fd := -1
	rc.Control(func(d uintptr) { fd = int(d) })
	return fd
}

// keptDescriptors lists every descriptor a state names: they must stay open
// across exec.
func keptDescriptors(st *handover.State) []int {
	fds := []int{st.Session.Listener}
	for _, w := range st.Windows {
		fds = append(fds, w.PTY)
		if w.Log != nil {
			fds = append(fds, w.Log.File)
		}
	}
	for _, c := range st.Clients {
		fds = append(fds, c.Conn, c.In, c.Out, c.Via, c.TTY)
	}
	kept := fds[:0]
	for _, fd := range fds {
		if fd >= 0 {
			kept = append(kept, fd)
		}
	}
	return kept
}

// setCloseOnExec sets or clears close-on-exec on fds.
func setCloseOnExec(fds []int, on bool) error {
	for _, fd := range fds {
		flag := 0
		if on {
			flag = unix.FD_CLOEXEC
		}
		if _, err := unix.FcntlInt(uintptr(fd), unix.F_SETFD, flag); err != nil {
			return fmt.Errorf("descriptor %d: %w", fd, err)
		}
	}
	return nil
}
