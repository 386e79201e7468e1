package vt

import (
	"encoding/binary"
	"sync"
	"sync/atomic"
	"time"
	"weak"

	"github.com/klauspost/compress/zstd"
)

// Cold history: lines that left the screen long ago are kept compressed,
// blockLines to a block, with zstd (klauspost/compress, the maintained Go
// implementation; zstd keeps terminal text at a fraction of its size where
// s2 and snappy keep about half, and decoding a block for copy mode or a
// redraw takes a few hundred microseconds). A block's lines never change,
// so a copy-mode snapshot can hold the same blocks the window drops.
//
// Compressing costs about as much as parsing the text did, so it is done
// off the session's goroutine: a block starts out holding its lines as
// they are, one compressor goroutine for the process packs it, and from
// then on it holds only the compressed bytes. During a flood (when the
// session runs on every processor) that work is done beside the parsing
// rather than after it.

// blockLines is the lines in a compressed block.
const blockLines = 1024

// histBlock is blockLines lines: as they are until the compressor has
// packed them, then compressed.
type histBlock struct {
	mu   sync.Mutex
	raw  []byte // the lines in the line format (appendLine), until packed
	data []byte // once packed
	// rawSize is len(raw), kept once packed: what the block counted
	// for until then.
	rawSize int
	// saved is what repacking took off the packed size; it is added to
	// owner (the history's total) too. dropped: the history let the
	// block go, so it is not repacked.
	saved   int
	owner   *atomic.Int64
	dropped bool
	// alone: a block packed at rest (a history's tail, a screen's cells),
	// unpacked again by the next change. It is not repacked, so it never
	// shares an allocation with blocks that live on after it, and saves
	// its owner nothing (it has none).
	alone bool
}

// counted is what the history counts b for: its lines' bytes until it is
// packed, then its first packed size (what repacking saved is counted apart).
func (b *histBlock) counted() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.raw != nil {
		return len(b.raw)
	}
	return len(b.data) + b.saved
}

// size is what the block takes in memory now.
func (b *histBlock) size() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.raw != nil {
		return len(b.raw)
	}
	return len(b.data)
}

// packed reports whether the compressor is done with b.
func (b *histBlock) packed() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.raw == nil
}

// drop marks b as let go by its history and returns its size and what
// repacking saved on it (the history counted size+saved).
func (b *histBlock) drop() (size, saved int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.dropped = true
	if b.raw != nil {
		return len(b.raw), 0
	}
	return len(b.data), b.saved
}

// newBlock makes a block of blockLines lines in the line format (which it
// keeps: they must never be written again) and queues it for compression;
// what repacking saves is added to owner.
func newBlock(raw []byte, owner *atomic.Int64) *histBlock {
	b := &histBlock{raw: raw, rawSize: len(raw), owner: owner}
	compressQueue() <- b
	return b
}

// newAloneBlock makes a block of what is packed at rest (History.PackTail,
// Screen.Pack: packed once and never repacked) and queues it.
func newAloneBlock(raw []byte) *histBlock {
	b := &histBlock{raw: raw, rawSize: len(raw), alone: true}
	compressQueue() <- b
	return b
}

// Blocks are packed as they come with zstd's fastest level, which keeps up
// with any flood. Once none has come for repackAfter, the compressor packs
// them again at a better level (a tenth smaller on terminal text, at a
// third of the speed) and then lets both encoders' tables go: an idle
// server holds none. Repacking gives way to new blocks between blocks.
const repackAfter = 300 * time.Millisecond

// AfterRepack, if set, is called by the compressor when it has repacked
// the blocks of a burst of output and let its encoders go: the memory it
// freed can then be returned to the system.
var AfterRepack func()

var (
	queueOnce sync.Once
	queue     chan *histBlock
)

// compressQueue is where blocks wait for the compressor goroutine, started
// with the first block. Its buffer bounds the lines waiting: a window that
// outruns the compressor waits for it rather than piling up memory.
func compressQueue() chan<- *histBlock {
	queueOnce.Do(func() {
		queue = make(chan *histBlock, 64)
		go compress(queue)
	})
	return queue
}

// compress is the compressor goroutine.
func compress(queue <-chan *histBlock) {
	var fast, better *zstd.Encoder
	var scratch []byte
	var repack []weak.Pointer[histBlock] // weak: a block its history dropped may go
	for {
		var b *histBlock
		if fast == nil {
			b = <-queue
		} else {
			select {
			case b = <-queue:
			case <-time.After(repackAfter):
				if better == nil && len(repack) > 0 {
					better = newEncoder(zstd.SpeedBetterCompression)
				}
				repack, scratch = repackSome(repack, better, queue, scratch)
				if len(repack) == 0 {
					fast, better, scratch, repack = nil, nil, nil, nil
					if AfterRepack != nil {
						AfterRepack()
					}
				}
				continue
			}
		}
		if fast == nil {
			fast = newEncoder(zstd.SpeedFastest)
		}
		b.mu.Lock()
		raw := b.raw
		b.mu.Unlock()
		var data []byte
		data, scratch = compressRaw(fast, raw, scratch)
		b.mu.Lock()
		b.data, b.raw = data, nil
		b.mu.Unlock()
		if !b.alone {
			repack = append(repack, weak.Make(b))
		}
	}
}

// repackGroup is the most blocks whose repacked bytes share one allocation.
// On its own, a block of about 30 KB is rounded up to Go's next size class
// or page, a tenth and more of it; a group wastes at most one page. Its
// memory goes when its last block does: a history drops its oldest blocks
// first, so that is a group's newest.
const repackGroup = 16

// repackSome repacks blocks from the front of list with enc until there
// are none left or a new block waits in queue; it returns the rest.
func repackSome(list []weak.Pointer[histBlock], enc *zstd.Encoder, queue <-chan *histBlock, scratch []byte) ([]weak.Pointer[histBlock], []byte) {
	dec := decoder()
	var raw, packed []byte
	type repacked struct {
		b        *histBlock
		from, to int // its bytes in packed
	}
	var group []repacked
	flush := func() {
		if len(group) == 0 {
			return
		}
		mem := append([]byte(nil), packed...)
		for _, r := range group {
			better := mem[r.from:r.to:r.to]
			r.b.mu.Lock()
			if !r.b.dropped {
				saved := len(r.b.data) - len(better)
				r.b.data = better
				r.b.saved += saved
				r.b.owner.Add(int64(saved))
			}
			r.b.mu.Unlock()
		}
		group, packed = group[:0], packed[:0]
	}
	for len(list) > 0 && len(queue) == 0 {
		b := list[0].Value()
		list[0] = weak.Pointer[histBlock]{}
		list = list[1:]
		if b == nil {
			continue
		}
		b.mu.Lock()
		data, dropped := b.data, b.dropped
		b.mu.Unlock()
		if dropped {
			continue
		}
		var err error
		if raw, err = dec.DecodeAll(data, raw[:0]); err != nil {
			panic("vt: history block: " + err.Error()) // made here: memory corruption
		}
		out := enc.EncodeAll(raw, scratch[:0])
		scratch = out[:0]
		if len(out) >= len(data) {
			continue
		}
		if len(group) > 0 && group[0].b.owner != b.owner {
			flush() // a group is one history's
		}
		group = append(group, repacked{b, len(packed), len(packed) + len(out)})
		packed = append(packed, out...)
		if len(group) == repackGroup {
			flush()
		}
	}
	flush()
	return list, scratch
}

var (
	decOnce sync.Once
	zDec    *zstd.Decoder
)

// maxBlockRaw bounds what one block decompresses to: blockLines rows of a
// screen at most 1000 columns wide, each cell a few bytes (clusters are
// bounded too), with their style runs, come well under it. A block read
// back from outside (an upgrade's state) is only what it claims: a frame
// that says it holds more is refused before anything is allocated (the
// decoder allocates what the frame's header claims), and one that holds
// more than it says fails as it decodes. Without the bound, 234 kB of
// state claimed, and got, 4 GB.
const maxBlockRaw = 64 << 20

// decoder returns the process's zstd decoder: DecodeAll may be called from
// any goroutine at once, and one keeps its tables from being made per
// window.
func decoder() *zstd.Decoder {
	decOnce.Do(func() {
		var err error
		zDec, err = zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true),
			zstd.WithDecoderMaxMemory(maxBlockRaw))
		if err != nil {
			panic(err)
		}
	})
	return zDec
}

// newEncoder returns a zstd encoder at level for blocks of history.
func newEncoder(level zstd.EncoderLevel) *zstd.Encoder {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1), zstd.WithEncoderLevel(level),
		zstd.WithLowerEncoderMem(true), zstd.WithWindowSize(1<<17))
	if err != nil {
		panic(err)
	}
	return enc
}

// compressRaw compresses a block's lines, building the compressed form in
// scratch (which it returns, grown, for the next block) and returning a
// copy of its exact size.
func compressRaw(enc *zstd.Encoder, raw, scratch []byte) ([]byte, []byte) {
	out := enc.EncodeAll(raw, scratch[:0])
	return append([]byte(nil), out...), out[:0]
}

// unpack returns the block's lines in the line format: as they are if not
// yet packed, else decompressed.
func (b *histBlock) unpack() []byte {
	b.mu.Lock()
	raw, data := b.raw, b.data
	b.mu.Unlock()
	if raw != nil {
		return raw
	}
	dec := decoder()
	raw, err := dec.DecodeAll(data, nil)
	if err != nil {
		// A block is only ever made here: a failure is memory corruption.
		panic("vt: history block: " + err.Error())
	}
	return raw
}

// skipLines returns raw (lines in the line format) without its first n.
func skipLines(raw []byte, n int) []byte {
	p := 0
	for range n {
		_, p = readLine(bytesView(raw), p)
	}
	return raw[p:]
}

// decompress returns the block's lines, their texts views of its bytes.
func (b *histBlock) decompress() []histLine {
	all := bytesView(b.unpack())
	lines := make([]histLine, 0, blockLines)
	for p := 0; p < len(all); {
		var hl histLine
		hl, p = readLine(all, p)
		lines = append(lines, hl)
	}
	return lines
}

// The line format inside a block: text length, text, run count, runs
// (column, foreground, background, attributes), wrapped: all varints.
func appendLine(b []byte, hl histLine) []byte {
	b = binary.AppendUvarint(b, uint64(len(hl.text)))
	b = append(b, hl.text...)
	b = binary.AppendUvarint(b, uint64(len(hl.runs)))
	for _, r := range hl.runs {
		b = binary.AppendUvarint(b, uint64(r.col))
		b = binary.AppendUvarint(b, uint64(r.style.Fg))
		b = binary.AppendUvarint(b, uint64(r.style.Bg))
		b = binary.AppendUvarint(b, attrAndLink(r.style))
	}
	w := byte(0)
	if hl.wrapped {
		w = 1
	}
	return append(b, w)
}

func readLine(all string, p int) (histLine, int) {
	uv := func() uint64 {
		var v uint64
		for shift := 0; ; shift += 7 {
			c := all[p]
			p++
			v |= uint64(c&0x7f) << shift
			if c < 0x80 {
				return v
			}
		}
	}
	var hl histLine
	n := int(uv())
	hl.text = all[p : p+n]
	p += n
	if runs := int(uv()); runs > 0 {
		hl.runs = make([]styleRun, runs)
		for i := range hl.runs {
			hl.runs[i].col = uint16(uv())
			hl.runs[i].style = Style{Fg: Color(uv()), Bg: Color(uv())}
			hl.runs[i].style.setAttrAndLink(uv())
		}
	}
	hl.wrapped = all[p] == 1
	return hl, p + 1
}
