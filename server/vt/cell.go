package vt

import (
	"bytes"
	"sync"
	"unsafe"

	"github.com/rivo/uniseg"
)

// Cell is one character cell. R is the character; 0 is an empty cell (drawn as
// a space), wideTail marks the right half of a wide character, and values below
// that index the screen's table of multi-rune grapheme clusters.
type Cell struct {
	R rune
	S Style
}

const wideTail rune = -1

// IsWideTail reports whether c is the right half of a wide character.
func (c Cell) IsWideTail() bool { return c.R == wideTail }

func clusterRune(i int) rune { return -2 - rune(i) }

func clusterIndex(r rune) int { return int(-2 - r) }

// line is one screen row. wrapped is set when the text continued onto the next
// row by autowrap, so copy mode can join the pieces.
type line struct {
	cells   []Cell
	used    int // no cell at or past used holds anything but the zero Cell
	wrapped bool
	gen     uint64 // the version of cells: see Screen.RowVersion
}

var (
	bmpWidthOnce sync.Once
	bmpWidth     [0x10000]int8
)

// RuneWidth is the number of columns a character takes: 0 for combining marks
// and other zero-width runes, 2 for wide (East Asian, emoji), else 1. It is the
// width the renderer (tcell, through rivo/uniseg) uses, so the emulator's columns
// and the drawn columns never drift apart.
func RuneWidth(r rune) int {
	if r >= 0x20 && r < 0x7f {
		return 1
	}
	if r < 0x10000 && r >= 0 {
		bmpWidthOnce.Do(fillBMPWidth)
		return int(bmpWidth[r])
	}
	return uniseg.StringWidth(string(r))
}

func fillBMPWidth() {
	for r := range rune(0x10000) {
		if r >= 0xd800 && r < 0xe000 {
			bmpWidth[r] = 1 // surrogates never decode; U+FFFD stands for them
			continue
		}
		bmpWidth[r] = int8(uniseg.StringWidth(string(r)))
	}
}

// SameCells reports whether a and b hold the same cells. It compares their
// memory, which is many times faster than comparing cell by cell (the renderer
// compares every row of the screen on every frame). Equal bytes mean equal
// cells; the reverse could fail only on differing padding, and then the
// caller merely redraws a row that had not changed.
func SameCells(a, b []Cell) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 {
		return true
	}
	n := len(a) * int(unsafe.Sizeof(Cell{}))
	return bytes.Equal(unsafe.Slice((*byte)(unsafe.Pointer(&a[0])), n), unsafe.Slice((*byte)(unsafe.Pointer(&b[0])), n))
}
