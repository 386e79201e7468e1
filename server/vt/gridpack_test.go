package vt

import (
	"bytes"
	"fmt"
	"math/rand"
	"runtime"
	"strings"
	"testing"
)

// randomOutput is a burst of what programs write: text with styles, wide
// and combined characters, wrapping, scrolling, erasing with a background,
// the alternate screen on and off, margins and cursor moves.
func randomOutput(rng *rand.Rand) string {
	var b strings.Builder
	for range 1 + rng.Intn(12) {
		switch rng.Intn(14) {
		case 0:
			fmt.Fprintf(&b, "\x1b[%d;%dH", 1+rng.Intn(30), 1+rng.Intn(90))
		case 1:
			fmt.Fprintf(&b, "\x1b[%dm", []int{0, 1, 4, 7, 31, 42, 38, 48}[rng.Intn(8)])
			if rng.Intn(3) == 0 {
				fmt.Fprintf(&b, "\x1b[38;2;%d;%d;%dm", rng.Intn(256), rng.Intn(256), rng.Intn(256))
			}
		case 2:
			b.WriteString("中文字 e\u0301 👍🏽 ")
		case 3:
			fmt.Fprintf(&b, "\x1b[4%dm\x1b[%dK", rng.Intn(8), rng.Intn(3))
		case 4:
			fmt.Fprintf(&b, "\x1b[%dJ", rng.Intn(3))
		case 5:
			b.WriteString([]string{"\x1b[?1049h", "\x1b[?1049l", "\x1b[?47h", "\x1b[?47l"}[rng.Intn(4)])
		case 6:
			fmt.Fprintf(&b, "\x1b[%d;%dr", 1+rng.Intn(5), 10+rng.Intn(20))
		case 7:
			b.WriteString("\x1b[r")
		case 8:
			fmt.Fprintf(&b, "\x1b[%dL\x1b[%dM\x1b[%d@\x1b[%dP", rng.Intn(3), rng.Intn(3), rng.Intn(4), rng.Intn(4))
		default:
			for range rng.Intn(40) {
				b.WriteString(strings.Repeat(string(rune('a'+rng.Intn(26))), 1+rng.Intn(20)))
				b.WriteString([]string{" ", "\r\n", "\n", "\t", " "}[rng.Intn(5)])
			}
		}
	}
	return b.String()
}

// A screen packed at rest and then used in every way a server uses one
// reads and changes exactly as a twin never packed, whether the compressor
// got to the cells yet or not; the rows' versions stay, so nothing is
// redrawn for the packing.
func TestPackedGridIsTheSameScreen(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	a, b := New(90, 30, 500), New(90, 30, 500)
	packs := 0
	for step := range 3000 {
		if rng.Intn(2) == 0 {
			_, rows := a.Size()
			var versions []uint64
			for y := range rows {
				versions = append(versions, a.RowVersion(y))
			}
			if a.Pack() {
				packs++
				if a.Pack() {
					t.Fatal("packed twice")
				}
				if rng.Intn(3) == 0 {
					waitPacked(t, a.packed.block)
				}
			}
			for y := range rows {
				if a.RowVersion(y) != versions[y] {
					t.Fatalf("step %d: packing changed row %d's version", step, y)
				}
			}
		}
		cols, rows := a.Size()
		var what string
		switch op := rng.Intn(11); op {
		case 0, 1, 2:
			what = "write"
			out := randomOutput(rng)
			a.Write([]byte(out))
			b.Write([]byte(out))
		case 3:
			what = "row"
			y := rng.Intn(rows)
			if !SameCells(a.Row(y), b.Row(y)) {
				t.Fatalf("step %d: row %d differs", step, y)
			}
		case 4:
			what = "cell"
			x, y := rng.Intn(cols), rng.Intn(rows)
			if a.Cell(x, y) != b.Cell(x, y) {
				t.Fatalf("step %d: cell %d,%d differs", step, x, y)
			}
		case 5:
			what = "text"
			if a.String() != b.String() {
				t.Fatalf("step %d: text differs:\n%s\nwant\n%s", step, a.String(), b.String())
			}
		case 6:
			what = "resize"
			c, r := 20+rng.Intn(100), 5+rng.Intn(30)
			a.Resize(c, r)
			b.Resize(c, r)
		case 7:
			what = "snapshot"
			da, db := a.Snapshot(), b.Snapshot()
			if da.Len() != db.Len() {
				t.Fatalf("step %d: snapshots of %d and %d lines", step, da.Len(), db.Len())
			}
			for i := max(0, da.Len()-rows-2); i < da.Len(); i++ {
				if da.Text(i) != db.Text(i) {
					t.Fatalf("step %d: snapshot line %d: %q, want %q", step, i, da.Text(i), db.Text(i))
				}
			}
		case 8:
			what = "options"
			on := rng.Intn(2) == 0
			a.SetAutowrap(on)
			b.SetAutowrap(on)
			a.SetAltScreen(!on || rng.Intn(2) == 0)
			b.SetAltScreen(a.AltScreenAllowed())
			if rng.Intn(20) == 0 {
				a.Reset()
				b.Reset()
			}
		case 10:
			what = "marshal" // below, straight after the packing
		case 9:
			what = "line text"
			y := rng.Intn(rows)
			if a.LineText(y) != b.LineText(y) {
				t.Fatalf("step %d: line %d differs", step, y)
			}
		}
		if what == "marshal" || rng.Intn(8) == 0 || step == 2999 {
			ma, _ := a.MarshalBinary()
			mb, _ := b.MarshalBinary()
			if !bytes.Equal(ma, mb) {
				t.Fatalf("step %d (after %s): the screens differ", step, what)
			}
		}
	}
	if packs < 500 {
		t.Fatalf("only %d packs: the test did not test packing", packs)
	}
}

// Packing gives back most of a screen's cell memory.
func TestPackedGridTakesLessMemory(t *testing.T) {
	s := New(200, 50, 100)
	for i := range 60 {
		fmt.Fprintf(s, "\x1b[3%dmline %d %s\x1b[m\r\n", i%8, i, strings.Repeat("word ", 18))
	}
	if !s.Pack() {
		t.Fatal("not packed")
	}
	waitPacked(t, s.packed.block)
	if got, whole := s.packed.block.size(), 200*50*cellSize; got > whole/10 {
		t.Fatalf("packed cells take %d bytes of %d", got, whole)
	}
	for y := range 50 {
		if s.packed.block == nil || len(s.main.lines[y].cells) != 0 {
			t.Fatal("the cells are still held")
		}
	}
	if !strings.Contains(s.String(), "line 58 word") {
		t.Fatalf("lost the text:\n%s", s.String())
	}
}

// Showing a packed window again: its 200x50 cells thawed, after the
// compressor packed them (what a switch to a window hidden at rest pays
// before its first frame).
func BenchmarkPackedGridThaw(b *testing.B) {
	s := New(200, 50, 100)
	for i := range 60 {
		fmt.Fprintf(s, "\x1b[3%dmline %d %s\x1b[m\r\n", i%8, i, strings.Repeat("word ", 18))
	}
	b.SetBytes(int64(200 * 50 * cellSize))
	for b.Loop() {
		b.StopTimer()
		s.Pack()
		for !s.packed.block.packed() {
			runtime.Gosched()
		}
		b.StartTimer()
		s.Row(0)
	}
}
