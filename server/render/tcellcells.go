package render

import "github.com/gdamore/tcell/v2"

// The window's cells are drawn by the cell writer (cellwriter.go), the rest
// (status, captions, messages, menus, copy mode, dots) by tcell. tcell's
// Show must leave the writer's cells alone and its buffer must not go stale
// under them. Recording each written cell in tcell's buffer (Put, then
// marked drawn) did both at ~70 ns a cell, most of a full frame's cost; so
// the writer locks the cells it drew instead (tcell's Show skips a locked
// cell), and whatever tcell draws unlocks its cell first, which marks it for
// drawing: a message over a window row is drawn whatever tcell last thought
// was there.

// cellBuffered is a tcell screen that lends its buffer (tcell's terminfo
// screen does).
type cellBuffered interface{ GetCells() *tcell.CellBuffer }

// tcellCells is tcell's buffer with the record of which cells are locked
// (tcell keeps the flag but does not say), so every Put goes through put.
type tcellCells struct {
	buf        *tcell.CellBuffer
	cols, rows int
	locked     []bool // by y*cols+x; all false when the buffer's size moved
	// touched: tcell has something to draw that it has not (a put, a
	// clear, a resize since its last Show).
	touched bool
	// narrow: no cell holds a wide character (a new or cleared buffer),
	// so lock need not look.
	narrow bool
	// links: a hyperlink was put since tcell's last Show (hyperlink.go).
	links bool
}

func newTcellCells(buf *tcell.CellBuffer) *tcellCells {
	t := &tcellCells{buf: buf}
	t.follow()
	t.touched = false // tcell's Init cleared the terminal: nothing to draw yet
	t.narrow = true
	return t
}

// follow keeps the record the size of the buffer: tcell's Resize makes
// every cell anew, unlocked.
func (t *tcellCells) follow() {
	if cols, rows := t.buf.Size(); cols != t.cols || rows != t.rows || len(t.locked) != cols*rows {
		t.cols, t.rows = cols, rows
		t.locked = make([]bool, cols*rows)
		t.touched, t.narrow = true, false
	}
}

// resize makes the buffer cols x rows now, rather than at tcell's next Show,
// so that the cells locked until then are locked in the buffer Show draws.
func (t *tcellCells) resize(cols, rows int) {
	t.buf.Resize(cols, rows)
	t.follow()
}

func (t *tcellCells) index(x, y int) (int, bool) {
	if x < 0 || y < 0 || x >= t.cols || y >= t.rows {
		return 0, false
	}
	return y*t.cols + x, true
}

// put is tcell's Put, after unlocking the cell (and, for a wide character,
// the cell it covers).
func (t *tcellCells) put(x, y int, str string, st tcell.Style) {
	t.unlock(x, y)
	t.touched = true
	if _, w := t.buf.Put(x, y, str, st); w > 1 {
		t.unlock(x+1, y)
		t.narrow = false
	}
}

func (t *tcellCells) unlock(x, y int) {
	if i, ok := t.index(x, y); ok && t.locked[i] {
		t.locked[i] = false
		t.buf.UnlockCell(x, y) // and marks it for drawing
	}
}

// lock marks the cell at (x, y) as the cell writer's: Show skips it.
func (t *tcellCells) lock(x, y int) {
	i, ok := t.index(x, y)
	if !ok || t.locked[i] {
		return
	}
	t.locked[i] = true
	// A wide character tcell put here would make its Show skip the cell
	// to the right as well, which may be tcell's (a border, a dot).
	if !t.narrow {
		if _, _, w := t.buf.Get(x, y); w > 1 {
			t.buf.Put(x, y, " ", tcell.StyleDefault)
		}
	}
	t.buf.LockCell(x, y)
}

// lockAll locks every cell of a buffer that holds nothing yet: a spare
// renderer's (spare.go), made while nobody waits, so that its first frame
// need not touch tcell's buffer at all (~1.9 MB at 200x50, mostly out of
// the cache by the time a display attaches). The writer draws the window's
// cells over them; whatever tcell draws unlocks its own.
func (t *tcellCells) lockAll() {
	for i := range t.locked {
		t.locked[i] = true
		t.buf.LockCell(i%t.cols, i/t.cols)
	}
}

// clear unlocks every cell and blanks tcell's buffer (tcell's Clear):
// tcell draws all of the next frame but what the writer locks again.
func (t *tcellCells) clear(scr tcell.Screen) {
	for i, on := range t.locked {
		if on {
			t.locked[i] = false
			t.buf.UnlockCell(i%t.cols, i/t.cols)
		}
	}
	scr.Clear()
	t.touched, t.narrow = true, true
}

// cleared is clear for a terminal just cleared: tcell draws every cell it
// holds in the next Show, not only those that changed (a space in reverse
// video, last drawn so, would otherwise stay blank).
func (t *tcellCells) cleared(scr tcell.Screen) {
	t.clear(scr)
	t.buf.Invalidate()
}

// shown notes a Show or Sync of tcell's screen.
func (t *tcellCells) shown() {
	t.touched = false
	t.follow()
}
