package vt

import (
	"encoding/binary"
	"sync"

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
	mu    sync.Mutex
	lines []histLine // until packed
	data  []byte     // once packed
	raw   int        // an estimate of the lines' bytes, until packed
}

// size is what the block takes in memory now.
func (b *histBlock) size() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.lines != nil {
		return b.raw
	}
	return len(b.data)
}

// packed reports whether the compressor is done with b.
func (b *histBlock) packed() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.lines == nil
}

// newBlock makes a block of lines (which it keeps: the caller must not
// change them) and queues it for compression.
func newBlock(lines []histLine) *histBlock {
	b := &histBlock{lines: lines}
	for _, hl := range lines {
		b.raw += hl.bytes()
	}
	compressQueue() <- b
	return b
}

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
		go func() {
			var scratch []byte
			for b := range queue {
				b.mu.Lock()
				lines := b.lines
				b.mu.Unlock()
				var data []byte
				data, scratch = compressLines(lines, scratch)
				b.mu.Lock()
				b.data, b.lines = data, nil
				b.mu.Unlock()
			}
		}()
	})
	return queue
}

var (
	zstdOnce sync.Once
	zEnc     *zstd.Encoder
	zDec     *zstd.Decoder
)

// codecs returns the process's zstd encoder and decoder: EncodeAll and
// DecodeAll may be called from any goroutine at once, and one of each
// keeps their tables (megabytes) from being made per window.
func codecs() (*zstd.Encoder, *zstd.Decoder) {
	zstdOnce.Do(func() {
		var err error
		zEnc, err = zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1), zstd.WithEncoderLevel(zstd.SpeedFastest),
			zstd.WithLowerEncoderMem(true), zstd.WithWindowSize(1<<17))
		if err != nil {
			panic(err)
		}
		zDec, err = zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true))
		if err != nil {
			panic(err)
		}
	})
	return zEnc, zDec
}

// compressLines packs lines into compressed bytes, building them in
// scratch (which it returns, grown, for the next block).
func compressLines(lines []histLine, scratch []byte) ([]byte, []byte) {
	raw := scratch[:0]
	for _, hl := range lines {
		raw = appendLine(raw, hl)
	}
	enc, _ := codecs()
	// The compressed form goes after the raw one in the same buffer, then
	// is copied out at its exact size.
	out := enc.EncodeAll(raw, raw[len(raw):])
	return append([]byte(nil), out...), raw[:0]
}

// decompress returns the block's lines: as they are if not yet packed,
// else unpacked (their texts then share one string).
func (b *histBlock) decompress() []histLine {
	b.mu.Lock()
	lines, data := b.lines, b.data
	b.mu.Unlock()
	if lines != nil {
		return lines
	}
	_, dec := codecs()
	raw, err := dec.DecodeAll(data, nil)
	if err != nil {
		// A block is only ever made here: a failure is memory corruption.
		panic("vt: history block: " + err.Error())
	}
	all := string(raw) // one allocation for every text of the block
	lines = make([]histLine, 0, blockLines)
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
		b = binary.AppendUvarint(b, uint64(r.style.Attr))
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
			hl.runs[i].style = Style{Fg: Color(uv()), Bg: Color(uv()), Attr: Attr(uv())}
		}
	}
	hl.wrapped = all[p] == 1
	return hl, p + 1
}
