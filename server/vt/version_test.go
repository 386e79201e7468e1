package vt

import (
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

// versionTracker checks RowVersion's promise: a row whose version did not
// change holds the same cells. The renderer relies on it to skip rows, so a
// change that forgot to touch its line would leave stale text on screen.
type versionTracker struct {
	versions []uint64
	cells    [][]Cell
}

func (v *versionTracker) check(t *testing.T, s *Screen, when string) {
	t.Helper()
	_, rows := s.Size()
	for y := range rows {
		ver, row := s.RowVersion(y), s.Row(y)
		if y < len(v.versions) && v.versions[y] == ver && !slices.Equal(v.cells[y], row) {
			t.Fatalf("%s: row %d changed but kept version %d", when, y, ver)
		}
	}
	v.versions = v.versions[:0]
	v.cells = v.cells[:0]
	for y := range rows {
		v.versions = append(v.versions, s.RowVersion(y))
		v.cells = append(v.cells, slices.Clone(s.Row(y)))
	}
}

// Every corpus stream (vim, less, top, scroll regions, wide characters,
// insert/delete, alternate screens...) is fed in chunks of random size, with
// a resize now and then, and the versions checked after each chunk.
func TestRowVersions(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, name := range corpusCases(t) {
		in, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		s := New(80, 24, 100)
		var v versionTracker
		for len(in) > 0 {
			n := min(len(in), 1+rng.IntN(64))
			s.Write(in[:n])
			in = in[n:]
			v.check(t, s, name)
			if rng.IntN(200) == 0 {
				s.Resize(60+rng.IntN(40), 10+rng.IntN(20))
				v.check(t, s, name+" after a resize")
			}
		}
	}
}
