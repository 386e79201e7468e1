// Package render draws what a display shows on the client's real terminal:
// a Frame (a window's screen, the caption and hardstatus line, a message or
// prompt, an Overlay such as a list or copy mode) or a split display's
// Regions, turned into the bytes that bring the terminal from what it shows
// to that, as few as it can (the small-change and fast paths, the cell
// writer beside tcell).
//
// It is the only package that imports tcell (its terminfo aside). It owns
// what the terminal is known to show; it knows nothing of sessions,
// windows or clients: the server builds the frames, and a mode draws itself
// through a Canvas.
package render
