package vt

import (
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// History is a window's scrollback: the lines that scrolled off the top of the
// main screen, oldest first, up to a limit of lines (and, if set, of bytes).
// Each line is stored as its text plus the points where the style changes,
// so a line costs memory in proportion to what is written on it, not to the
// window width. The newest lines (the hot tail) are kept as they are; older
// ones are compressed in blocks (histblock.go), decompressed on demand.
type History struct {
	histView
	limit     int
	byteLimit int // 0: no limit (historybytes)
	// added counts the lines ever added: the oldest held is added - n
	// (how hyperlinks know whether a line holding them is still here).
	added      int64
	blockBytes int           // compressed bytes in blocks, as first packed
	saved      *atomic.Int64 // what repacking took off blockBytes (histblock.go); shared by copies
	scratch    []byte
	scratchRun []styleRun
	// unpacked are blocks the compressor has not finished: their size
	// counts as their lines' until it has (settle).
	unpacked []*histBlock
}

// histView is the lines of a history: compressed blocks, of which the
// first `first` lines are gone, then the tail — as they are, or packed in
// a block of their own while the window is at rest (PackTail). Blocks never
// change, so a copy of a view (a copy-mode snapshot) stays valid while the
// history moves on.
type histView struct {
	blocks []*histBlock
	first  int
	tail   lineArena
	// packed holds the tail's lines instead of tail while the history is
	// at rest, packedLines of them.
	packed      *histBlock
	packedLines int
	n           int
	// The block last decompressed, for reads that walk the history.
	cacheBlock *histBlock
	cacheLines []histLine
}

type histLine struct {
	text    string
	runs    []styleRun // style from column col onward; nil when all default
	wrapped bool
}

type styleRun struct {
	col   uint16
	style Style
}

// hotLines is how many of the newest lines stay uncompressed while output
// comes: a screen or two of them are read on every scroll of copy mode.
const hotLines = blockLines / 4

// minPackedLines is the fewest tail lines PackTail packs: below that the
// compressed block's own cost is not worth it.
const minPackedLines = 64

// NewHistory returns a history holding up to limit lines.
func NewHistory(limit int) *History {
	return &History{limit: max(limit, 0), saved: new(atomic.Int64)}
}

// Len returns the number of lines held.
func (h *History) Len() int { return h.n }

// Limit returns the most lines held.
func (h *History) Limit() int { return h.limit }

// SetLimit changes the most lines held, dropping the oldest beyond it.
func (h *History) SetLimit(limit int) {
	h.limit = max(limit, 0)
	h.trim()
}

// SetByteLimit sets the most bytes the history may take (0: no limit),
// dropping the oldest lines beyond it.
func (h *History) SetByteLimit(n int) {
	h.byteLimit = max(n, 0)
	h.trim()
}

// Bytes is the memory the history's lines take: compressed blocks and the
// hot tail.
func (h *History) Bytes() int {
	h.settle()
	n := h.blockBytes - int(h.saved.Load()) + h.tail.size()
	if h.packed != nil {
		n += h.packed.counted()
	}
	return n
}

// PackTail compresses the hot tail while the window is at rest: between
// bursts of output a window holds up to hotLines+blockLines lines as they
// are (about 130 KB at 100 columns, arena room included), which is most of
// an idle window's history memory after the blocks are packed. The
// compressor packs them off the caller's goroutine; the next line added
// (or removed) unpacks them. Reads do not: they decompress a copy, as they
// do a block's. It reports whether it gave the compressor work (which
// calls AfterRepack when done).
func (h *History) PackTail() bool {
	if h.packed != nil || h.tail.len() < minPackedLines {
		return false
	}
	raw := h.tail.data[h.tail.dead():len(h.tail.data):len(h.tail.data)]
	h.packed, h.packedLines = newAloneBlock(raw), h.tail.len()
	h.tail = lineArena{}
	return true
}

// hot returns the tail to change, unpacking it first if it was packed.
func (h *History) hot() *lineArena {
	if b := h.packed; b != nil {
		raw := b.unpack()
		b.drop() // alone: it saved the history nothing to take back
		if h.cacheBlock == b {
			h.cacheBlock, h.cacheLines = nil, nil
		}
		h.packed, h.packedLines = nil, 0
		h.tail.addRaw(raw)
	}
	return &h.tail
}

// tailLen is the lines in the tail, packed or not.
func (v *histView) tailLen() int { return v.tail.len() + v.packedLines }

// tailRaw is the tail's lines in the line format, packed or not.
func (v *histView) tailRaw() []byte {
	if v.packed != nil {
		return v.packed.unpack()
	}
	return v.tail.data[v.tail.dead():]
}

// forget takes block b out of the accounting, returning what it counted.
func (h *History) forget(b *histBlock) int {
	h.settle()
	size, saved := b.drop()
	for i, u := range h.unpacked {
		if u == b {
			h.unpacked = append(h.unpacked[:i], h.unpacked[i+1:]...)
			return b.rawSize
		}
	}
	h.saved.Add(-int64(saved))
	return size + saved
}

// settle counts the blocks the compressor has finished at their packed size.
func (h *History) settle() {
	kept := h.unpacked[:0]
	for _, b := range h.unpacked {
		if b.packed() {
			h.blockBytes += b.counted() - b.rawSize
		} else {
			kept = append(kept, b)
		}
	}
	clear(h.unpacked[len(kept):])
	h.unpacked = kept
}

// Clear forgets every line (ED 3).
func (h *History) Clear() {
	for _, b := range h.blocks {
		b.drop()
	}
	if h.packed != nil {
		h.packed.drop()
	}
	h.histView = histView{}
	h.blockBytes = 0
	h.saved.Store(0)
	h.unpacked = nil
}

// at returns line i (0 is the oldest).
func (v *histView) at(i int) histLine {
	cold := len(v.blocks)*blockLines - v.first
	switch {
	case i >= cold && v.packed != nil:
		return v.cached(v.packed, i-cold)
	case i >= cold:
		return v.tail.at(i - cold)
	}
	i += v.first
	return v.cached(v.blocks[i/blockLines], i%blockLines)
}

// cached returns line i of block b, decompressing b unless it was the
// last one read.
func (v *histView) cached(b *histBlock, i int) histLine {
	if b != v.cacheBlock {
		v.cacheBlock, v.cacheLines = b, b.decompress()
	}
	return v.cacheLines[i]
}

func (h *History) add(hl histLine) {
	if h.limit == 0 {
		return
	}
	tail := h.hot()
	tail.add(hl)
	h.n++
	h.added++
	if tail.len() >= hotLines+blockLines {
		b := newBlock(tail.takeFront(blockLines), h.saved)
		h.blocks = append(h.blocks, b)
		h.unpacked = append(h.unpacked, b)
		h.blockBytes += b.rawSize
	}
	h.trim()
}

// trim drops the oldest lines beyond the limits.
func (h *History) trim() {
	for h.n > h.limit || h.byteLimit > 0 && h.Bytes() > h.byteLimit && h.n > 0 {
		if len(h.blocks) == 0 {
			h.hot().dropOldest()
			h.n--
			continue
		}
		// Whole lines of the oldest block go at once when they can: a
		// block is freed only when all its lines are gone.
		drop := min(h.n-h.limit, blockLines-h.first)
		if drop <= 0 {
			drop = blockLines - h.first // over the byte budget: the block goes
		}
		h.first += drop
		h.n -= drop
		if h.first == blockLines {
			h.blockBytes -= h.forget(h.blocks[0])
			if h.cacheBlock == h.blocks[0] {
				h.cacheBlock, h.cacheLines = nil, nil
			}
			h.blocks[0] = nil
			h.blocks = h.blocks[1:]
			h.first = 0
		}
	}
}

// pop removes and returns the newest line.
func (h *History) pop() histLine {
	if h.hot().len() == 0 {
		last := h.blocks[len(h.blocks)-1]
		raw := last.unpack()
		if len(h.blocks) == 1 {
			raw = skipLines(raw, h.first)
			h.first = 0
		}
		h.blockBytes -= h.forget(last)
		h.blocks = h.blocks[:len(h.blocks)-1]
		if h.cacheBlock == last {
			h.cacheBlock, h.cacheLines = nil, nil
		}
		h.tail.addRaw(raw)
	}
	hl := h.tail.at(h.tail.len() - 1)
	h.tail.dropNewest()
	h.n--
	return hl
}

// push stores screen line l.
func (h *History) push(s *Screen, l *line) {
	if h.limit > 0 {
		hl := h.encodeScratch(s, l)
		h.add(hl)
		s.linksInHistory(hl.runs, h.added-1)
	}
}

// encode turns screen line l into its compact form.
func (h *History) encode(s *Screen, l *line) histLine {
	hl := h.encodeScratch(s, l)
	hl.text = strings.Clone(hl.text)
	if hl.runs != nil {
		hl.runs = append([]styleRun(nil), hl.runs...)
	}
	return hl
}

// encodeScratch turns screen line l into its compact form in the history's
// scratch buffers: valid until the next call.
func (h *History) encodeScratch(s *Screen, l *line) histLine {
	cells := l.cells
	end := min(l.used, len(cells))
	for end > 0 && cells[end-1].R == 0 && cells[end-1].S == (Style{}) {
		end--
	}
	b := h.scratch[:0]
	runs := h.scratchRun[:0]
	var prev Style
	for i := range cells[:end] {
		c := &cells[i]
		if c.S != prev {
			runs = append(runs, styleRun{col: uint16(i), style: c.S})
			prev = c.S
		}
		r := c.R
		switch {
		case r > 0 && r < utf8.RuneSelf:
			b = append(b, byte(r))
		case r == 0:
			b = append(b, ' ')
		case r == wideTail:
		case r > 0:
			b = utf8.AppendRune(b, r)
		default:
			b = append(b, s.Text(*c)...)
		}
	}
	hl := histLine{text: bytesView(b), wrapped: l.wrapped}
	if len(runs) > 0 {
		hl.runs = runs
	}
	h.scratch, h.scratchRun = b, runs
	return hl
}

// Text returns history line i (0 is the oldest) as text.
func (h *History) Text(i int) string { return h.at(i).text }

// Wrapped reports whether history line i continues on the next line.
func (h *History) Wrapped(i int) bool { return h.at(i).wrapped }

// Cells decodes history line i into cells for screen s (which owns the table
// of grapheme clusters), cols wide at least.
func (h *History) Cells(s *Screen, i int, cols int) []Cell { return h.at(i).cells(s, cols) }

// cells decodes a stored line for screen s, cols wide at least.
func (hl histLine) cells(s *Screen, cols int) []Cell {
	out := make([]Cell, 0, max(cols, len(hl.text)))
	run := 0
	var st Style
	text := hl.text
	for len(text) > 0 {
		r, size := utf8.DecodeRuneInString(text)
		text = text[size:]
		w := RuneWidth(r)
		if w == 0 && len(out) > 0 {
			last := len(out) - 1
			if out[last].R == wideTail {
				last--
			}
			if cr, ok := s.cluster(s.Text(out[last]) + string(r)); ok {
				out[last].R = cr
			}
			continue
		}
		for run < len(hl.runs) && int(hl.runs[run].col) <= len(out) {
			st = hl.runs[run].style
			run++
		}
		c := Cell{R: r, S: st}
		if r == ' ' && st == (Style{}) {
			c.R = 0
		}
		out = append(out, c)
		if w == 2 {
			out = append(out, Cell{R: wideTail, S: st})
		}
	}
	for len(out) < cols {
		out = append(out, Cell{})
	}
	return out
}
