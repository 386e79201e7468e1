// Package quietfd serves a descriptor through Go's poller for input, and for
// room to write only while a write waits for it.
//
// Go's poller registers every descriptor for both, edge-triggered. A terminal
// or a pipe signals room to write to everyone who polls it each time its
// reader takes what was written — on a PTY, every read by the program at the
// other end (n_tty's unthrottle wakes the writer side). So each keystroke's
// echo woke the server's poller thread twice more for nothing: once when the
// program read the key, once when the terminal read the echo; measured at one
// context switch per echo more than tmux (4.8 against 3.8) and 5-10% of its
// latency. tmux and screen ask for writability only while output waits, and
// so does this.
//
// The descriptor itself stays out of Go's poller. Two epoll instances of its
// own watch it — one for input, one armed for output only while a write
// waits — and are in Go's poller instead: an epoll instance is readable when
// what it watches is ready, and passes on only the events it was asked for,
// so the wake-ups the descriptor's other side causes for output stop there.
//
// Elsewhere (macOS and the BSDs), and on Linux with the portable build tag
// (so that the code those platforms run is exercised here), a File is the
// descriptor in Go's own poller (kqueue there): correct, with the wake-ups
// the Linux build saves (quietfd_portable.go).
package quietfd
