package render

import (
	"os"
	"strings"
	"testing"

	"github.com/gmux/gmux/server/vt"
)

// What the renderer sends for a screen of emoji sequences, fed to a second
// emulator as the outer terminal, gives back the same cells: the emulator
// and the renderer agree on every Unicode 15.0 sequence's width.
func TestEmojiRenderAgrees(t *testing.T) {
	b, err := os.ReadFile("../vt/testdata/emoji-15.0.txt")
	if err != nil {
		t.Fatal(err)
	}
	var seqs []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			seqs = append(seqs, l)
		}
	}
	const cols, rows, perRow = 80, 24, 10
	for page := 0; page*rows*perRow < len(seqs); page++ {
		inner := vt.New(cols, rows, 0)
		for y := range rows {
			from := (page*rows + y) * perRow
			if from >= len(seqs) {
				break
			}
			line := seqs[from:min(from+perRow, len(seqs))]
			inner.Write([]byte("\x1b[" + itoa(y+1) + ";1H|" + strings.Join(line, "|") + "|"))
		}
		r, err := New("xterm-256color", "", "C.UTF-8", cols, rows)
		if err != nil {
			t.Fatal(err)
		}
		outer := vt.New(cols, rows, 0)
		outer.Write(r.Draw(Frame{Screen: inner}))
		for y := range rows {
			if got, want := strings.TrimRight(outer.LineText(y), " "), strings.TrimRight(inner.LineText(y), " "); got != want {
				t.Errorf("page %d row %d drawn as\n%q, the window has\n%q", page, y, got, want)
			}
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
