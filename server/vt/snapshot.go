package vt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/klauspost/compress/zstd"
	"maps"
	"slices"
)

// A state snapshot is a screen's whole state as bytes — grids, cursor and saved
// cursors, modes, margins, tabs, titles, palette, the parser mid-sequence,
// pending replies, and the history (its compressed blocks as they are) — for
// a live upgrade: the old server writes it, the new one reads it back and
// carries on as if nothing happened, bytes arriving mid-sequence included.
//
// The format is versioned (snapshotVersion, after the magic): a reader
// refuses a version it does not know with an error saying so, never a
// misread; bump the version whenever a field is added, removed or changes
// meaning. Every number is a varint (encoding/binary), strings and byte
// strings are a length then the bytes, booleans one byte. Row versions,
// caches and scratch buffers are not kept: a restored screen is drawn in
// full once.

const (
	snapshotMagic   = "gmuxvt"
	snapshotVersion = 2
	// oldestSnapshot is the oldest version Restore reads: version 1 had no
	// hyperlinks (the table and History.added after the history).
	oldestSnapshot = 1
	// maxSnapshotCells bounds what a damaged size could make Restore
	// allocate (the server clamps windows to far less).
	maxSnapshotCells = 1 << 22
)

// ErrSnapshot reports a state snapshot that cannot be read.
var ErrSnapshot = errors.New("vt: bad snapshot")

// MarshalBinary returns the screen's state as bytes (Restore reads them
// back). It never fails.
func (s *Screen) MarshalBinary() ([]byte, error) {
	s.thaw()
	e := &snapEncoder{b: append([]byte(snapshotMagic), snapshotVersion)}
	e.int(s.cols)
	e.int(s.rows)
	e.bool(s.altActive)
	e.grid(&s.main)
	e.grid(&s.alt)
	e.cursor(s.cur)
	for _, sc := range s.saved {
		e.cursor(sc.cursor)
		e.bool(sc.origin)
		e.bool(sc.set)
	}
	for _, v := range []int{s.top, s.bot, s.left, s.right} {
		e.int(v)
	}
	e.int(len(s.tabs))
	for _, t := range s.tabs {
		e.bool(t)
	}
	e.modes(s.modes)
	e.str(s.title)
	e.strs(s.titleStack)
	e.int(s.sace)
	e.int(s.level)
	e.bool(s.noClearOnColumns)
	e.intMap(s.savedModes)
	e.bool(s.isoProtect)
	e.str(s.fgColor)
	e.str(s.bgColor)
	e.int(len(s.pal.set))
	for _, k := range slices.Sorted(maps.Keys(s.pal.set)) {
		e.int(k)
		e.uint(uint64(s.pal.set[k]))
	}
	e.bool(s.noBCE)
	e.bool(s.noAltScreen)
	e.str(s.titleSearch)
	e.int(s.titleRow)
	e.strs(s.clusters)
	e.int(int(s.lastRune))
	e.bytes(s.replies)
	e.int(s.bells)
	e.parser(&s.p)
	e.history(s.hist)
	e.links(&s.links, s.hist.added)
	return e.b, nil
}

// Restore reads a screen back from a snapshot.
func Restore(data []byte) (s *Screen, err error) {
	d := &snapDecoder{b: data}
	if len(data) < len(snapshotMagic)+1 || string(data[:len(snapshotMagic)]) != snapshotMagic {
		return nil, fmt.Errorf("%w: not a screen snapshot", ErrSnapshot)
	}
	v := data[len(snapshotMagic)]
	if v < oldestSnapshot || v > snapshotVersion {
		return nil, fmt.Errorf("%w: format version %d, this gmux reads %d to %d", ErrSnapshot, v, oldestSnapshot, snapshotVersion)
	}
	d.b = data[len(snapshotMagic)+1:]
	defer func() {
		// A malformed history line (a slice out of range) is a bad
		// snapshot, not a crash of the server reading it.
		if p := recover(); p != nil {
			s, err = nil, fmt.Errorf("%w: %v", ErrSnapshot, p)
		}
	}()
	s = &Screen{clusterIdx: map[string]int{}}
	s.cols, s.rows = d.size(), d.size()
	if s.cols*s.rows > maxSnapshotCells {
		return nil, fmt.Errorf("%w: a %dx%d screen", ErrSnapshot, s.cols, s.rows)
	}
	s.altActive = d.bool()
	s.main = d.grid(s.cols, s.rows)
	s.alt = d.grid(s.cols, s.rows)
	s.g = &s.main
	if s.altActive {
		s.g = &s.alt
	}
	s.cur = d.cursor()
	for i := range s.saved {
		s.saved[i] = savedCursor{cursor: d.cursor(), origin: d.bool(), set: d.bool()}
	}
	s.top, s.bot, s.left, s.right = d.int(), d.int(), d.int(), d.int()
	s.tabs = make([]bool, d.count(s.cols))
	for i := range s.tabs {
		s.tabs[i] = d.bool()
	}
	s.modes = d.modes()
	s.title = d.str()
	s.titleStack = d.strs()
	s.sace, s.level = d.int(), d.int()
	s.noClearOnColumns = d.bool()
	s.savedModes = d.intMap()
	s.isoProtect = d.bool()
	s.fgColor, s.bgColor = d.str(), d.str()
	if n := d.count(1 << 12); n > 0 {
		s.pal.set = make(map[int]Color, n)
		for range n {
			k := d.int()
			s.pal.set[k] = Color(d.uint())
		}
	}
	s.noBCE, s.noAltScreen = d.bool(), d.bool()
	s.titleSearch, s.titleRow = d.str(), d.int()
	for _, c := range d.strs() {
		s.clusterIdx[c] = len(s.clusters)
		s.clusters = append(s.clusters, c)
		s.clusterWidths = append(s.clusterWidths, int8(clusterWidth(c)))
	}
	s.lastRune = rune(d.int())
	s.replies = d.bytes()
	s.bells = d.int()
	d.parser(&s.p)
	s.hist = d.history()
	if v >= 2 {
		s.hist.added = d.links(&s.links, s.hist.n)
	} else {
		s.hist.added = int64(s.hist.n)
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%d bytes left over", len(d.b))
	}
	if d.err == nil {
		d.err = s.check()
	}
	if d.err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSnapshot, d.err)
	}
	s.changed = true
	return s, nil
}

// check verifies what the emulator takes for granted of its state, so that a
// bad snapshot is refused here rather than crashing the server later.
func (s *Screen) check() error {
	switch {
	case len(s.main.lines) != s.rows || s.alt.lines != nil && len(s.alt.lines) != s.rows:
		return errors.New("grid of the wrong height")
	case s.altActive && s.alt.lines == nil:
		return errors.New("alternate screen active but absent")
	case s.cur.x < 0 || s.cur.x >= s.cols || s.cur.y < 0 || s.cur.y >= s.rows:
		return errors.New("cursor off the screen")
	case s.top < 0 || s.bot >= s.rows || s.top > s.bot || s.left < 0 || s.right >= s.cols || s.left > s.right:
		return errors.New("margins off the screen")
	case len(s.tabs) != s.cols:
		return errors.New("tab stops of the wrong width")
	case s.cur.gl < 0 || s.cur.gl > 3 || s.p.nparams > maxParams || s.p.ninter > len(s.p.inter) || s.p.nutf8 > len(s.p.utf8):
		return errors.New("cursor or parser state out of range")
	}
	for _, sc := range s.saved {
		if sc.x < 0 || sc.x >= s.cols || sc.y < 0 || sc.y >= s.rows || sc.gl < 0 || sc.gl > 3 {
			return errors.New("saved cursor off the screen")
		}
	}
	for _, g := range []*grid{&s.main, &s.alt} {
		for i := range g.lines {
			for _, c := range g.lines[i].cells {
				if c.R < -1 && clusterIndex(c.R) >= len(s.clusters) {
					return errors.New("cell refers to an unknown cluster")
				}
				if c.S.Link != 0 && int(c.S.Link) >= len(s.links.entries) {
					return errors.New("cell refers to an unknown hyperlink")
				}
			}
		}
	}
	return nil
}

// links writes the hyperlink table (by index, freed entries empty) and
// the history's count of lines added.
func (e *snapEncoder) links(t *linkTable, added int64) {
	e.int(len(t.entries))
	for _, l := range t.entries {
		e.str(l.ID)
		e.str(l.URI)
		e.int(int(l.lastLine))
	}
	e.int(int(added))
}

// links reads the hyperlink table back and returns the history's count of
// lines added (at least n, the lines it holds).
func (d *snapDecoder) links(t *linkTable, n int) int64 {
	count := d.count(maxLinks + 1)
	for i := range count {
		e := linkEntry{Hyperlink: Hyperlink{ID: d.str(), URI: d.str()}, lastLine: int64(d.int())}
		if d.err != nil {
			return int64(n)
		}
		if i == 0 {
			t.index = map[Hyperlink]uint16{}
			t.entries = append(t.entries, linkEntry{})
			continue
		}
		t.entries = append(t.entries, e)
		if e.URI == "" {
			t.free = append(t.free, uint16(i))
			continue
		}
		t.index[e.Hyperlink] = uint16(i)
		t.bytes += len(e.ID) + len(e.URI)
	}
	return max(int64(d.int()), int64(n))
}

// snapEncoder appends a snapshot's fields.
type snapEncoder struct{ b []byte }

func (e *snapEncoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *snapEncoder) int(v int)     { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *snapEncoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}
func (e *snapEncoder) bytes(v []byte) { e.int(len(v)); e.b = append(e.b, v...) }
func (e *snapEncoder) str(v string)   { e.int(len(v)); e.b = append(e.b, v...) }
func (e *snapEncoder) strs(v []string) {
	e.int(len(v))
	for _, s := range v {
		e.str(s)
	}
}

func (e *snapEncoder) intMap(m map[int]bool) {
	e.int(len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		e.int(k)
		e.bool(m[k])
	}
}

func (e *snapEncoder) style(st Style) {
	e.uint(uint64(st.Fg))
	e.uint(uint64(st.Bg))
	e.uint(attrAndLink(st))
}

// grid writes rows top to bottom (the ring unrolled), each its used cells.
func (e *snapEncoder) grid(g *grid) {
	e.int(len(g.lines))
	for y := range g.lines {
		l := g.row(y)
		used := min(l.used, len(l.cells))
		e.int(used)
		e.bool(l.wrapped)
		for _, c := range l.cells[:used] {
			e.int(int(c.R))
			e.style(c.S)
		}
	}
}

func (e *snapEncoder) cursor(c cursor) {
	e.int(c.x)
	e.int(c.y)
	e.style(c.style)
	e.bool(c.wrapNext)
	e.b = append(e.b, c.charsets[:]...)
	e.int(c.gl)
}

func (e *snapEncoder) modes(m Modes) {
	for _, f := range []bool{m.AppCursor, m.AppKeypad, m.Insert, m.Origin, m.Autowrap, m.CursorVisible, m.CursorBlink,
		m.ReverseVideo, m.BracketedPaste, m.FocusEvents, m.NewlineMode, m.LRMargins, m.ReverseWrap} {
		e.bool(f)
	}
	e.int(m.Mouse)
	e.int(m.MouseEncoding)
	e.int(m.CursorStyle)
}

func (e *snapEncoder) parser(p *parser) {
	e.int(int(p.state))
	for i := range p.params {
		e.int(int(p.params[i]))
		e.bool(p.sub[i])
	}
	e.int(p.nparams)
	e.b = append(e.b, p.private, p.inter[0], p.inter[1])
	e.int(p.ninter)
	e.bytes(p.osc)
	e.bool(p.oscOver)
	e.bool(p.screenTitle)
	e.bool(p.strEsc)
	e.bool(p.inDCS)
	e.bytes(p.dcs)
	e.b = append(e.b, p.utf8[:]...)
	e.int(p.nutf8)
}

// history writes the limits, then every block as its compressed bytes (a
// block the compressor has not reached yet is compressed now), then the
// hot tail's lines in the blocks' line format.
func (e *snapEncoder) history(h *History) {
	e.int(h.limit)
	e.int(h.byteLimit)
	e.int(h.first)
	e.int(len(h.blocks))
	var scratch []byte
	var enc *zstd.Encoder
	for _, b := range h.blocks {
		b.mu.Lock()
		raw, data := b.raw, b.data
		b.mu.Unlock()
		if raw != nil {
			if enc == nil {
				enc = newEncoder(zstd.SpeedFastest)
			}
			data, scratch = compressRaw(enc, raw, scratch)
		}
		e.bytes(data)
	}
	e.int(h.tailLen())
	e.b = append(e.b, h.tailRaw()...)
}

// snapDecoder reads a snapshot's fields; the first failure sticks and every
// read after it returns zero values.
type snapDecoder struct {
	b   []byte
	err error
}

func (d *snapDecoder) fail(what string) {
	if d.err == nil {
		d.err = errors.New(what)
	}
	d.b = nil
}

func (d *snapDecoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("truncated")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *snapDecoder) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail("truncated")
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

// count reads a length, refusing a negative one or one beyond limit.
func (d *snapDecoder) count(limit int) int {
	n := d.int()
	if n < 0 || n > limit {
		d.fail("bad length")
		return 0
	}
	return n
}

// size reads a screen dimension.
func (d *snapDecoder) size() int {
	n := d.int()
	if n < 1 || n > 10000 {
		d.fail("bad screen size")
		return 1
	}
	return n
}

func (d *snapDecoder) byte1() byte {
	if len(d.b) == 0 {
		d.fail("truncated")
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *snapDecoder) bool() bool { return d.byte1() == 1 }

func (d *snapDecoder) bytes() []byte {
	n := d.int()
	if n < 0 || n > len(d.b) {
		d.fail("bad length")
		return nil
	}
	if n == 0 {
		return nil
	}
	v := slices.Clone(d.b[:n])
	d.b = d.b[n:]
	return v
}

func (d *snapDecoder) str() string { return string(d.bytes()) }

func (d *snapDecoder) strs() []string {
	n := d.count(len(d.b))
	var v []string
	for range n {
		v = append(v, d.str())
	}
	return v
}

func (d *snapDecoder) intMap() map[int]bool {
	n := d.count(len(d.b))
	if n == 0 {
		return nil
	}
	m := make(map[int]bool, n)
	for range n {
		k := d.int()
		m[k] = d.bool()
	}
	return m
}

func (d *snapDecoder) style() Style {
	st := Style{Fg: Color(d.uint()), Bg: Color(d.uint())}
	st.setAttrAndLink(d.uint())
	return st
}

func (d *snapDecoder) grid(cols, rows int) grid {
	n := d.int()
	if n == 0 {
		return grid{} // an alternate screen never used
	}
	if n != rows {
		d.fail("grid of the wrong height")
		return grid{}
	}
	g := grid{lines: make([]line, rows)}
	cells := make([]Cell, cols*rows)
	for y := range g.lines {
		l := &g.lines[y]
		l.cells = cells[y*cols : (y+1)*cols : (y+1)*cols]
		l.used = d.count(cols)
		l.wrapped = d.bool()
		for x := range l.used {
			l.cells[x] = Cell{R: rune(d.int()), S: d.style()}
		}
	}
	return g
}

func (d *snapDecoder) cursor() cursor {
	c := cursor{x: d.int(), y: d.int(), style: d.style(), wrapNext: d.bool()}
	for i := range c.charsets {
		c.charsets[i] = d.byte1()
	}
	c.gl = d.int()
	return c
}

func (d *snapDecoder) modes() Modes {
	var m Modes
	for _, f := range []*bool{&m.AppCursor, &m.AppKeypad, &m.Insert, &m.Origin, &m.Autowrap, &m.CursorVisible, &m.CursorBlink,
		&m.ReverseVideo, &m.BracketedPaste, &m.FocusEvents, &m.NewlineMode, &m.LRMargins, &m.ReverseWrap} {
		*f = d.bool()
	}
	m.Mouse, m.MouseEncoding, m.CursorStyle = d.int(), d.int(), d.int()
	return m
}

func (d *snapDecoder) parser(p *parser) {
	p.state = parseState(d.int())
	for i := range p.params {
		p.params[i] = int32(d.int())
		p.sub[i] = d.bool()
	}
	p.nparams = d.int()
	p.private, p.inter[0], p.inter[1] = d.byte1(), d.byte1(), d.byte1()
	p.ninter = d.int()
	p.osc = d.bytes()
	p.oscOver, p.screenTitle, p.strEsc, p.inDCS = d.bool(), d.bool(), d.bool(), d.bool()
	p.dcs = d.bytes()
	for i := range p.utf8 {
		p.utf8[i] = d.byte1()
	}
	p.nutf8 = d.int()
	if p.nparams < 0 || p.ninter < 0 || p.nutf8 < 0 {
		d.fail("parser state out of range")
	}
}

// history reads the history back; each block is decompressed once, to
// refuse a damaged one now rather than in copy mode a week later.
func (d *snapDecoder) history() *History {
	h := NewHistory(d.int())
	h.byteLimit = d.int()
	h.first = d.int()
	nblocks := d.count(len(d.b))
	if h.byteLimit < 0 || h.first < 0 || h.first >= blockLines || nblocks == 0 && h.first != 0 {
		d.fail("bad history limits")
		return h
	}
	dec := decoder()
	for range nblocks {
		data := d.bytes()
		if d.err != nil {
			return h
		}
		raw, err := dec.DecodeAll(data, nil)
		if err != nil {
			d.fail("history block: " + err.Error())
			return h
		}
		lines := 0
		for p := 0; p < len(raw) && d.err == nil; lines++ {
			_, p = d.line(raw, p)
		}
		if lines != blockLines {
			d.fail("history block of the wrong size")
			return h
		}
		h.blocks = append(h.blocks, &histBlock{data: data, owner: h.saved})
		h.blockBytes += len(data)
	}
	ntail := d.count(len(d.b))
	for range ntail {
		if len(d.b) == 0 {
			d.fail("truncated history")
			return h
		}
		hl, p := d.line(d.b, 0)
		if d.err != nil {
			return h
		}
		d.b = d.b[p:]
		h.tail.add(hl)
	}
	h.n = len(h.blocks)*blockLines - h.first + h.tail.len()
	return h
}

// line reads a history line at p of all as readLine does, checking every
// length against what is there (readLine trusts blocks it wrote itself).
func (d *snapDecoder) line(all []byte, p int) (histLine, int) {
	sub := &snapDecoder{b: all[p:]} // not a copy: that made reading a block quadratic
	var hl histLine
	n := sub.uint()
	if n > uint64(len(sub.b)) {
		d.fail("bad history line")
		return hl, len(all)
	}
	hl.text = string(sub.b[:n])
	sub.b = sub.b[n:]
	runs := sub.uint()
	if runs > uint64(len(sub.b)) {
		d.fail("bad history line")
		return hl, len(all)
	}
	for range runs {
		r := styleRun{col: uint16(sub.uint())}
		r.style = Style{Fg: Color(sub.uint()), Bg: Color(sub.uint())}
		r.style.setAttrAndLink(sub.uint())
		hl.runs = append(hl.runs, r)
	}
	hl.wrapped = sub.byte1() == 1
	if sub.err != nil {
		d.fail("bad history line: " + sub.err.Error())
		return hl, len(all)
	}
	return hl, len(all) - len(sub.b)
}
