package render

import "testing"

// A spare is taken by an attach from a terminal like the one it was made
// for, as it is; any other attach gets a renderer of its own, and the spare
// goes, so at most one is kept.
func TestSpareTakenOnlyForItsTerminal(t *testing.T) {
	key := Key{Term: "xterm-256color", ColorTerm: "truecolor", Locale: "C.UTF-8", Cols: 80, Rows: 24}
	var sp Spare
	sp.Make(key)
	made := sp.r
	if made == nil {
		t.Fatal("no spare made")
	}
	sp.Make(key) // for the same: kept
	if sp.r != made {
		t.Fatal("a spare for the same terminal was made again")
	}
	r, err := sp.Take(key)
	if err != nil || r != made || sp.r != nil {
		t.Fatalf("the spare was not taken: %v, same %v, left %v", err, r == made, sp.r != nil)
	}
	r.Close()

	sp.Make(key)
	other := key
	other.Cols = 100
	r, err = sp.Take(other)
	if err != nil || r == made || sp.r != nil {
		t.Fatalf("another terminal's attach: %v; took the spare %v; spare left %v", err, r == made, sp.r != nil)
	}
	if cols, _ := r.Size(); cols != 100 {
		t.Errorf("made for %d columns, not 100", cols)
	}
	r.Close()
}
