package vt

import "unsafe"

// lineArena holds history lines in the blocks' line format (appendLine),
// back to back in one buffer, with where each starts: a line costs its
// bytes and an offset, not a heap object (a string and a slice of runs per
// line cost about twice the text on a 100-column line).
//
// Bytes once written never change: appends go past them, and removing the
// newest line caps the buffers so the next append copies them. So a line
// read from the arena (its text a view of the buffer) stays valid, a copy
// of the arena (a copy-mode snapshot) is taken without copying any line,
// and the first lines' bytes can be handed to a block as they are.
type lineArena struct {
	data   []byte
	starts []uint32 // where each line starts in data
}

// len returns the lines held.
func (a *lineArena) len() int { return len(a.starts) }

// size is the memory the lines take, roughly: their bytes and offsets.
func (a *lineArena) size() int { return len(a.data) - a.dead() + 4*len(a.starts) }

// dead is the bytes of lines dropped from the front, still in data.
func (a *lineArena) dead() int {
	if len(a.starts) == 0 {
		return len(a.data)
	}
	return int(a.starts[0])
}

// add appends a line.
func (a *lineArena) add(hl histLine) {
	a.starts = append(a.starts, uint32(len(a.data)))
	a.data = appendLine(a.data, hl)
}

// addRaw appends lines already in the line format.
func (a *lineArena) addRaw(raw []byte) {
	for p := 0; p < len(raw); {
		a.starts = append(a.starts, uint32(len(a.data)+p))
		_, p = readLine(bytesView(raw), p)
	}
	a.data = append(a.data, raw...)
}

// at decodes line i (0 is the oldest held).
func (a *lineArena) at(i int) histLine {
	hl, _ := readLine(bytesView(a.data), int(a.starts[i]))
	return hl
}

// takeFront removes the n oldest lines and returns their bytes, which stay
// as they are (a block keeps them until it is compressed). The lines left
// move to buffers of their own, with room for as many again: the old ones
// go with the block, and the arena never holds more than twice its lines.
func (a *lineArena) takeFront(n int) []byte {
	from := a.dead()
	if n >= len(a.starts) {
		raw := a.data[from:]
		*a = lineArena{}
		return raw
	}
	cut := int(a.starts[n])
	raw := a.data[from:cut:cut]
	a.moveFrom(n, cut-from, n)
	return raw
}

// moveFrom moves lines n on to buffers of their own, with room for
// moreBytes in moreLines.
func (a *lineArena) moveFrom(n, moreBytes, moreLines int) {
	cut := a.starts[n]
	data := make([]byte, len(a.data)-int(cut), len(a.data)-int(cut)+moreBytes)
	copy(data, a.data[cut:])
	starts := make([]uint32, len(a.starts)-n, len(a.starts)-n+moreLines)
	for i, st := range a.starts[n:] {
		starts[i] = st - cut
	}
	a.data, a.starts = data, starts
}

// dropOldest removes the oldest line (a history without blocks trimmed to
// its limit). Its bytes stay until the dropped ones outweigh the lines
// held; then the lines move, so a short history that drops a line for
// every line it adds stays in proportion.
func (a *lineArena) dropOldest() {
	if len(a.starts) == 1 {
		*a = lineArena{}
		return
	}
	a.starts = a.starts[1:]
	if live := len(a.data) - a.dead(); a.dead() > live {
		a.moveFrom(0, live, len(a.starts))
	}
}

// dropNewest removes the newest line. The buffers are capped there, so the
// bytes of the line removed are never written over while a reader may
// still hold it.
func (a *lineArena) dropNewest() {
	last := len(a.starts) - 1
	end := a.starts[last]
	a.data, a.starts = a.data[:end:end], a.starts[:last:last]
}

// frozen returns a copy that shares the lines: appends to either go to
// fresh memory (the copy's buffers are capped), and nothing either holds
// is ever written over.
func (a *lineArena) frozen() lineArena {
	return lineArena{data: a.data[:len(a.data):len(a.data)], starts: a.starts[:len(a.starts):len(a.starts)]}
}

// bytesView is b as a string without copying: for bytes that are never
// written again (an arena's lines, a block's decompressed text).
func bytesView(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
