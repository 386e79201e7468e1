package render

import (
	"strings"
	"testing"

	"github.com/gmux/gmux/server/vt"
)

const linkedText = "a\x1b]8;id=n1;http://x/1\x1b\\link\x1b[1mbold\x1b[m\x1b]8;;\x1b\\ b"

// linkLeftOpen reports whether out ends with a hyperlink open.
func linkLeftOpen(out string) bool {
	i := strings.LastIndex(out, "\x1b]8;")
	return i >= 0 && !strings.HasPrefix(out[i:], closeLink)
}

func TestCellWriterSendsHyperlinks(t *testing.T) {
	out := drawOnce(t, "", linkedText)
	if !strings.Contains(out, "a\x1b]8;id=n1;http://x/1\x1b\\link") || !strings.Contains(out, "bold") {
		t.Fatalf("link not sent: %q", out)
	}
	if strings.Count(out, "http://x/1") != 1 {
		t.Errorf("one link sent as several (the SGR change inside it): %q", out)
	}
	if i := strings.Index(out, "bold"); !strings.HasPrefix(out[i+4:], "\x1b[0m"+closeLink) && !strings.Contains(out[i:], closeLink+" b") {
		t.Errorf("link not ended where the program ended it: %q", out[i:])
	}
	if linkLeftOpen(out) {
		t.Errorf("frame ends inside a link: %q", out)
	}
}

func TestNoHyperlinksForTheLinuxConsole(t *testing.T) {
	r, err := New("linux", "", "C.UTF-8", 20, 4)
	if err != nil {
		t.Fatal(err)
	}
	sc := vt.New(20, 4, 0)
	sc.Write([]byte(linkedText))
	if out := string(r.Draw(Frame{Screen: sc})); strings.Contains(out, "]8;") || !strings.Contains(out, "link") {
		t.Fatalf("the Linux console was sent %q", out)
	}
}

// What tcell draws of a window (here: one larger than the display, panned)
// carries its links too, and tcell's frame does not end inside one.
func TestTcellDrawsHyperlinksAndClosesThem(t *testing.T) {
	r, err := New("xterm-256color", "", "C.UTF-8", 20, 4)
	if err != nil {
		t.Fatal(err)
	}
	sc := vt.New(30, 6, 0)
	sc.Write([]byte("\x1b[6;1H" + linkedText))
	out := string(r.Draw(Frame{Screen: sc}))
	if !strings.Contains(out, "http://x/1") {
		t.Fatalf("link not drawn: %q", out)
	}
	if linkLeftOpen(out) {
		t.Fatalf("frame ends inside a link: %q", out)
	}
	// A frame that draws only a linked cell: tcell's last cell is a link.
	sc.Write([]byte("\x1b[6;3H\x1b]8;id=n1;http://x/1\x1b\\X\x1b]8;;\x1b\\"))
	out = string(r.Draw(Frame{Screen: sc}))
	if !strings.Contains(out, "http://x/1") || linkLeftOpen(out) {
		t.Fatalf("a frame of one linked cell: %q", out)
	}
}
