package vt

import "unsafe"

// A window nobody looks at still holds its screen: 16 bytes a cell, 160 KB
// at 200x50, most of an idle hidden window's memory once its history is
// packed. Pack compresses the cells of both grids as the history's tail is
// (one block for the compressor, packed off the caller's goroutine), and
// the next call that reads or changes them (every exported method that
// touches a grid calls thaw first) puts them back as they were: the rows'
// versions are kept, so a renderer sees nothing changed.

// packedCells are a screen's cells while packed: those of each line of the
// main then the alternate grid, and each line's length. Whole lines, not
// only their used cells: what is past used is blank, which costs the
// compressor next to nothing, and nothing then rests on that promise.
type packedCells struct {
	block     *histBlock
	main, alt []int32
}

const cellSize = int(unsafe.Sizeof(Cell{}))

// minPackedCells is the fewest cells Pack packs: below that the block's
// own cost is not worth it.
const minPackedCells = 1024

// Pack compresses the screen's cells until they are next needed, and
// reports whether it did (the compressor calls AfterRepack when done).
func (s *Screen) Pack() bool {
	if s.packed != nil {
		return false
	}
	n := 0
	for _, g := range []*grid{&s.main, &s.alt} {
		for i := range g.lines {
			n += len(g.lines[i].cells)
		}
	}
	if n < minPackedCells {
		return false
	}
	raw := make([]byte, 0, n*cellSize)
	p := &packedCells{}
	p.main, raw = packGrid(&s.main, raw)
	p.alt, raw = packGrid(&s.alt, raw)
	p.block = newAloneBlock(raw)
	s.packed = p
	return true
}

// packGrid appends the cells of g's lines to raw and lets the lines go; it
// returns each line's length.
func packGrid(g *grid, raw []byte) ([]int32, []byte) {
	lens := make([]int32, len(g.lines))
	for i := range g.lines {
		l := &g.lines[i]
		lens[i] = int32(len(l.cells))
		raw = append(raw, cellBytes(l.cells)...)
		l.cells = nil
	}
	return lens, raw
}

// thaw puts packed cells back (see Pack). It is on the way of every write
// and every row drawn: small enough to inline, the work is elsewhere.
func (s *Screen) thaw() {
	if s.packed != nil {
		s.unpackCells()
	}
}

func (s *Screen) unpackCells() {
	p := s.packed
	s.packed = nil
	raw := p.block.unpack()
	p.block.drop()
	nMain := sum(p.main)
	cells := make([]Cell, nMain+sum(p.alt))
	raw = thawGrid(&s.main, p.main, cells, raw)
	raw = thawGrid(&s.alt, p.alt, cells[nMain:], raw)
	if len(raw) != 0 {
		panic("vt: packed cells: bytes left over") // memory corruption
	}
}

// thawGrid gives g's lines their cells from the front of cells, copied
// from raw; it returns the rest of raw.
func thawGrid(g *grid, lens []int32, cells []Cell, raw []byte) []byte {
	off := 0
	for i := range g.lines {
		l := &g.lines[i]
		k := int(lens[i])
		l.cells = cells[off : off+k : off+k]
		off += k
		n := k * cellSize
		copy(cellBytes(l.cells), raw[:n])
		raw = raw[n:]
	}
	return raw
}

func sum(v []int32) int {
	n := 0
	for _, k := range v {
		n += int(k)
	}
	return n
}

// cellBytes is the memory of cells, for copying them whole (a Cell holds no
// pointers).
func cellBytes(cells []Cell) []byte {
	if len(cells) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&cells[0])), len(cells)*cellSize)
}
