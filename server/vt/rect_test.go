package vt

import (
	"strings"
	"testing"
)

func lines(s *Screen) string {
	var b []string
	_, rows := s.Size()
	for y := range rows {
		b = append(b, strings.TrimRight(s.LineText(y), " "))
	}
	return strings.Join(b, "|")
}

func TestRectangles(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"DECFRA", "\x1b[88;2;2;3;4$x", "|.XXX.....|.XXX.....|"},
		{"DECFRA clipped", "\x1b[35;3;4;9;9$x", "||...######|...######"},
		{"DECERA", "abcdef\r\nghijkl\x1b[1;2;2;3$z", "a  def|g  jkl||"},
		{"DECCRA", "abcdef\r\nghijkl\x1b[1;1;2;3;1;3;2;1$v", "abcdef|ghijkl|.abc|.ghi"},
		{"DECCRA overlapping", "abcdef\x1b[1;1;1;4;1;1;3;1$v", "ababcd|||"},
		{"DECSED spares protected", "ab\x1b[1\"qCD\x1b[0\"qef\x1b[?2J", "  CD|||"},
		{"DECSEL", "\x1b[1\"qAB\x1b[0\"qcd\x1b[?2K", "AB|||"},
		{"ED ignores protection", "\x1b[1\"qAB\x1b[0\"q\x1b[2J", "|||"},
		{"DECSERA", "\x1b[1\"qAB\x1b[0\"qcd\x1b[1;1;1;9${", "AB|||"},
	} {
		s := New(9, 4, 0)
		// Dots mark where the fill must not reach (full rows of them are
		// left out of the comparison).
		if tc.name == "DECFRA" || tc.name == "DECCRA" || tc.name == "DECFRA clipped" {
			s.Write([]byte("\x1b[46;1;1;4;9$x\x1b[H"))
			if tc.name == "DECCRA" {
				s.Write([]byte("\x1b[32;1;1;4;9$x\x1b[H\x1b[46;3;1;4;1$x\x1b[H"))
			}
		}
		s.Write([]byte(tc.in))
		got := lines(s)
		if tc.name == "DECFRA" || tc.name == "DECFRA clipped" {
			got = strings.ReplaceAll(got, ".........", "")
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// DECCARA sets attributes in the stream between the corners, or in the
// rectangle after DECSACE 2; DECRARA reverses them.
func TestChangeAttributes(t *testing.T) {
	s := New(6, 3, 0)
	s.Write([]byte("aaaaaa\r\nbbbbbb\r\ncccccc\x1b[1;5;2;2;1$r"))
	if s.Cell(4, 0).S.Attr&Bold == 0 || s.Cell(5, 0).S.Attr&Bold == 0 || s.Cell(0, 1).S.Attr&Bold == 0 || s.Cell(2, 1).S.Attr&Bold != 0 {
		t.Errorf("stream: not the cells from (1,5) to (2,2)")
	}
	s.Write([]byte("\x1b[2*x\x1b[1;1;3;2;7$r"))
	if s.Cell(1, 2).S.Attr&Reverse == 0 || s.Cell(2, 0).S.Attr&Reverse != 0 {
		t.Errorf("rectangle: reverse not in columns 1-2 of rows 1-3")
	}
	s.Write([]byte("\x1b[1;1;1;1;7$t"))
	if s.Cell(0, 0).S.Attr&Reverse != 0 {
		t.Errorf("DECRARA did not turn reverse off again")
	}
}

// DECRQCRA: the negated sum of the codes, an empty cell a space.
func TestChecksumRect(t *testing.T) {
	s := New(10, 3, 0)
	s.Write([]byte("AB\x1b[7;0;1;1;1;2*y\x1b[8;0;2;1;2;1*y"))
	want := "\x1bP7!~FF7D\x1b\\" + "\x1bP8!~FFE0\x1b\\" // -(65+66) and -(32)
	if got := string(s.TakeReplies()); got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
