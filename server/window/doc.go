// Package window is one of the session's windows: a pane (server/pane: the
// program, its PTY, its emulator, its input queue) and what the session
// knows of it: its number and title (the model a live upgrade hands over),
// its log and the log's time stamps, flow control, activity, bell and
// silence state, the input held behind a paste (and slowpaste), the displays
// waiting for its input to drain, and a second program exec'd into it.
//
// A window owns that state and the rules over it. It knows nothing of
// displays or of the session's other windows: what it needs of the session
// — the loop's scheduler and clock, settings, and ears for what it has to
// tell (a silence, a bell, a log that cannot be written) — it asks of the
// Host it is given.
package window
