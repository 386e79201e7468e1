package vt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// sameScreen fails unless a and b hold the same state as far as anything
// outside the emulator can see: cells, cursor, modes, title, history.
func sameScreen(t *testing.T, a, b *Screen, when string) {
	t.Helper()
	if ac, ar := a.Size(); true {
		if bc, br := b.Size(); ac != bc || ar != br {
			t.Fatalf("%s: size %dx%d, restored %dx%d", when, ac, ar, bc, br)
		}
	}
	if a.String() != b.String() {
		t.Fatalf("%s: screens differ:\n%s\n--- restored:\n%s", when, a.String(), b.String())
	}
	_, rows := a.Size()
	for y := range rows {
		ra, rb := a.Row(y), b.Row(y)
		for x := range ra {
			if a.Text(ra[x]) != b.Text(rb[x]) || ra[x].S != rb[x].S || ra[x].IsWideTail() != rb[x].IsWideTail() {
				t.Fatalf("%s: cell %d,%d: %q %+v, restored %q %+v", when, x, y, a.Text(ra[x]), ra[x].S, b.Text(rb[x]), rb[x].S)
			}
		}
	}
	ax, ay := a.Cursor()
	bx, by := b.Cursor()
	if ax != bx || ay != by || a.Modes() != b.Modes() || a.Title() != b.Title() {
		t.Fatalf("%s: cursor %d,%d modes %+v title %q; restored %d,%d %+v %q", when, ax, ay, a.Modes(), a.Title(), bx, by, b.Modes(), b.Title())
	}
	ha, hb := a.History(), b.History()
	if ha.Len() != hb.Len() || ha.Limit() != hb.Limit() {
		t.Fatalf("%s: history of %d lines (limit %d), restored %d (%d)", when, ha.Len(), ha.Limit(), hb.Len(), hb.Limit())
	}
	cols, _ := a.Size()
	for i := range ha.Len() {
		if ha.Text(i) != hb.Text(i) || ha.Wrapped(i) != hb.Wrapped(i) {
			t.Fatalf("%s: history line %d: %q, restored %q", when, i, ha.Text(i), hb.Text(i))
		}
		ca, cb := ha.Cells(a, i, cols), hb.Cells(b, i, cols)
		for x := range ca {
			if a.Text(ca[x]) != b.Text(cb[x]) || ca[x].S != cb[x].S {
				t.Fatalf("%s: history line %d cell %d differs", when, i, x)
			}
		}
	}
	if string(a.TakeReplies()) != string(b.TakeReplies()) {
		t.Fatalf("%s: pending replies differ", when)
	}
}

func restored(t *testing.T, s *Screen) *Screen {
	t.Helper()
	data, err := s.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Restore(data)
	if err != nil {
		t.Fatalf("restore: %v", err)
	}
	return r
}

// A screen in the middle of everything — thousands of styled, wide and
// emoji lines in history across several compressed blocks, the alternate
// screen up, margins, tabs, a title, a palette colour, saved cursors, and
// an escape sequence cut in two — is restored to the same state, and
// carries on exactly as the original does.
func TestSnapshotRoundTrip(t *testing.T) {
	s := New(80, 24, 5000)
	var b strings.Builder
	for i := range 3500 {
		fmt.Fprintf(&b, "\x1b[3%dmline %d\x1b[0m wide 世界 emoji 👍🏽 e\u0301 %s\r\n", i%8, i, strings.Repeat("x", i%70))
	}
	b.WriteString("\x1b]2;a title\x07\x1b]4;1;rgb:12/34/56\x07\x1b[5;20r\x1b[3g\x1b[10G\x1bH\x1b[1;4;38;2;1;2;3m")
	b.WriteString("\x1b7\x1b[?1049h\x1b[?1h\x1b[?2004h\x1b[?1006h\x1b[?1002h\x1b[2 q\x1b(0lqqk\x1b(B\x1b[12;7Hin alt")
	s.Write([]byte(b.String()))
	s.Write([]byte("\x1b[3")) // a sequence cut in two by the hand-over
	r := restored(t, s)
	sameScreen(t, s, r, "restored")
	if r.History().Len() < 3000 || len(r.hist.blocks) < 2 {
		t.Fatalf("the test meant to hold compressed blocks: %d lines, %d blocks", r.History().Len(), len(r.hist.blocks))
	}
	rest := "1mred after\x1b[?1049l\x1b8more\r\n\x1b[6n\x1b]4;1;?\x07" + strings.Repeat("tail line\r\n", 40)
	s.Write([]byte(rest))
	r.Write([]byte(rest))
	sameScreen(t, s, r, "after more output")
	// And once more, from the restored one.
	r2 := restored(t, r)
	r.Write([]byte("\x1b[2J\x1b[Hcleared"))
	r2.Write([]byte("\x1b[2J\x1b[Hcleared"))
	sameScreen(t, r, r2, "restored twice")
}

// Random streams, cut at a random point: the restored screen takes the rest
// of the stream exactly as the original does.
func TestSnapshotRandomStreams(t *testing.T) {
	pieces := []string{"a", "b", "世", "👍", "\u0301", "\r", "\n", "\t", "\x08", "\x1b[", "\x1b]", "\x1bP", "\x07", "\x1b\\",
		"1", "2", ";", "m", "H", "J", "K", "r", "?1049h", "?1049l", "?25l", "?6h", "?69h", "s", "L", "M", "@", "P", "S", "T",
		"\x1b7", "\x1b8", "\x1b(0", "\x1b(B", "\x0e", "\x0f", "\x1bc", "0;title\x07", "38;5;200m", "4;2;rgb:1/2/3\x07", "\xe4\xb8"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var b strings.Builder
		for range 400 + rng.IntN(3000) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		stream := b.String()
		cut := rng.IntN(len(stream))
		s := New(20+rng.IntN(60), 5+rng.IntN(20), rng.IntN(3000))
		s.Write([]byte(stream[:cut]))
		r := restored(t, s)
		sameScreen(t, s, r, fmt.Sprintf("round %d, at the cut", round))
		s.Write([]byte(stream[cut:]))
		r.Write([]byte(stream[cut:]))
		sameScreen(t, s, r, fmt.Sprintf("round %d, after the rest", round))
	}
}

// A snapshot that is cut short, damaged, of another format version or not
// one at all is refused with ErrSnapshot, never a panic.
func TestSnapshotRefusesBadInput(t *testing.T) {
	s := New(40, 10, 3000)
	for i := range 2500 {
		fmt.Fprintf(s, "\x1b[1mline\x1b[0m %d 世界\r\n", i)
	}
	data, _ := s.MarshalBinary()
	for n := 0; n < len(data); n += 1 + n/7 {
		if _, err := Restore(data[:n]); !errors.Is(err, ErrSnapshot) {
			t.Fatalf("cut to %d of %d bytes: %v", n, len(data), err)
		}
	}
	newer := append([]byte(nil), data...)
	newer[len(snapshotMagic)]++
	if _, err := Restore(newer); !errors.Is(err, ErrSnapshot) || !strings.Contains(err.Error(), "format version") {
		t.Fatalf("a newer format: %v", err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		bad := append([]byte(nil), data...)
		for range 1 + rng.IntN(4) {
			bad[len(snapshotMagic)+1+rng.IntN(len(bad)-len(snapshotMagic)-1)] = byte(rng.IntN(256))
		}
		if r, err := Restore(bad); err == nil {
			// Some damage is just different content: it must still be
			// a screen that works.
			r.Write([]byte("\x1b[2J more \x1b[?1049h text\r\n"))
			_ = r.String()
		}
	}
}

func FuzzRestore(f *testing.F) {
	s := New(10, 3, 2000)
	for i := range 1100 {
		fmt.Fprintf(s, "%d 世\r\n", i)
	}
	data, _ := s.MarshalBinary()
	f.Add(data)
	small, _ := New(3, 2, 10).MarshalBinary()
	f.Add(small)
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := Restore(b)
		if err != nil {
			return
		}
		r.Write([]byte("a\x1b[2Jb\r\n\x1b[?1049hc"))
		_ = r.String()
		for i := range r.History().Len() {
			r.History().Text(i)
		}
	})
}

// A history block read back claims how much it holds (its zstd frame's
// content size), and the decoder allocates what is claimed: a snapshot
// whose block claims gigabytes is refused, without the gigabytes.
func TestSnapshotRefusesDecompressionBomb(t *testing.T) {
	s := New(200, 10, 5000)
	for i := range 4000 {
		fmt.Fprintf(s, "%d %s\r\n", i, strings.Repeat("history ", 18))
	}
	data, _ := s.MarshalBinary()
	magic := []byte{0x28, 0xb5, 0x2f, 0xfd}
	at := bytes.Index(data, magic)
	if at < 0 {
		t.Fatal("no compressed block in the snapshot")
	}
	fhd := data[at+4]
	if fhd>>6 != 2 { // a 4-byte content size, as a block of this size has
		t.Fatalf("frame header %#x: not the 4-byte content size this test patches", fhd)
	}
	fcs := at + 5
	if fhd&0x20 == 0 {
		fcs++ // the window descriptor comes first
	}
	fcs += [4]int{0, 1, 2, 4}[fhd&3] // and the dictionary id
	bomb := append([]byte(nil), data...)
	binary.LittleEndian.PutUint32(bomb[fcs:], 0xfff00000) // 4 GB
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Restore(bomb)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrSnapshot) {
		t.Fatalf("a block claiming 4 GB: %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 16<<20 { // before the bound: 54 MB for this one block
		t.Fatalf("reading the bomb allocated %d MB", grew>>20)
	}
}
