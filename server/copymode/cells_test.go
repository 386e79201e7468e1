package copymode

import (
	"testing"

	"github.com/gmux/gmux/server/vt"
)

// Copy mode counts columns in cells: a search lands on the match's column
// after wide characters and emoji clusters, not its rune count.
func TestCopyModeColumnsAreCells(t *testing.T) {
	sc := vt.New(40, 3, 0)
	sc.Write([]byte("中文 👍🏽🇫🇷 target"))
	m := New(sc.Snapshot(), 40, 3, 0, 0)
	m.CY, m.CX = 0, 0
	if !m.Find("target", false) {
		t.Fatal("not found")
	}
	if m.CX != 10 { // 中 文 are 2 each, a space, 👍🏽 and 🇫🇷 2 each, a space
		t.Errorf("cursor at column %d, want 10", m.CX)
	}
	if c := sc.Text(sc.Cell(m.CX, 0)); c != "t" {
		t.Errorf("the cell there holds %q", c)
	}
}
