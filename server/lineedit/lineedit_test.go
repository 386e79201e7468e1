package lineedit

import (
	"slices"
	"strings"
	"testing"
)

// typed feeds keys to a new line and returns it, failing on an early end.
func typed(t *testing.T, h *History, keys ...string) *Line {
	t.Helper()
	l := New("", h)
	for _, k := range keys {
		if rest, res := l.Feed([]byte(k)); res != Editing || len(rest) > 0 {
			t.Fatalf("after %q: result %d, rest %q", k, res, rest)
		}
	}
	return l
}

func TestEditingKeys(t *testing.T) {
	for _, c := range []struct {
		name string
		keys []string
		text string
		pos  int
	}{
		{"typing", []string{"select 3"}, "select 3", 8},
		{"backspace", []string{"selectt", "\x7f"}, "select", 6},
		{"C-h", []string{"ab", "\x08"}, "a", 1},
		{"insert in the middle", []string{"slect", "\x01", "\x06", "e"}, "select", 2},
		{"arrows", []string{"ac", "\x1b[D", "b", "\x1b[C", "d"}, "abcd", 4},
		{"SS3 arrows", []string{"ac", "\x1bOD", "b"}, "abc", 2},
		{"C-a, C-e", []string{"bc", "\x01", "a", "\x05", "d"}, "abcd", 4},
		{"Home, End", []string{"bc", "\x1b[H", "a", "\x1b[F", "d", "\x1b[1~", "_"}, "_abcd", 1},
		{"C-b stops at the start", []string{"a", "\x02\x02\x02", "b"}, "ba", 1},
		{"C-f stops at the end", []string{"a", "\x06\x06", "b"}, "ab", 2},
		{"C-d deletes under the cursor", []string{"abc", "\x01", "\x04"}, "bc", 0},
		{"Delete", []string{"abc", "\x02", "\x1b[3~"}, "ab", 2},
		{"C-d at the end does nothing", []string{"abc", "\x04"}, "abc", 3},
		{"C-k", []string{"abcdef", "\x02\x02\x02", "\x0b"}, "abc", 3},
		{"C-u clears the line", []string{"abc", "\x02", "\x15"}, "", 0},
		{"C-w the word before", []string{"split -v  ", "\x17"}, "split ", 6},
		{"C-w in the middle", []string{"one two three", "\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D", "\x17"}, "one  three", 4},
		{"wide and accented", []string{"日本", "\x02", "é"}, "日é本", 2},
		{"function keys do nothing", []string{"a", "\x1b[15~", "\x1bOP"}, "a", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := typed(t, nil, c.keys...)
			if l.Text() != c.text || l.Cursor() != c.pos {
				t.Errorf("line %q cursor %d, want %q cursor %d", l.Text(), l.Cursor(), c.text, c.pos)
			}
		})
	}
}

func TestEndings(t *testing.T) {
	for _, c := range []struct {
		keys string
		res  Result
		rest string
	}{
		{"abc\rnext", Accepted, "next"},
		{"abc\n", Accepted, ""},
		{"abc\x1b", Aborted, ""},
		{"abc\x07x", Aborted, "x"},
		{"abc\x03", Aborted, ""},
		{"ab\tc", Complete, "c"},
	} {
		l := New("", nil)
		rest, res := l.Feed([]byte(c.keys))
		if res != c.res || string(rest) != c.rest {
			t.Errorf("%q: result %d rest %q, want %d rest %q", c.keys, res, rest, c.res, c.rest)
		}
	}
}

func TestPasteInsertsWithoutEnding(t *testing.T) {
	l := typed(t, nil, "ab", "\x02")
	l.Insert("one\r\ntwo\x1b[A\tthree")
	if got := l.Text(); got != "aonetwo[Athreeb" || l.Cursor() != 14 {
		t.Errorf("line %q cursor %d", got, l.Cursor())
	}
}

func TestLengthIsBounded(t *testing.T) {
	l := New("", nil)
	l.Insert(strings.Repeat("x", 3*MaxLength))
	l.Feed([]byte("yyy"))
	if n := len(l.Text()); n != MaxLength {
		t.Errorf("line holds %d runes, want %d", n, MaxLength)
	}
}

func TestHistory(t *testing.T) {
	h := NewHistory(3)
	for _, line := range []string{"one", "two", "one", "three", "four"} {
		l := New("", h)
		if _, res := l.Feed([]byte(line + "\r")); res != Accepted {
			t.Fatalf("%q not accepted", line)
		}
	}
	// "one" moved to the newest end when entered again, then fell off.
	if got := h.Entries(); !slices.Equal(got, []string{"one", "three", "four"}) {
		t.Fatalf("history %q", got)
	}
	l := typed(t, h, "half")
	steps := []struct {
		key, want string
	}{
		{"\x1b[A", "four"}, {"\x10", "three"}, {"\x1b[A", "one"}, {"\x1b[A", "one"},
		{"\x1b[B", "three"}, {"\x0e", "four"}, {"\x0e", "half"}, {"\x0e", "half"},
	}
	for _, s := range steps {
		l.Feed([]byte(s.key))
		if l.Text() != s.want || l.Cursor() != len([]rune(s.want)) {
			t.Fatalf("after %q: %q cursor %d, want %q at its end", s.key, l.Text(), l.Cursor(), s.want)
		}
	}
	// An entry shown and edited is a new line; the history keeps the old.
	l.Feed([]byte("\x1b[A!\r"))
	if got := h.Entries(); !slices.Equal(got, []string{"three", "four", "four!"}) {
		t.Errorf("history %q", got)
	}
	// No history: the keys do nothing.
	n := typed(t, nil, "x", "\x1b[A", "\x10", "\x12")
	if n.Text() != "x" {
		t.Errorf("without a history: %q", n.Text())
	}
}

func TestSearchBack(t *testing.T) {
	h := NewHistory(10)
	for _, e := range []string{"split -v", "select 2", "split", "title x"} {
		h.Add(e)
	}
	l := typed(t, h, "pl", "\x12")
	if l.Text() != "split" || l.Cursor() != 1 {
		t.Fatalf("first C-r: %q cursor %d", l.Text(), l.Cursor())
	}
	l.Feed([]byte("\x12"))
	if l.Text() != "split -v" || l.Cursor() != 1 {
		t.Fatalf("second C-r: %q cursor %d", l.Text(), l.Cursor())
	}
	l.Feed([]byte("\x12")) // none older: stays
	if l.Text() != "split -v" {
		t.Fatalf("third C-r: %q", l.Text())
	}
	l.Feed([]byte("\x0e\x0e\x0e\x0e")) // back down to what was typed
	if l.Text() != "pl" {
		t.Errorf("after C-n: %q", l.Text())
	}
	if e := typed(t, h, "nothing like it", "\x12"); e.Text() != "nothing like it" {
		t.Errorf("no match changed the line to %q", e.Text())
	}
}

func TestComplete(t *testing.T) {
	names := []string{"scrollback", "select", "sessionname", "setenv", "split", "title"}
	l := typed(t, nil, "ti")
	if several := l.Complete(names); several != nil || l.Text() != "title " {
		t.Errorf("one match: %q, several %q", l.Text(), several)
	}
	l = typed(t, nil, "se")
	several := l.Complete(names)
	if !slices.Equal(several, []string{"select", "sessionname", "setenv"}) || l.Text() != "se" {
		t.Errorf("several: %q, line %q", several, l.Text())
	}
	l = typed(t, nil, "ses")
	if l.Complete(names); l.Text() != "sessionname " {
		t.Errorf("unique prefix: %q", l.Text())
	}
	l = typed(t, nil, "sc", "\x01", "x")
	if several := l.Complete(names); several != nil || l.Text() != "xsc" {
		t.Errorf("no match: %q, several %q", l.Text(), several)
	}
	l = typed(t, nil, "split -", "\x01", "\x06\x06")
	if w, i := l.Word(); w != "sp" || i != 0 {
		t.Errorf("word %q index %d", w, i)
	}
	l = typed(t, nil, "layout  sel")
	if w, i := l.Word(); w != "sel" || i != 1 {
		t.Errorf("word %q index %d", w, i)
	}
	// Extending as far as the candidates agree.
	l = typed(t, nil, "de")
	l.Complete([]string{"defhstatus", "defflow", "deflog"})
	if l.Text() != "def" {
		t.Errorf("common prefix: %q", l.Text())
	}
}

func TestView(t *testing.T) {
	l := typed(t, nil, "0123456789")
	if text, cur := l.View(1, 20); text != "0123456789" || cur != 10 {
		t.Errorf("fits: %q %d", text, cur)
	}
	// 1 column of label, 8 for the line: the cursor's cell is the 8th.
	if text, cur := l.View(1, 9); text != "3456789" || cur != 7 {
		t.Errorf("scrolled: %q %d", text, cur)
	}
	l.Feed([]byte("\x01"))
	if text, cur := l.View(1, 9); text != "0123456789" || cur != 0 {
		t.Errorf("at the start: %q %d", text, cur)
	}
	w := typed(t, nil, "日本語")
	if text, cur := w.View(0, 5); text != "本語" || cur != 4 {
		t.Errorf("wide: %q %d", text, cur)
	}
}

// FuzzLine feeds anything to a line: the cursor stays on the line, the line
// within its bound and free of control characters, whatever arrives.
func FuzzLine(f *testing.F) {
	f.Add([]byte("split -v\x1b[D\x17\x12\x10\x0e\tx\r"), "paste\n")
	f.Add([]byte("\x1b[3~\x04\x0b\x15\x01\x05\x02\x06日本\x1bO"), "")
	f.Fuzz(func(t *testing.T, keys []byte, paste string) {
		h := NewHistory(4)
		h.Add("older entry")
		l := New("start", h)
		for len(keys) > 0 {
			var res Result
			keys, res = l.Feed(keys)
			if res == Complete {
				l.Complete([]string{"select", "split", "start"})
			}
			l.Insert(paste)
			text := []rune(l.Text())
			if l.Cursor() < 0 || l.Cursor() > len(text) || len(text) > MaxLength {
				t.Fatalf("cursor %d on a line of %d runes", l.Cursor(), len(text))
			}
			for _, r := range text {
				if r < 0x20 || r == 0x7f {
					t.Fatalf("control character %q on the line %q", r, l.Text())
				}
			}
			if _, cur := l.View(2, 10); cur < 0 || cur > 8 {
				t.Fatalf("view's cursor at %d", cur)
			}
		}
	})
}
