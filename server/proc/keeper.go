//go:build linux

package proc

import (
	"errors"
	"fmt"
	"log"
	"net"
	"os"
	"slices"
	"strconv"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
	"golang.org/x/sys/unix"
)

// A live upgrade execs the new binary in the server's own process, so that
// the programs stay its children. A new binary that passes the trial run
// and then dies taking the session over (an exit, a kill, a fatal runtime
// error) would take every window with it: the process holding their
// terminals would be gone. So just before the exec the old server starts a
// keeper, its own binary in a process of its own, holding the session's
// descriptors (the PTY masters, the listener, the clients' connections and
// terminals) at their own numbers, the state and the old binary. The keeper
// does nothing with them but hold them, until the new server answers on the
// session's socket: then it lets go and exits. Should the new server die
// first, or not answer within keeperWatch (then it is killed), the keeper
// takes the session back itself: it execs the old binary on the state, as
// a new binary that refuses a state does. A new server that has the
// session ends the keeper itself (ReleaseKeeper); one of an older gmux is
// seen answering. The programs never notice; only
// their parent is gone (they are init's now), so their exit statuses are
// not seen (Reap.go).

// keeperWatch is how long the new server has to answer.
const keeperWatch = 10 * time.Second

// keeperProbe bounds one try at the socket.
const keeperProbe = 300 * time.Millisecond

// StartKeeper starts the keeper for a hand-over of the descriptors kept,
// the state in stateFD and the binary exeFD; it returns its PID.
func StartKeeper(kept []int, stateFD, exeFD int, socket string) (int, error) {
	fds := append(slices.Clone(kept), stateFD, exeFD)
	files := make([]uintptr, slices.Max(fds)+1)
	for i := range files {
		files[i] = ^uintptr(0) // closed in the keeper
	}
	for _, fd := range append(fds, 0, 1, 2) { // its stderr is the server's log
		files[fd] = uintptr(fd)
	}
	argv := []string{os.Args[0], proto.KeepCommand, strconv.Itoa(os.Getpid()), socket, strconv.Itoa(stateFD), strconv.Itoa(exeFD)}
	return syscall.ForkExec("/proc/self/fd/"+strconv.Itoa(exeFD), argv, &syscall.ProcAttr{
		Env: os.Environ(), Files: files, Sys: &syscall.SysProcAttr{Setpgid: true},
	})
}

// Keep is the keeper's part (proto.KeepCommand): it returns once the new
// server answered, or never (it becomes the session's server).
func Keep(serverPID int, socket string, stateFD, exeFD int, logger *log.Logger) error {
	pidfd, err := unix.PidfdOpen(serverPID, 0)
	if err != nil {
		return fmt.Errorf("keeper: watch server %d: %w", serverPID, err)
	}
	deadline := time.Now().Add(keeperWatch)
	why := ""
	for why == "" {
		switch {
		case answers(socket):
			return nil // the new server has the session
		case ended(pidfd, 50*time.Millisecond):
			why = "the new gmux died taking the session over"
		case time.Now().After(deadline):
			why = fmt.Sprintf("the new gmux did not answer within %v and was stopped", keeperWatch)
			unix.Kill(serverPID, unix.SIGKILL)
			if !ended(pidfd, 5*time.Second) {
				return fmt.Errorf("keeper: server %d did not end after SIGKILL", serverPID)
			}
		}
	}
	logger.Printf("upgrade: %s; the keeper (pid %d) takes the session back", why, os.Getpid())
	if _, err := unix.Seek(stateFD, 0, 0); err != nil {
		return fmt.Errorf("keeper: %w", err)
	}
	argv := []string{os.Args[0], proto.ResumeCommand, strconv.Itoa(stateFD), strconv.Itoa(exeFD), why}
	err = syscall.Exec("/proc/self/fd/"+strconv.Itoa(exeFD), argv, os.Environ())
	return fmt.Errorf("keeper: cannot run the old binary: %w", err)
}

// answers reports whether a server answers a command hello on socket.
func answers(socket string) bool {
	conn, err := net.DialTimeout("unix", socket, keeperProbe)
	if err != nil {
		return false
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(keeperProbe))
	if err := proto.WriteFrame(conn, proto.TypeHello, proto.EncodeHello(proto.Hello{Mode: proto.ModeCommand, PID: os.Getpid()})); err != nil {
		return false
	}
	f, err := proto.NewReader(conn).ReadFrame()
	return err == nil && f.Type == proto.TypeWelcome
}

// ended reports whether the process of pidfd ended within d.
func ended(pidfd int, d time.Duration) bool {
	fds := []unix.PollFd{{Fd: int32(pidfd), Events: unix.POLLIN}}
	for {
		n, err := unix.Poll(fds, int(d.Milliseconds()))
		if errors.Is(err, unix.EINTR) {
			continue
		}
		return n > 0
	}
}

// ReleaseKeeper ends the keeper, a child of this server, once the session
// is safely this server's, and reaps it at once: it holds nothing that
// matters any more, and a display or command that looks at the session's
// processes right after the upgrade sees none but the programs.
func ReleaseKeeper(pid int) {
	if unix.Kill(pid, unix.SIGKILL) != nil {
		return
	}
	var ws unix.WaitStatus
	for {
		if _, err := unix.Wait4(pid, &ws, 0, nil); err != unix.EINTR {
			return
		}
	}
}
