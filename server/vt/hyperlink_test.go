package vt

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

func linkOSC(id, uri string) string { return "\x1b]8;id=" + id + ";" + uri + "\x1b\\" }

const endLink = "\x1b]8;;\x1b\\"

// linkAt is the link of cell x of cells, "" for none.
func linkAt(s *Screen, cells []Cell, x int) string {
	h, ok := s.Hyperlink(cells[x].S.Link)
	if !ok {
		return ""
	}
	return h.ID + " " + h.URI
}

func TestHyperlinkMarksTheCellsWritten(t *testing.T) {
	s := New(40, 5, 10)
	s.Write([]byte("a\x1b]8;;https://example.com/x\x1b\\link\x1b]8;;\ab " +
		linkOSC("n1", "file://h/tmp/f;1") + "\x1b[1;31mf\x1b[0mg" + endLink + "h"))
	row := s.Row(0)
	if got := screenText(s); got != "alinkb fgh" {
		t.Fatalf("text %q", got)
	}
	want := map[int]string{0: "", 1: " https://example.com/x", 4: " https://example.com/x", 5: "", 7: "n1 file://h/tmp/f;1", 8: "n1 file://h/tmp/f;1", 9: ""}
	for x, w := range want {
		if got := linkAt(s, row, x); got != w {
			t.Errorf("cell %d: link %q, want %q", x, got, w)
		}
	}
	if row[7].S.Attr&Bold == 0 || row[8].S.Attr != 0 {
		t.Error("SGR and the link are not independent")
	}
	// Equal links share an entry; an id makes another link.
	s.Write([]byte("\r\n" + linkOSC("n1", "file://h/tmp/f;1") + "x" + linkOSC("n2", "file://h/tmp/f;1") + "y" + endLink))
	if r := s.Row(1); r[0].S.Link != row[7].S.Link || r[1].S.Link == row[7].S.Link || r[1].S.Link == 0 {
		t.Errorf("links %d %d, the first line's %d", r[0].S.Link, r[1].S.Link, row[7].S.Link)
	}
}

func TestHyperlinkErasedAndRefused(t *testing.T) {
	s := New(20, 5, 10)
	s.Write([]byte(linkOSC("", "http://a/") + "abc\x1b[2D\x1b[K"))
	if r := s.Row(0); r[0].S.Link == 0 || r[1].S != (Style{}) || r[2].S != (Style{}) {
		t.Fatalf("erased cells keep the link: %+v", r[:3])
	}
	// The pen still writes the link after an erase.
	s.Write([]byte("d" + endLink))
	if linkAt(s, s.Row(0), 1) != " http://a/" {
		t.Fatal("link lost after an erase")
	}
	for _, bad := range []string{
		"\x1b]8;;http://a/\u00e9\x1b\\",                            // not ASCII
		"\x1b]8;;http://a/" + strings.Repeat("x", 2100) + "\x1b\\", // too long
		"\x1b]8;id=" + strings.Repeat("i", 300) + ";http://a/\x1b\\",
		"\x1b]8;http://a/\x1b\\", // no params field
	} {
		s.Write([]byte("\x1b[H\x1b[2J" + bad + "t" + endLink))
		if s.Row(0)[0].S.Link != 0 || screenText(s) != "t" {
			t.Errorf("%q: link %d, text %q", bad, s.Row(0)[0].S.Link, screenText(s))
		}
	}
}

func TestHyperlinkKeptInHistoryReflowAndSnapshot(t *testing.T) {
	s := New(20, 3, 100)
	s.Write([]byte("one " + linkOSC("a", "http://one/") + "linked" + endLink + " text\r\n"))
	for i := range 5 {
		fmt.Fprintf(s, "filler %d\r\n", i)
	}
	h := s.History()
	if h.Len() < 4 {
		t.Fatalf("history %d lines", h.Len())
	}
	check := func(s *Screen, cells []Cell, x int) {
		t.Helper()
		if got := linkAt(s, cells, x); got != "a http://one/" {
			t.Fatalf("cell %d of %q: link %q", x, cellsText(s, cells), got)
		}
		if got := linkAt(s, cells, max(x-1, 0)); x > 0 && got != "" {
			t.Fatalf("cell %d: link %q", x-1, got)
		}
	}
	check(s, h.Cells(s, 0, 20), 4)

	r := restored(t, s)
	check(r, r.History().Cells(r, 0, 20), 4)
	// The restored table is the one the screen goes on with.
	r.Write([]byte(linkOSC("a", "http://one/") + "again" + endLink))
	_, y := r.Cursor()
	check(r, r.Row(y), 0)

	// Narrower: the line rewraps ("one " and 6 of "linked" on a 10-column row).
	r.Resize(10, 3)
	var line []Cell
	for i := range r.History().Len() {
		if c := r.History().Cells(r, i, 10); strings.HasPrefix(cellsText(r, c), "one") {
			line = c
			break
		}
	}
	if line == nil {
		t.Fatal("the linked line is gone after the resize")
	}
	check(r, line, 4)
	r.collectLinks() // the rewrapped history still holds it
	check(r, line, 4)
}

// bigLink is a link of ~2 KB: maxLinkBytes holds about 500 of them.
func bigLink(i int) string {
	return fmt.Sprintf("http://h/%d/%s", i, strings.Repeat("p", 2000))
}

func TestHyperlinkTableGivesBackWhatNothingHolds(t *testing.T) {
	s := New(20, 3, 10) // 10 lines of history: old links leave with them
	n := 3 * maxLinkBytes / 2000
	for i := range n {
		s.Write([]byte(linkOSC("", bigLink(i)) + "x" + endLink + "\r\n"))
	}
	if s.links.bytes > maxLinkBytes {
		t.Fatalf("table holds %d bytes", s.links.bytes)
	}
	// Every line still here links where it was written to link.
	h := s.History()
	for i := range h.Len() {
		want := n - h.Len() - 2 + i // the screen's last two rows come after
		c := h.Cells(s, i, 20)
		if got := linkAt(s, c, 0); got != " "+bigLink(want) {
			t.Fatalf("history line %d of %d links to %.20q, want %.20q", i, h.Len(), got, bigLink(want))
		}
	}
	if got := linkAt(s, s.Row(1), 0); got != " "+bigLink(n-1) {
		t.Fatalf("the newest line links to %.20q", got)
	}
}

func TestHyperlinkTableFullOfHeldLinksWritesPlainText(t *testing.T) {
	s := New(20, 3, 10000)
	n := maxLinkBytes/2000 + 50
	for i := range n {
		s.Write([]byte(linkOSC("", bigLink(i)) + "x" + endLink + "\r\n"))
	}
	h := s.History()
	kept := 0
	for i := range h.Len() {
		c := h.Cells(s, i, 20)
		switch got := linkAt(s, c, 0); got {
		case "":
		case " " + bigLink(i):
			kept++
		default:
			t.Fatalf("line %d links to %.20q", i, got)
		}
	}
	if kept < maxLinkBytes/2100 || kept >= n {
		t.Fatalf("%d of %d links kept", kept, n)
	}
	// Once the history lets them go, links are taken again (after the
	// retry pause).
	s.Write([]byte("\x1b[3J"))
	for range linkRetry + 1 {
		s.Write([]byte(linkOSC("", "http://short/") + endLink))
	}
	s.Write([]byte(linkOSC("", "http://new/") + "y" + endLink))
	if _, y := s.Cursor(); linkAt(s, s.Row(y), 0) != " http://new/" {
		t.Fatalf("no link after the history was cleared: %q", linkAt(s, s.Row(y), 0))
	}
}

func TestCellStaysSixteenBytes(t *testing.T) {
	if n := unsafe.Sizeof(Cell{}); n != 16 {
		t.Fatalf("a Cell is %d bytes", n)
	}
}

func TestSnapshotVersionOneStillReads(t *testing.T) {
	s := New(10, 2, 10)
	s.Write([]byte("old\r\nstate\r\nhere"))
	data, _ := s.MarshalBinary()
	// Version 1 is version 2 without the link table and count at the end.
	var e snapEncoder
	e.links(&s.links, s.hist.added)
	old := append([]byte(nil), data[:len(data)-len(e.b)]...)
	old[len(snapshotMagic)] = 1
	r, err := Restore(old)
	if err != nil {
		t.Fatal(err)
	}
	if screenText(r) != screenText(s) || r.History().Len() != 1 || r.hist.added != 1 {
		t.Fatalf("%q, %d lines", screenText(r), r.History().Len())
	}
}

// Copy mode reads a snapshot while the window runs on: a link given back
// and reused meanwhile still reads as it was in the snapshot.
func TestSnapshotKeepsItsLinks(t *testing.T) {
	s := New(20, 3, 10)
	s.Write([]byte(linkOSC("a", "http://kept/") + "kept" + endLink + "\r\n"))
	doc := s.Snapshot()
	for i := range 3 * maxLinkBytes / 2000 {
		s.Write([]byte(linkOSC("", bigLink(i)) + "x" + endLink + "\r\n"))
	}
	c := doc.Cells(0, 20)
	if h, ok := doc.Hyperlink(c[0].S.Link); !ok || h.URI != "http://kept/" || h.ID != "a" {
		t.Fatalf("the snapshot's link reads %+v %v", h, ok)
	}
	if h, ok := s.Hyperlink(c[0].S.Link); ok && h.URI == "http://kept/" {
		t.Fatal("the entry was not reused: the test shows nothing")
	}
}
