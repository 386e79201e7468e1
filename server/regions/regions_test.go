package regions

import (
	"testing"

	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/layout"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
)

func testWindow(id int) *window.Window {
	return &window.Window{Pane: pane.Dead(0, vt.New(10, 5, 0)), WindowModel: handover.WindowModel{Number: id, ID: id}}
}

// A split keeps the window in the focused region and leaves the new one
// empty; removing the focused region forgets what it showed; a window
// shown in the focused region and in another is taken from the other.
func TestRegionsShowWindows(t *testing.T) {
	a, b := testWindow(1), testWindow(2)
	r := New(80, 24, a)
	first := r.Focus()
	second, err := r.Split(layout.Stacked)
	if err != nil {
		t.Fatal(err)
	}
	if r.Focused() != a || r.Window(second) != nil || !r.Shows(a) || r.Shows(b) {
		t.Fatalf("after a split: focused %v, new region %v", r.Focused(), r.Window(second))
	}
	r.SetFocus(second)
	r.Show(second, b)
	r.Show(first, b)
	r.Unshow(b)
	if r.Window(first) != nil || r.Focused() != b {
		t.Fatalf("unshow: other region %v, focused %v", r.Window(first), r.Focused())
	}
	if err := r.RemoveFocused(); err != nil || r.Shows(b) || r.Len() != 1 {
		t.Fatalf("remove: %v, still shows b %v, %d regions", err, r.Shows(b), r.Len())
	}
}

// What a smaller terminal cannot hold goes with its window.
func TestResizeDropsRegionsWithTheirWindows(t *testing.T) {
	r := New(80, 24, testWindow(1))
	ids := []int{r.Focus()}
	for i := range 3 {
		id, err := r.Split(layout.Stacked)
		if err != nil {
			t.Fatal(err)
		}
		r.Show(id, testWindow(i+2))
		ids = append(ids, id)
	}
	r.Resize(80, 2)
	dropped := 0
	for _, id := range ids {
		if _, ok := r.Rect(id); !ok {
			dropped++
			if r.Window(id) != nil {
				t.Errorf("dropped region %d still shows window %d", id, r.Window(id).Number)
			}
		}
	}
	if dropped == 0 || r.Len() != len(ids)-dropped {
		t.Fatalf("2 rows kept %d of 4 regions (%d dropped)", r.Len(), dropped)
	}
}

// Saved in words and restored, the regions show the same windows with the
// same focus; a window gone since shows nothing; one region is no split.
func TestSaveRestore(t *testing.T) {
	a, b := testWindow(1), testWindow(2)
	r := New(80, 24, a)
	second, _ := r.Split(layout.SideBySide)
	r.Show(second, b)
	r.SetFocus(second)
	sr := r.Save(func(w *window.Window) int {
		if w == nil {
			return 0
		}
		return w.ID
	})
	byID := func(id int) *window.Window {
		if id == 1 {
			return a // b is gone
		}
		return nil
	}
	back := Restore(sr, 100, 30, byID, a)
	if back == nil || back.Len() != 2 || back.Window(back.Regions()[0].ID) != a {
		t.Fatalf("restored: %+v", back)
	}
	if back.Focus() != back.Regions()[1].ID || back.Focused() != a {
		t.Fatalf("focus %d shows %v: the focused region that lost its window shows the fallback", back.Focus(), back.Focused())
	}
	if w, _ := back.Size(); w != 100 {
		t.Fatalf("not fitted: width %d", w)
	}
	if Restore(&handover.Regions{Layout: New(80, 24, a).String()}, 80, 24, byID, a) != nil {
		t.Fatal("one region restored as a split")
	}
}
