package layout

import (
	"math/rand"
	"testing"
)

// checkTiles verifies that the regions cover the display exactly once,
// borders apart, and are at least MinSize.
func checkTiles(t *testing.T, l *Layout) {
	t.Helper()
	w, h := l.Size()
	cover := make([]int, w*h)
	for _, r := range l.Regions() {
		if r.Rect.W < MinSize || r.Rect.H < MinSize {
			t.Fatalf("region %d is %dx%d in %s", r.ID, r.Rect.W, r.Rect.H, l)
		}
		for y := r.Rect.Y; y < r.Rect.Y+r.Rect.H; y++ {
			for x := r.Rect.X; x < r.Rect.X+r.Rect.W; x++ {
				if x < 0 || y < 0 || x >= w || y >= h {
					t.Fatalf("region %d at %+v leaves the %dx%d display: %s", r.ID, r.Rect, w, h, l)
				}
				if cover[y*w+x] != 0 {
					t.Fatalf("regions %d and %d overlap at %d,%d: %s", cover[y*w+x], r.ID, x, y, l)
				}
				cover[y*w+x] = r.ID
			}
		}
	}
	// Every uncovered cell is a border: a column between side-by-side regions.
	for y := range h {
		for x := range w {
			if cover[y*w+x] == 0 && (x == 0 || x == w-1 || cover[y*w+x-1] == 0 || cover[y*w+x+1] == 0) {
				t.Fatalf("cell %d,%d is neither a region nor a border: %s", x, y, l)
			}
		}
	}
}

func TestSplitStackedAndSideBySide(t *testing.T) {
	l := New(80, 24)
	a := l.Focus()
	b, err := l.Split(Stacked)
	if err != nil {
		t.Fatal(err)
	}
	if l.Focus() != a {
		t.Fatalf("focus moved to %d on split", l.Focus())
	}
	ra, _ := l.Rect(a)
	rb, _ := l.Rect(b)
	if ra != (Rect{0, 0, 80, 12}) || rb != (Rect{0, 12, 80, 12}) {
		t.Fatalf("stacked split: %+v %+v", ra, rb)
	}
	l.SetFocus(b)
	c, err := l.Split(SideBySide)
	if err != nil {
		t.Fatal(err)
	}
	rb, _ = l.Rect(b)
	rc, _ := l.Rect(c)
	if rb != (Rect{0, 12, 39, 12}) || rc != (Rect{40, 12, 40, 12}) { // screen 4.9's: the new region gets the odd column
		t.Fatalf("side by side: %+v %+v", rb, rc)
	}
	if got := l.String(); got != "-[12:r,12:|[39:r,40:r]]" {
		t.Fatalf("text %q", got)
	}
	// A third region in the same direction joins the split.
	l.SetFocus(a)
	d, _ := l.Split(Stacked)
	if got := l.String(); got != "-[6:r,6:r,12:|[39:r,40:r]]" {
		t.Fatalf("text %q", got)
	}
	checkTiles(t, l)
	if l.Next(a) != d || l.Next(c) != a || l.Prev(a) != c {
		t.Fatalf("order: next(a)=%d next(c)=%d prev(a)=%d", l.Next(a), l.Next(c), l.Prev(a))
	}
}

func TestNeighbours(t *testing.T) {
	l, err := Parse("-[12:r,12:|[39:r,40:r]]", 80, 24)
	if err != nil {
		t.Fatal(err)
	}
	// 1 on top; 2 bottom left; 3 bottom right (under the middle of 1).
	for _, c := range []struct {
		id   int
		side Side
		want int
	}{{1, Down, 3}, {2, Up, 1}, {3, Up, 1}, {2, Right, 3}, {3, Left, 2}, {1, Up, 0}, {2, Left, 0}, {3, Down, 0}} {
		if got := l.Neighbour(c.id, c.side); got != c.want {
			t.Errorf("neighbour of %d on side %d: %d, want %d", c.id, c.side, got, c.want)
		}
	}
}

func TestRemoveGivesRoomToNeighbour(t *testing.T) {
	l, _ := Parse("-[12:r,12:|[39:r,40:r]]", 80, 24)
	l.SetFocus(3)
	if err := l.Remove(3); err != nil {
		t.Fatal(err)
	}
	if got := l.String(); got != "-[12:r,12:r]" {
		t.Fatalf("after removing 3: %q", got)
	}
	if l.Focus() != 2 {
		t.Fatalf("focus %d, want 2 (the neighbour)", l.Focus())
	}
	if err := l.Remove(1); err != nil {
		t.Fatal(err)
	}
	if got := l.String(); got != "r" || l.Len() != 1 {
		t.Fatalf("after removing 1: %q", got)
	}
	if l.Remove(2) != ErrLastRegion {
		t.Fatal("removed the last region")
	}
	checkTiles(t, l)
}

func TestOnly(t *testing.T) {
	l, _ := Parse("|[40:r,39:-[12:r,11:r]]", 80, 24)
	l.SetFocus(3)
	l.Only()
	if r, _ := l.Rect(3); r != (Rect{0, 0, 80, 24}) || l.Len() != 1 {
		t.Fatalf("only: %+v, %d regions", r, l.Len())
	}
}

func TestResizeRegionAndDisplay(t *testing.T) {
	l, _ := Parse("-[12:r,12:r]", 80, 24)
	if got, _ := l.ResizeRegion(1, Stacked, 5); got != 17 {
		t.Fatalf("grown to %d, want 17", got)
	}
	if got, _ := l.ResizeRegion(1, Stacked, 100); got != 24-MinSize {
		t.Fatalf("grown past the neighbour's minimum: %d", got)
	}
	if got, _ := l.ResizeRegion(1, Stacked, -30); got != MinSize {
		t.Fatalf("shrunk to %d", got)
	}
	// Along the other axis there is nothing to trade with.
	if got, _ := l.ResizeRegion(1, SideBySide, 5); got != 80 {
		t.Fatalf("width %d", got)
	}
	l.Equalize()
	if got := l.String(); got != "-[12:r,12:r]" {
		t.Fatalf("equalized: %q", got)
	}
	// A display that grows or shrinks keeps the proportions.
	l.ResizeRegion(1, Stacked, 6) // 18 and 6
	l.Resize(100, 48)
	if got := l.String(); got != "-[36:r,12:r]" {
		t.Fatalf("resized display: %q", got)
	}
	l.Resize(10, 2)
	checkTiles(t, l)
}

func TestTooSmallToSplit(t *testing.T) {
	l := New(2, 1)
	if _, err := l.Split(Stacked); err != ErrTooSmall {
		t.Fatalf("split of one row: %v", err)
	}
	if _, err := l.Split(SideBySide); err != ErrTooSmall {
		t.Fatalf("split of two columns (one is the border): %v", err)
	}
}

func TestParseRejects(t *testing.T) {
	for _, bad := range []string{"", "x", "-[", "-[1:r]", "-[1:r,", "|[a:r,b:r]", "-[1:r,1:r]x", "-[1:r;1:r]"} {
		if _, err := Parse(bad, 80, 24); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// Random splits, removals, resizes of regions and of the display always
// leave a tiling, and the text form reads back to the same layout.
func TestRandomOperationsKeepATiling(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for range 200 {
		l := New(20+rng.Intn(200), 5+rng.Intn(60))
		for range 40 {
			ids := l.Regions()
			l.SetFocus(ids[rng.Intn(len(ids))].ID)
			switch rng.Intn(6) {
			case 0, 1:
				l.Split(Dir(rng.Intn(2)))
			case 2:
				l.Remove(ids[rng.Intn(len(ids))].ID)
			case 3:
				l.ResizeRegion(l.Focus(), Dir(rng.Intn(2)), rng.Intn(21)-10)
			case 4:
				l.Resize(10+rng.Intn(200), 3+rng.Intn(60))
			case 5:
				l.Equalize()
			}
			checkTiles(t, l)
			w, h := l.Size()
			back, err := Parse(l.String(), w, h)
			if err != nil || back.String() != l.String() {
				t.Fatalf("text %q read back as %v, %v", l.String(), back, err)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("|[40:r,39:-[12:r,11:r]]", 80, 24)
	f.Add("-[1:r,1:r]", 3, 2)
	f.Fuzz(func(t *testing.T, s string, w, h int) {
		w, h = 1+abs(w)%300, 1+abs(h)%100
		l, err := Parse(s, w, h)
		if err != nil {
			return
		}
		checkTiles(t, l)
	})
}
