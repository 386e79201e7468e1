package proto

// gmux is two programs (docs/design.md, "Two binaries"): gmux, the thin
// client a user runs, and gmux-server, which holds the sessions and is a
// complete gmux besides. These hidden first arguments start the server's
// roles; the client passes either on to gmux-server beside it, so that any
// path to gmux (the one a user names in -X upgrade, say) works as a
// server's binary.

// ServerBinaryName is the file name of the server binary, installed in the
// same directory as gmux.
const ServerBinaryName = "gmux-server"

// ServerCommand makes gmux a new session's server: its configuration
// (ServerConfig) on fd 3, its readiness reported on fd 4.
const ServerCommand = "__server"

// ResumeCommand makes gmux take over a session handed to it by a live
// upgrade: ResumeCommand STATE-FD EXE-FD [failure], with the state in
// STATE-FD and the binary that wrote it in EXE-FD (to go back to, should
// this one fail to take the state). With "-check" instead of the
// descriptors it reads a state on stdin, says "ok VERSION" when it can take
// it, and exits.
const ResumeCommand = "__resume"

// KeepCommand makes gmux a live upgrade's keeper: KeepCommand SERVER-PID
// SOCKET STATE-FD EXE-FD, started by the old server just before it execs the
// new binary, with the session's descriptors at their own numbers. It holds
// them until the new server answers on SOCKET; should that die or hang
// first, it takes the session back with the old binary (EXE-FD) and the
// state (STATE-FD).
const KeepCommand = "__keep"
