package statusline

import (
	"testing"
	"unicode/utf8"
)

// width counts every rune as a cell, but "W" as two (a wide character) and
// "#" as none (a style marker's stand-in).
func width(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case 'W':
			n += 2
		case '#':
		default:
			n++
		}
	}
	return n
}

func TestLayout(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cols  int
		build func(l *Line)
		want  string
	}{
		{"plain", 10, func(l *Line) { l.Text("abc") }, "abc"},
		{"cut at the edge", 5, func(l *Line) { l.Text("abcdefgh") }, "abcde"},
		{"fill", 10, func(l *Line) { l.Text("a"); l.Fill(); l.Text("b") }, "a        b"},
		{"two fills share", 11, func(l *Line) { l.Text("a"); l.Fill(); l.Text("b"); l.Fill(); l.Text("c") }, "a    b    c"},
		{"styles take no room", 6, func(l *Line) { l.Style("#"); l.Text("a"); l.Fill(); l.Style("#"); l.Text("b") }, "#a    #b"},
		{"pad to 50%", 10, func(l *Line) { l.Text("ab"); l.PadTo(l.Column(50, false, false, false), false); l.Text("c") }, "ab   c"},
		{"pad absolute", 10, func(l *Line) { l.Text("ab"); l.PadTo(l.Column(4, true, false, false), false); l.Text("c") }, "ab  c"},
		{"pad cuts back", 10, func(l *Line) { l.Text("abcdefg"); l.PadTo(l.Column(3, true, false, false), false); l.Text("x") }, "abcx"},
		{"pad keeps with L", 10, func(l *Line) { l.Text("abcdefg"); l.PadTo(l.Column(3, true, false, false), true); l.Text("x") }, "abcdefgx"},
		{"truncate, no mark", 6, func(l *Line) { l.Text("0123456789"); l.TruncateAt(l.Column(100, false, false, false)) }, "012345"},
		{"truncate keeps the mark in view", 6, func(l *Line) {
			l.Text("01234")
			l.Mark(50, false)
			l.Text("56789")
			l.TruncateAt(l.Column(100, false, false, false))
		}, "234567"},
		{"mark with dots", 10, func(l *Line) {
			l.Text("0123456789")
			l.Mark(50, true)
			l.Text("abcdefghij")
			l.TruncateAt(l.Column(100, false, false, false))
		}, "...89ab..."},
		{"mark at the start needs no left cut", 6, func(l *Line) {
			l.Mark(50, false)
			l.Text("0123456789")
			l.TruncateAt(l.Column(100, false, false, false))
		}, "012345"},
		{"mark near the end cuts the left", 6, func(l *Line) {
			l.Text("012345678")
			l.Mark(50, false)
			l.Text("9")
			l.TruncateAt(l.Column(100, false, false, false))
		}, "456789"},
		{"styles survive cuts", 4, func(l *Line) { l.Text("ab"); l.Style("#"); l.Text("cdef"); l.Style("#") }, "ab#cd#"},
		{"wide character cut in two", 3, func(l *Line) { l.Text("aWb") }, "aW"},
		{"wide character at the edge", 2, func(l *Line) { l.Text("aWb") }, "a "},
		{"truncation area starts at the pad", 10, func(l *Line) {
			l.Text("[x]")
			l.PadTo(l.Column(3, true, false, false), false)
			l.Text("0123")
			l.Mark(0, false)
			l.Text("456789abc")
			l.TruncateAt(l.Column(100, false, false, false))
		}, "[x]456789a"},
		{"relative to the last pad", 20, func(l *Line) {
			l.Text("ab")
			l.PadTo(l.Column(10, true, false, false), false)
			l.Text("cd")
			l.PadTo(l.Column(50, false, false, true), false)
			l.Text("x")
		}, "ab        cd   x"},
		{"from the right", 10, func(l *Line) { l.Text("a"); l.PadTo(l.Column(2, false, true, false), false); l.Text("zz") }, "a       zz"},
		{"cut conditional", 10, func(l *Line) {
			l.Text("a")
			n := l.Len()
			l.Text("b")
			l.Fill()
			l.CutTo(n)
			l.Text("c")
		}, "ac"},
	} {
		l := New(tc.cols, width)
		tc.build(l)
		if got := l.String(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// Whatever is asked, the line never ends wider than the terminal.
func FuzzLayout(f *testing.F) {
	f.Add("ab%cd", 5)
	f.Fuzz(func(t *testing.T, ops string, cols int) {
		if cols < 0 || cols > 300 || !utf8.ValidString(ops) {
			return
		}
		l := New(cols, width)
		for i, r := range ops {
			switch r {
			case '=':
				l.Fill()
			case '<':
				l.TruncateAt(l.Column(i*7%101, false, false, false))
			case '>':
				l.Mark(i*13%101, i%2 == 0)
			case '|':
				l.PadTo(l.Column(i%(cols+1), true, false, false), i%3 == 0)
			case '?':
				l.CutTo(i % (l.Len() + 1))
			case '#':
				l.Style("#")
			default:
				l.Text(string(r))
			}
		}
		if got := width(l.String()); got > cols {
			t.Fatalf("%q at %d: width %d", ops, cols, got)
		}
	})
}
