// Package pane is one program in a PTY and the emulation of its terminal:
// it starts the program (or adopts one a live upgrade handed over), moves
// its output to the session loop and its input to it, queues what it has not
// read yet, holds its output while flow control has stopped it, and reports
// when it ends.
//
// A pane owns its PTY, its reader, writer and waiter goroutines, its
// emulator (vt.Screen), its input queue and its output gate. It knows
// nothing of the session: what its output means for the displays, its
// number, title and log are the server's window, which holds a pane. Its
// goroutines reach the loop only through the Loop and the Events they are
// given, and change no state but the pane's own atomics and queue.
package pane
