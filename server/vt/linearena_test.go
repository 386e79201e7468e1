package vt

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

func randomHistLine(rng *rand.Rand) histLine {
	words := []string{"word", "中文", "e\u0301", "x", strings.Repeat("long ", 20)}
	var b strings.Builder
	for range rng.Intn(8) {
		b.WriteString(words[rng.Intn(len(words))])
	}
	hl := histLine{text: b.String(), wrapped: rng.Intn(3) == 0}
	for col := 0; col < len(hl.text) && rng.Intn(3) > 0; col += rng.Intn(10) + 1 {
		hl.runs = append(hl.runs, styleRun{col: uint16(col), style: Style{Fg: Color(rng.Intn(1 << 25)), Bg: Color(rng.Intn(300)), Attr: Attr(rng.Intn(256))}})
	}
	return hl
}

func sameLine(a, b histLine) bool {
	return a.text == b.text && a.wrapped == b.wrapped && slices.Equal(a.runs, b.runs)
}

// The arena gives back what went in through every way lines leave it, and
// a frozen copy (copy mode's) keeps its lines while the arena adds, drops
// and takes lines after it: no byte it holds is written over.
func TestLineArenaAgainstAList(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	var a lineArena
	var want []histLine
	type frozenCopy struct {
		a     lineArena
		lines []histLine
	}
	var copies []frozenCopy
	for step := range 20000 {
		switch op := rng.Intn(20); {
		case op < 12:
			hl := randomHistLine(rng)
			a.add(hl)
			want = append(want, hl)
		case op < 14 && len(want) > 0:
			a.dropOldest()
			want = want[1:]
		case op < 16 && len(want) > 0:
			a.dropNewest()
			want = want[:len(want)-1]
		case op < 17 && len(want) > 0:
			n := rng.Intn(len(want)) + 1
			raw := a.takeFront(n)
			for i, p := 0, 0; i < n; i++ {
				var hl histLine
				hl, p = readLine(bytesView(raw), p)
				if !sameLine(hl, want[i]) {
					t.Fatalf("step %d: taken line %d: %+v, want %+v", step, i, hl, want[i])
				}
				if i == n-1 && p != len(raw) {
					t.Fatalf("step %d: %d bytes after the lines taken", step, len(raw)-p)
				}
			}
			want = want[n:]
		case op < 18:
			copies = append(copies, frozenCopy{a.frozen(), slices.Clone(want)})
		case op < 19 && len(want) > 0:
			raw := a.takeFront(len(want))
			a.addRaw(raw)
		}
		if a.len() != len(want) {
			t.Fatalf("step %d: %d lines, want %d", step, a.len(), len(want))
		}
		if len(want) > 0 {
			for _, i := range []int{0, len(want) - 1, rng.Intn(len(want))} {
				if got := a.at(i); !sameLine(got, want[i]) {
					t.Fatalf("step %d: line %d: %+v, want %+v", step, i, got, want[i])
				}
			}
		}
		if a.size() > 4*(a.len()*200+1024) {
			t.Fatalf("step %d: %d bytes for %d lines", step, a.size(), a.len())
		}
	}
	for k, c := range copies {
		for i, hl := range c.lines {
			if got := c.a.at(i); !sameLine(got, hl) {
				t.Fatalf("frozen copy %d, line %d: %+v, want %+v", k, i, got, hl)
			}
		}
	}
}

// A short history drops a line for every line it adds: the bytes of the
// lines dropped do not pile up.
func TestLineArenaStaysInProportion(t *testing.T) {
	var a lineArena
	hl := histLine{text: strings.Repeat("x", 100)}
	for range 100000 {
		a.add(hl)
		if a.len() > 50 {
			a.dropOldest()
		}
	}
	if cap(a.data) > 4*50*110 {
		t.Fatalf("%d bytes of buffer for 50 lines of 100", cap(a.data))
	}
}
