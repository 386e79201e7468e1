// Package proc is the kernel's side of a window's program: starting it in a
// PTY, reading and writing non-blocking descriptors without the cost of Go's
// system-call bookkeeping, reaping it through a pidfd, keeping a session's
// programs through a failed live upgrade (the keeper), and the process-wide
// care a server takes at start: threads reserved ahead of the process limit,
// descriptors it inherited closed.
//
// It owns no session state and must not import the server: what a window
// is, and what its output means, belong there.
package proc
