package vt

import (
	"os"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// emojiCorpus is every Unicode 15.0 emoji sequence (testdata).
func emojiCorpus(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/emoji-15.0.txt")
	if err != nil {
		t.Fatal(err)
	}
	var seqs []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			seqs = append(seqs, l)
		}
	}
	return seqs
}

// Every emoji sequence is one cell of the width the renderer draws it with
// (uniseg's, which tcell uses), and the cursor moves past exactly that many
// columns, at the start of a line and after other text.
func TestEmojiSequencesAreOneCell(t *testing.T) {
	seqs := emojiCorpus(t)
	if len(seqs) < 4700 {
		t.Fatalf("the corpus has %d sequences", len(seqs))
	}
	for _, seq := range seqs {
		_, _, want, _ := uniseg.FirstGraphemeClusterInString(seq, -1)
		if want == 0 {
			// A skin tone alone: zero columns for uniseg and tcell alike,
			// so it attaches to the character before it, as a combining
			// mark does (TestLoneSkinTone).
			continue
		}
		for _, prefix := range []string{"", "ab", "\u00e9"} {
			s := New(20, 2, 0)
			s.Write([]byte(prefix + seq + "|"))
			x0 := len([]rune(prefix))
			c := s.Cell(x0, 0)
			if got := s.Text(c); got != seq {
				t.Errorf("%q after %q: the cell holds %q (%U)", seq, prefix, got, []rune(got))
				continue
			}
			if s.Width(c) != want {
				t.Errorf("%q: width %d, the renderer's %d", seq, s.Width(c), want)
			}
			if got := s.Text(s.Cell(x0+want, 0)); got != "|" {
				t.Errorf("%q after %q: %q follows it, want |", seq, prefix, got)
			}
		}
	}
}

// The line, as tmux and screen draw it: four cells of two columns.
func TestEmojiLine(t *testing.T) {
	s := New(20, 1, 0)
	s.Write([]byte("😀👍🏽🇫🇷👨\u200d👩\u200d👧|"))
	want := []string{"😀", "", "👍🏽", "", "🇫🇷", "", "👨\u200d👩\u200d👧", "", "|"}
	for x, w := range want {
		if got := s.Text(s.Cell(x, 0)); got != w {
			t.Errorf("column %d: %q, want %q", x, got, w)
		}
	}
}

// A cluster that would widen at the right edge, where there is no room,
// keeps its width: the joining character is dropped, never drawn wider than
// the cell.
func TestClusterAtTheEdge(t *testing.T) {
	s := New(3, 2, 0)
	s.Write([]byte("ab\u2764\ufe0f"))
	c := s.Cell(2, 0)
	if s.Text(c) != "\u2764" || s.Width(c) != 1 {
		t.Errorf("at the edge: %q width %d", s.Text(c), s.Width(c))
	}
}

// A skin tone with no emoji before it takes no columns (as uniseg and tcell
// measure it) and attaches to the character before it.
func TestLoneSkinTone(t *testing.T) {
	s := New(10, 1, 0)
	s.Write([]byte("a\U0001F3FD|"))
	if got := s.Text(s.Cell(0, 0)); got != "a\U0001F3FD" || s.Width(s.Cell(0, 0)) != 1 {
		t.Errorf("cell 0: %q width %d", got, s.Width(s.Cell(0, 0)))
	}
	if got := s.Text(s.Cell(1, 0)); got != "|" {
		t.Errorf("cell 1: %q", got)
	}
}
