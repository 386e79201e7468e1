package server

import (
	"fmt"
	"os"
	"strconv"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/proc"
	"golang.org/x/sys/unix"
)

// execWithState writes the state and execs path; it returns only if that
// fails.
func (s *session) execWithState(path, version string, asker *client, start time.Time) error {
	// What the goroutines handed over before they parked, and the work it
	// and this event left for later: all of it is in the state, or lost.
	s.runLater()
	for len(s.events) > 0 || len(s.bulk) > 0 {
		select {
		case f := <-s.events:
			s.handle(f)
		case f := <-s.bulk:
			s.handle(f)
		}
		s.runLater()
	}
	s.backticks.stopAll()
	for c := range s.clients {
		if c.blanker != nil {
			c.blanker.end(s, c) // the blanker's program would not survive exec; a key brings it back anyway
		}
	}
	st, err := s.captureState(true)
	if err != nil {
		return err
	}
	st.Session.Upgrade = &handover.Upgrade{From: st.Writer, To: version, Asker: clientID(asker), Started: start}
	memfd, err := unix.MemfdCreate("gmux-state", 0)
	if err != nil {
		return fmt.Errorf("memfd: %w", err)
	}
	f := os.NewFile(uintptr(memfd), "gmux-state")
	defer f.Close()
	exe, err := unix.Open("/proc/self/exe", unix.O_RDONLY, 0) // not close-on-exec: the way back
	if err != nil {
		return fmt.Errorf("open the running binary: %w", err)
	}
	defer unix.Close(exe)
	kept := keptDescriptors(st)
	// The keeper, holding everything until the new server answers
	// (proc/keeper.go); without one (at the process limit) the upgrade goes on
	// as before it was.
	keeper, kerr := proc.StartKeeper(kept, memfd, exe, s.Socket)
	if kerr != nil {
		s.log.Printf("upgrade: no keeper: %v", kerr)
	} else {
		st.Session.Upgrade.Keeper = keeper
		defer func() { go proc.Reap(keeper) }() // reached only when the exec failed: it sees us answer, and ends
	}
	if err := handover.Encode(f, st); err != nil {
		return err
	}
	size, _ := f.Seek(0, 1)
	if _, err := f.Seek(0, 0); err != nil {
		return err
	}
	if err := setCloseOnExec(kept, false); err != nil {
		setCloseOnExec(kept, true)
		return err
	}
	s.log.Printf("upgrade: handing the session to %s (%s): state of %d bytes, ready %v after the freeze began",
		path, version, size, time.Since(start).Round(time.Millisecond))
	argv := []string{path, proto.ResumeCommand, strconv.Itoa(memfd), strconv.Itoa(exe)}
	err = syscall.Exec(path, argv, os.Environ())
	setCloseOnExec(kept, true)
	return fmt.Errorf("exec: %w", err)
}
