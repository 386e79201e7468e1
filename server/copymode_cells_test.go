package server

import (
	"testing"

	"github.com/gmux/gmux/server/vt"
)

// Copy mode counts columns in cells: a search lands on the match's column
// after wide characters and emoji clusters, not its rune count.
func TestCopyModeColumnsAreCells(t *testing.T) {
	sc := vt.New(40, 3, 0)
	sc.Write([]byte("中文 👍🏽🇫🇷 target"))
	m := newCopyMode(sc.Snapshot(), 40, 3, 0, 0)
	m.cy, m.cx = 0, 0
	if !m.find("target", false) {
		t.Fatal("not found")
	}
	if m.cx != 10 { // 中 文 are 2 each, a space, 👍🏽 and 🇫🇷 2 each, a space
		t.Errorf("cursor at column %d, want 10", m.cx)
	}
	if c := sc.Text(sc.Cell(m.cx, 0)); c != "t" {
		t.Errorf("the cell there holds %q", c)
	}
}
