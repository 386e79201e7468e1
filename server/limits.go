package server

// Limits on what a client, a program or a config can make the server hold.
// Each is sized so that the worst case costs tens of megabytes, not the
// machine: a session must never die because someone asked for too much.

const (
	// maxCols and maxRows bound a window's and a display's size. A cell
	// costs 16 bytes in the emulator and about 190 in a display's renderer
	// (tcell's cell buffer), so the largest display is ~58 MB of renderer
	// and ~5 MB of screen. 1000x300 is more than an 8K monitor shows in a
	// 7x14 font. A larger terminal sees a window of this size in its top
	// left corner, never a dead session.
	maxCols = 1000
	maxRows = 300
)

// maxBuffer bounds the paste buffer read from a file (readbuf).
const maxBuffer = 64 << 20

// clampSize bounds a requested terminal size to what the server will hold.
func clampSize(cols, rows int) (int, int) {
	return min(max(cols, 1), maxCols), min(max(rows, 1), maxRows)
}
