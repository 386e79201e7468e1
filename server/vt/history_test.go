package vt

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"
)

// randomLine is a line with colours, attributes, wide and combining
// characters, as programs write them.
func randomLine(rng *rand.Rand, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%06d ", i)
	for range rng.Intn(12) {
		switch rng.Intn(6) {
		case 0:
			fmt.Fprintf(&b, "\x1b[3%d;1m", rng.Intn(8))
		case 1:
			fmt.Fprintf(&b, "\x1b[38;2;%d;%d;%dm", rng.Intn(256), rng.Intn(256), rng.Intn(256))
		case 2:
			b.WriteString("中文")
		case 3:
			b.WriteString("e\u0301")
		case 4:
			b.WriteString("\x1b[m")
		default:
			b.WriteString(strings.Repeat("word ", rng.Intn(4)+1))
		}
	}
	b.WriteString("\x1b[m")
	return b.String()
}

// The compressed history gives back every line as it went in: its text,
// styles, wide characters and wrap marks, on both sides of block borders,
// from the history and from a copy-mode snapshot.
func TestCompressedHistoryRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	plain := New(60, 5, 100000) // the reference: every line kept as cells
	const n = 5*blockLines + 300
	var want [][]Cell
	var wantWrapped []bool
	for i := range n {
		line := randomLine(rng, i)
		plain.Write([]byte(line + "\r\n"))
	}
	h := plain.History()
	if len(h.blocks) < 3 {
		t.Fatalf("only %d blocks: the test does not cross block borders", len(h.blocks))
	}
	// What went in, decoded from an uncompressed copy of each line.
	ref := New(60, 5, 100000)
	rng = rand.New(rand.NewSource(7))
	for i := range n {
		ref.Write([]byte(randomLine(rng, i) + "\r\n"))
	}
	for i := range h.Len() {
		want = append(want, ref.History().Cells(ref, i, 60))
		wantWrapped = append(wantWrapped, ref.History().Wrapped(i))
	}
	doc := plain.Snapshot()
	for _, i := range rng.Perm(h.Len()) { // random order: blocks decoded again and again
		got := h.Cells(plain, i, 60)
		if !sameText(plain, got, ref, want[i]) || h.Wrapped(i) != wantWrapped[i] {
			t.Fatalf("line %d: %q, want %q", i, cellsText(plain, got), cellsText(ref, want[i]))
		}
		if d := doc.Cells(i, 60); !sameText(plain, d, ref, want[i]) {
			t.Fatalf("snapshot line %d: %q", i, cellsText(plain, d))
		}
	}
	// The snapshot holds while the history moves on and drops lines.
	h.SetLimit(10)
	if d := doc.Cells(0, 60); !sameText(plain, d, ref, want[0]) {
		t.Fatalf("snapshot changed after the history shrank: %q", cellsText(plain, d))
	}
}

// sameText compares cells of two screens (their cluster tables differ).
func sameText(a *Screen, ac []Cell, b *Screen, bc []Cell) bool {
	if len(ac) != len(bc) {
		return false
	}
	for i := range ac {
		if a.Text(ac[i]) != b.Text(bc[i]) || ac[i].S != bc[i].S {
			return false
		}
	}
	return true
}

func TestHistoryLimitsInLinesAndBytes(t *testing.T) {
	s := New(80, 2, 3000)
	for i := range 10000 {
		fmt.Fprintf(s, "line %05d %s\r\n", i, strings.Repeat("x", i%50))
	}
	h := s.History()
	if h.Len() != 3000 {
		t.Fatalf("%d lines kept, want 3000", h.Len())
	}
	if got := h.Text(0); !strings.HasPrefix(got, "line 06999 ") {
		t.Fatalf("oldest line %q, want line 06999", got)
	}
	if got := h.Text(2999); !strings.HasPrefix(got, "line 09998 ") {
		t.Fatalf("newest line %q", got)
	}
	// A byte budget drops the oldest lines until the history fits.
	h.SetLimit(100000)
	for i := range 20000 {
		fmt.Fprintf(s, "more %05d %s\r\n", i, strings.Repeat("y", i%70))
	}
	h.SetByteLimit(64 << 10)
	if h.Bytes() > 64<<10 {
		t.Fatalf("history takes %d bytes over a 64 KiB budget", h.Bytes())
	}
	if got := h.Text(h.Len() - 1); !strings.HasPrefix(got, "more 19998 ") {
		t.Fatalf("newest line lost: %q", got)
	}
	kept := h.Len()
	for i := range 5000 {
		fmt.Fprintf(s, "again %05d\r\n", i)
	}
	if h.Bytes() > 64<<10 || h.Len() < kept/2 {
		t.Fatalf("%d bytes, %d lines after more output under the budget", h.Bytes(), h.Len())
	}
}

// Lines cost a fraction of their text: the compressed blocks and
// the hot tail, not a heap object per line.
func TestHistoryMemoryBelowText(t *testing.T) {
	if testing.Short() {
		t.Skip("300,000 lines")
	}
	s := New(120, 2, 1000000)
	text := 0
	for i := range 300000 {
		line := fmt.Sprintf("%07d the quick brown fox jumps over the lazy dog %d times, then %x more\r\n", i, i%97, i*7919)
		text += len(line) - 2
		s.Write([]byte(line))
	}
	h := s.History()
	// The compressor packs blocks in the background: wait for it.
	ratio := float64(h.Bytes()) / float64(text)
	for deadline := time.Now().Add(10 * time.Second); ratio > 0.5 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
		ratio = float64(h.Bytes()) / float64(text)
	}
	if ratio > 0.5 {
		t.Fatalf("history takes %d bytes for %d of text: %.2f per byte", h.Bytes(), text, ratio)
	}
	t.Logf("%d bytes of text kept in %d bytes (%.3f per byte)", text, h.Bytes(), ratio)
	if got := h.Text(123456); !strings.HasPrefix(got, "0123456 ") {
		t.Fatalf("line 123456: %q", got)
	}
}

// Reflow pops lines back from the compressed blocks.
func TestHistoryPopAcrossBlocks(t *testing.T) {
	s := New(40, 3, 100000)
	for i := range 5*blockLines + 10 {
		fmt.Fprintf(s, "%05d\r\n", i)
	}
	h := s.History()
	n := h.Len()
	for i := n - 1; i >= n-3*blockLines-20; i-- {
		if got := h.pop(); !strings.HasPrefix(got.text, fmt.Sprintf("%05d", i)) {
			t.Fatalf("pop %d: %q", i, got.text)
		}
	}
	if got := h.Text(h.Len() - 1); !strings.HasPrefix(got, fmt.Sprintf("%05d", h.Len()-1)) {
		t.Fatalf("after pops, newest %q", got)
	}
}

// Once output stops, the compressor packs the blocks again, smaller; the
// lines read back the same and the history's size follows, through lines
// dropped and a clear.
func TestRepackedHistory(t *testing.T) {
	repacked := make(chan struct{}, 1)
	AfterRepack = func() { repacked <- struct{}{} }
	defer func() { AfterRepack = nil }()
	s := New(100, 3, 100000)
	ref := New(100, 3, 100000)
	rng := rand.New(rand.NewSource(11))
	for i := range 6 * blockLines {
		line := randomLine(rng, i) + " " + strings.Repeat("status ok ", rng.Intn(5)) + "\r\n"
		s.Write([]byte(line))
		ref.Write([]byte(line))
	}
	// The history is asked its size only after: it must count each block
	// as first packed, less what repacking saved, once.
	h := s.History()
	var sum, first int
	for done := false; !done; {
		select {
		case <-repacked: // perhaps another test's blocks: look
		case <-time.After(20 * time.Second):
			t.Fatal("the compressor did not repack")
		}
		done = true
		sum, first = h.tail.size(), h.tail.size()
		for _, b := range h.blocks {
			done = done && b.packed()
			sum += b.size()
			first += b.counted()
		}
		done = done && sum < first
	}
	if h.Bytes() != sum || sum >= first {
		t.Fatalf("history counts %d bytes; its blocks and tail take %d, %d as first packed", h.Bytes(), sum, first)
	}
	t.Logf("%d bytes packed, %d repacked", first, sum)
	for i := range h.Len() {
		if !sameText(s, h.Cells(s, i, 100), ref, ref.History().Cells(ref, i, 100)) {
			t.Fatalf("line %d after repacking: %q", i, h.Text(i))
		}
	}
	h.SetLimit(3 * blockLines)
	sum = h.tail.size()
	for _, b := range h.blocks {
		sum += b.size()
	}
	if h.Bytes() != sum {
		t.Fatalf("after dropping lines: counts %d, takes %d", h.Bytes(), sum)
	}
	h.Clear()
	if h.Bytes() != 0 {
		t.Fatalf("after a clear: %d bytes", h.Bytes())
	}
}
