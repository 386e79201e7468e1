// Package server is the gmux session server: one process per session that owns
// the windows (PTYs and their programs), keeps a terminal emulation of each,
// and draws the current window for every attached client.
//
// All session state is owned by one goroutine, the session loop. Goroutines
// that block — PTY readers and writers, connection readers and writers, the
// accept loop, signal handling — only do I/O and post closures to the loop
// (see session.post), so no state is ever touched from two goroutines.
package server
