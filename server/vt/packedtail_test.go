package vt

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"
)

// waitPacked waits for the compressor to finish b.
func waitPacked(t *testing.T, b *histBlock) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !b.packed(); {
		if time.Now().After(deadline) {
			t.Fatal("the compressor did not pack the tail")
		}
		time.Sleep(time.Millisecond)
	}
}

// A history packed at rest, then changed in every way a window changes it
// (lines added, taken back by a resize, trimmed to a limit in lines or
// bytes, cleared, packed again), holds the same lines as a plain list,
// and copy-mode snapshots taken along the way keep what they saw.
func TestPackedTailKeepsEveryLine(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	h := NewHistory(5000)
	var model []histLine
	type snap struct {
		v     histView
		lines []histLine
	}
	var snaps []snap
	next := 0
	line := func() histLine {
		next++
		hl := histLine{text: fmt.Sprintf("%07d %s", next, strings.Repeat("ab 中", rng.Intn(30))), wrapped: rng.Intn(5) == 0}
		if rng.Intn(3) == 0 {
			hl.runs = []styleRun{{col: uint16(rng.Intn(4)), style: Style{Fg: Indexed(uint8(rng.Intn(256))), Attr: Bold}}}
		}
		return hl
	}
	check := func(step int, what string) {
		t.Helper()
		if h.Len() != len(model) {
			t.Fatalf("step %d (%s): %d lines, want %d", step, what, h.Len(), len(model))
		}
		for _, i := range []int{0, len(model) / 2, len(model) - 1, rng.Intn(len(model) + 1)} {
			if i < 0 || i >= len(model) {
				continue
			}
			if got := h.at(i); !sameLine(got, model[i]) {
				t.Fatalf("step %d (%s): line %d is %+v, want %+v", step, what, i, got, model[i])
			}
		}
	}
	for step := range 6000 {
		var what string
		switch op := rng.Intn(100); {
		case op < 60:
			what = "add"
			for range rng.Intn(40) + 1 {
				hl := line()
				h.add(hl)
				model = append(model, hl)
			}
		case op < 70:
			what = "pack"
			h.PackTail()
			if rng.Intn(2) == 0 && h.packed != nil {
				waitPacked(t, h.packed)
			}
		case op < 78 && len(model) > 0:
			what = "pop"
			n := rng.Intn(30) + 1
			if rng.Intn(10) == 0 {
				n = rng.Intn(1500) + 1 // a resize taking many back
			}
			for range min(n, len(model)) {
				got := h.pop()
				if want := model[len(model)-1]; !sameLine(got, want) {
					t.Fatalf("step %d: popped %+v, want %+v", step, got, want)
				}
				model = model[:len(model)-1]
			}
		case op < 81:
			what = "limit"
			h.SetLimit(rng.Intn(4500) + 1)
		case op < 82:
			what = "bytes"
			h.SetByteLimit(rng.Intn(300000) + 100000)
			model = model[len(model)-h.Len():]
			h.SetByteLimit(0)
		case op < 83 && rng.Intn(5) == 0:
			what = "clear"
			h.Clear()
			model = nil
		case op < 92:
			what = "snapshot"
			v := h.histView
			v.tail = h.tail.frozen()
			v.blocks = append([]*histBlock(nil), h.blocks...)
			snaps = append(snaps, snap{v, append([]histLine(nil), model...)})
		default:
			what = "limit back"
			h.SetLimit(5000)
		}
		if len(model) > h.limit {
			model = model[len(model)-h.limit:]
		}
		if len(model) > 0 {
			check(step, what)
		}
	}
	for k, s := range snaps {
		for i := range s.lines {
			if got := s.v.at(i); !sameLine(got, s.lines[i]) {
				t.Fatalf("snapshot %d: line %d is %+v, want %+v", k, i, got, s.lines[i])
			}
		}
	}
}

// Packing the tail at rest takes most of its memory off, counted in Bytes
// (what `info` shows and historybytes limits); the next line unpacks it.
func TestPackedTailTakesLessMemory(t *testing.T) {
	s := New(100, 5, 100000)
	rng := rand.New(rand.NewSource(5))
	for i := range blockLines + 700 {
		s.Write([]byte(randomLine(rng, i) + " " + strings.Repeat("status ok ", rng.Intn(5)) + "\r\n"))
	}
	h := s.History()
	for _, b := range h.blocks { // else one packed meanwhile counts less later
		waitPacked(t, b)
	}
	tailLines := h.tail.len()
	before := h.Bytes()
	tailBytes := h.tail.size()
	h.PackTail()
	if h.packed == nil || h.packedLines != tailLines {
		t.Fatalf("PackTail packed %d of %d tail lines", h.packedLines, tailLines)
	}
	waitPacked(t, h.packed)
	after := h.Bytes()
	if saved := before - after; saved < tailBytes/2 {
		t.Errorf("packing the tail of %d lines (%d bytes) saved %d bytes of %d", tailLines, tailBytes, saved, before)
	}
	n := h.Len()
	s.Write([]byte("one more\r\n" + strings.Repeat("\r\n", 5)))
	if h.packed != nil || h.Len() != n+6 || !strings.HasPrefix(h.Text(n+4), "one more") {
		t.Errorf("a new line did not unpack the tail: packed %v, %d lines (want %d), line %q", h.packed != nil, h.Len(), n+6, h.Text(n+4))
	}
	// The tail is counted whole again (the blocks may count a little less
	// meanwhile: the compressor repacks them after a pause).
	if got := h.Bytes(); got-after < tailBytes/2 {
		t.Errorf("unpacked, the history counts %d bytes, %d packed, %d before: the tail of %d bytes is not counted", got, after, before, tailBytes)
	}
}

// A window's state written for a live upgrade while its tail is packed
// reads back the same.
func TestPackedTailSnapshot(t *testing.T) {
	s := New(80, 5, 100000)
	rng := rand.New(rand.NewSource(9))
	for i := range blockLines + 300 {
		s.Write([]byte(randomLine(rng, i) + "\r\n"))
	}
	h := s.History()
	want := make([]string, h.Len())
	for i := range want {
		want[i] = h.Text(i)
	}
	h.PackTail()
	for _, wait := range []bool{false, true} {
		if wait {
			waitPacked(t, h.packed)
		}
		data, err := s.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		r, err := Restore(data)
		if err != nil {
			t.Fatal(err)
		}
		got := r.History()
		if got.Len() != len(want) {
			t.Fatalf("restored %d lines, want %d", got.Len(), len(want))
		}
		for i := range want {
			if got.Text(i) != want[i] {
				t.Fatalf("restored line %d is %q, want %q", i, got.Text(i), want[i])
			}
		}
	}
}
