package proc

import (
	"runtime"
	"sync"
)

// At the user's process limit (RLIMIT_NPROC, a cgroup's pids.max) the
// kernel refuses new threads, and the Go runtime cannot go on without one it
// asked for: "fatal error: newosproc", and every window of the session dies
// with it. tmux and screen, single-threaded, survive the same. So the server
// makes, as it starts, every OS thread it will ever need, and keeps what it
// may need bounded:
//
//   - running goroutines need a thread per processor: GOMAXPROCS is never
//     above the CPUs the runtime found (procs.go widens to that and back);
//   - a goroutine in a blocking system call holds a thread: the server's
//     descriptors (PTYs, clients, terminals, pidfds) are all in Go's poller,
//     and the programs it starts besides windows (backticks, exec filters,
//     display programs) are waited for through it too (WaitProgram), not
//     with cmd.Wait's waitid, which held a thread for a program's life;
//     what is left blocks briefly (a file written, a fork and exec, an
//     upgrade's trial run), a few at a time at most;
//   - Go keeps every thread it made: one idle now is there when needed.
//
// Measured (a session as an unprivileged user whose RLIMIT_NPROC is then
// set to 1, four windows flooding, commands sent): before, the server died
// with newosproc within three seconds; after, it runs on, and what needs a
// process (a new window) fails with a clear error instead.

// spareThreads are the threads made beyond one per processor: blocking
// system calls at once, and the runtime's own (the template thread).
const spareThreads = 4

// ReserveThreads makes the threads the session will need and leaves them
// idle. A goroutine locked to its thread and parked keeps that thread from
// running anything else, so each one locked makes the runtime start
// another; unlocked, they go back to the runtime's idle list, for good.
func ReserveThreads() {
	n := runtime.GOMAXPROCS(0)
	if m := runtime.NumCPU(); m > n {
		n = m
	}
	n += spareThreads
	var locked, release sync.WaitGroup
	release.Add(1)
	for range n {
		locked.Add(1)
		go func() {
			runtime.LockOSThread()
			locked.Done()
			release.Wait()
			runtime.UnlockOSThread()
		}()
	}
	locked.Wait()
	release.Done()
}
