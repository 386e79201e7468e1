package vt

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

func feed(cols, rows int, in string) *Screen {
	s := New(cols, rows, 100)
	s.Write([]byte(in))
	return s
}

func screenText(s *Screen) string { return strings.TrimRight(s.String(), "\n") }

func TestScreenText(t *testing.T) {
	tests := []struct {
		name, in, want string
		x, y           int
	}{
		{"plain", "hello", "hello", 5, 0},
		{"crlf", "a\r\nb", "a\nb", 1, 1},
		{"autowrap pending", "abcdefghij", "abcdefghij", 9, 0},
		{"autowrap wraps", "abcdefghijk", "abcdefghij\nk", 1, 1},
		{"scroll", "1\r\n2\r\n3\r\n4", "2\n3\n4", 1, 2},
		{"cup", "\x1b[2;3Hx", "\n  x", 3, 1},
		{"erase line", "abcdef\x1b[3D\x1b[K", "abc", 3, 0},
		{"erase line left", "abcdef\x1b[3D\x1b[1K", "    ef", 3, 0},
		{"ed 2", "abc\x1b[2J", "", 3, 0},
		{"ich", "abcdef\x1b[1G\x1b[2@", "  abcdef", 0, 0},
		{"dch", "abcdef\x1b[1G\x1b[2P", "cdef", 0, 0},
		{"ech", "abcdef\x1b[1G\x1b[2X", "  cdef", 0, 0},
		{"il", "1\r\n2\r\n3\x1b[2;1H\x1b[L", "1\n\n2", 0, 1},
		{"dl", "1\r\n2\r\n3\x1b[1;1H\x1b[M", "2\n3", 0, 0},
		{"tab", "a\tb", "a       b", 9, 0},
		{"cbt", "\x1b[20G\x1b[Zx", "        x", 9, 0},
		{"wide", "中文", "中文", 4, 0},
		{"wide at last column wraps", "123456789中", "123456789\n中", 2, 1},
		{"combining", "e\u0301x", "e\u0301x", 2, 0},
		{"overwrite wide half", "中\x1b[1Gx", "x", 1, 0},
		{"dec graphics", "\x1b(0lqk\x1b(B", "┌─┐", 3, 0},
		{"invalid utf8", "a\xffb", "a\ufffdb", 3, 0},
		{"decsc decrc", "ab\x1b7\x1b[3;3Hx\x1b8c", "abc\n\n  x", 3, 0},
		{"scroll region", "\x1b[1;2r\x1b[1;1H1\r\n2\r\n3\x1b[3;1Hz", "2\n3\nz", 1, 2},
		{"ri at top", "a\x1bMb", " b\na", 2, 0},
		{"rep", "x\x1b[3b", "xxxx", 4, 0},
		{"decaln", "\x1b#8", "EEEEEEEEEE\nEEEEEEEEEE\nEEEEEEEEEE", 0, 0},
		{"irm", "abc\x1b[1G\x1b[4hX\x1b[4l", "Xabc", 1, 0},
		{"alt screen keeps main", "main\x1b[?1049halt\x1b[?1049l", "main", 4, 0},
		{"nowrap", "\x1b[?7labcdefghijkl", "abcdefghil", 9, 0},
		{"origin mode", "\x1b[2;3r\x1b[?6h\x1b[1;1Hx", "\nx", 1, 1},
		{"split utf8", "\xe4\xb8", "", 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := feed(10, 3, tc.in)
			if got := screenText(s); got != tc.want {
				t.Errorf("screen:\n%q\nwant:\n%q", got, tc.want)
			}
			if x, y := s.Cursor(); x != tc.x || y != tc.y {
				t.Errorf("cursor (%d,%d), want (%d,%d)", x, y, tc.x, tc.y)
			}
		})
	}
}

func TestSplitUTF8AcrossWrites(t *testing.T) {
	s := New(10, 2, 0)
	for _, b := range []byte("中é😀") {
		s.Write([]byte{b})
	}
	if got := s.LineText(0); got != "中é😀" {
		t.Fatalf("got %q", got)
	}
}

func TestSGR(t *testing.T) {
	s := feed(20, 2, "\x1b[1;3;4:3;31;48;5;200mA\x1b[38:2::1:2:3;7mB\x1b[0;38;2;9;8;7mC\x1b[mD")
	a, b, c, d := s.Cell(0, 0).S, s.Cell(1, 0).S, s.Cell(2, 0).S, s.Cell(3, 0).S
	if a.Attr&Bold == 0 || a.Attr&Italic == 0 || a.Attr.Underline() != UnderlineCurly || a.Fg != Indexed(1) || a.Bg != Indexed(200) {
		t.Errorf("A style %+v", a)
	}
	if b.Fg != RGB(1, 2, 3) || b.Attr&Reverse == 0 {
		t.Errorf("B style %+v", b)
	}
	if c.Fg != RGB(9, 8, 7) || c.Attr != 0 || c.Bg != DefaultColor {
		t.Errorf("C style %+v", c)
	}
	if d != (Style{}) {
		t.Errorf("D style %+v", d)
	}
}

func TestReplies(t *testing.T) {
	s := feed(10, 5, "ab\x1b[6n\x1b[5n\x1b[c\x1b[>c\x1b[?2004h\x1b[?2004$p\x1b]2;title\x07\x1b[21t\x1bP$qm\x1b\\")
	want := "\x1b[1;3R\x1b[0n" + da1Reply + da2Reply + "\x1b[?2004;1$y" + "\x1bP1$r0m\x1b\\"
	if got := string(s.TakeReplies()); got != want {
		t.Fatalf("replies %q want %q", got, want)
	}
	if s.Title() != "title" {
		t.Fatalf("title %q", s.Title())
	}
}

func TestHistory(t *testing.T) {
	s := New(10, 3, 5)
	for i := range 10 {
		fmt.Fprintf(s, "\x1b[31mline%d\x1b[m\r\n", i)
	}
	h := s.History()
	if h.Len() != 5 {
		t.Fatalf("history len %d", h.Len())
	}
	if h.Text(0) != "line3" || h.Text(4) != "line7" {
		t.Fatalf("history %q..%q", h.Text(0), h.Text(4))
	}
	cells := h.Cells(s, 0, 10)
	if cells[0].R != 'l' || cells[0].S.Fg != Indexed(1) || cells[5].R != 0 {
		t.Fatalf("decoded %+v", cells[:6])
	}
	// The alternate screen never writes into the history.
	s.Write([]byte("\x1b[?1049h" + strings.Repeat("x\r\n", 20) + "\x1b[?1049l"))
	if h.Text(4) != "line7" {
		t.Fatalf("alt screen leaked into history: %q", h.Text(4))
	}
}

func TestResize(t *testing.T) {
	s := feed(10, 5, "1\r\n2\r\n3\r\n4\r\n5")
	s.Resize(4, 2)
	if got := screenText(s); got != "4\n5" {
		t.Fatalf("after shrink %q", got)
	}
	if s.History().Len() != 3 {
		t.Fatalf("history %d", s.History().Len())
	}
	s.Resize(20, 6)
	if x, y := s.Cursor(); x != 1 || y != 1 {
		t.Fatalf("cursor %d,%d", x, y)
	}
	s.Write([]byte("\x1b[6;20Hz"))
	if s.LineText(5) != strings.Repeat(" ", 19)+"z" {
		t.Fatalf("grown line %q", s.LineText(5))
	}
}

// checkInvariants verifies what every state must satisfy.
func checkInvariants(t *testing.T, s *Screen) {
	t.Helper()
	cols, rows := s.Size()
	x, y := s.Cursor()
	if x < 0 || x >= cols || y < 0 || y >= rows {
		t.Fatalf("cursor (%d,%d) outside %dx%d", x, y, cols, rows)
	}
	if s.top < 0 || s.bot >= rows || s.top > s.bot {
		t.Fatalf("region %d..%d in %d rows", s.top, s.bot, rows)
	}
	for yy := range rows {
		row := s.Row(yy)
		if len(row) != cols {
			t.Fatalf("row %d has %d cells, want %d", yy, len(row), cols)
		}
		if row[0].IsWideTail() {
			t.Fatalf("row %d starts with a wide tail", yy)
		}
		for x, c := range row {
			if _, ok := s.Hyperlink(c.S.Link); c.S.Link != 0 && !ok {
				t.Fatalf("cell (%d,%d) names hyperlink %d, not in the table", x, yy, c.S.Link)
			}
		}
	}
}

func FuzzEmulator(f *testing.F) {
	f.Add([]byte("hello\x1b[2J\x1b[5;5H中\u0301"), uint8(10), uint8(5))
	f.Add([]byte("\x1b[?1049h\x1b[1;3r\x1b[10S\x1b[?6h\x1b[H\x1b[5L"), uint8(3), uint8(2))
	f.Add([]byte("\x1b[38:2::1:2:3m\x1b]0;t\x07\x1bP+q\x1b\\\x1b(0qq"), uint8(80), uint8(24))
	f.Add([]byte("a\x1b]8;id=1;http://x/\x1b\\link\x1b[0mtext\r\n\x1b]8;;\x07b"), uint8(6), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, c, r uint8) {
		s := New(int(c%100)+1, int(r%50)+1, 50)
		var v versionTracker
		half := len(data) / 2
		s.Write(data[:half])
		checkInvariants(t, s)
		v.check(t, s, "first half")
		s.Resize(int(r%60)+1, int(c%30)+1)
		checkInvariants(t, s)
		v.check(t, s, "resize")
		for i := half; i < len(data); i += 7 {
			s.Write(data[i:min(i+7, len(data))])
			v.check(t, s, "second half")
		}
		checkInvariants(t, s)
		for i := range s.History().Len() {
			s.History().Cells(s, i, 10)
		}
		if bytes.Contains(s.TakeReplies(), data) && len(data) > 8 {
			t.Fatalf("input echoed back")
		}
	})
}

// A hostile program cannot make the terminal type for it: queries that
// would echo its own data (title report, OSC 52 read, font queries,
// XTGETTCAP of a name gmux does not know) get no answer at all, and those
// answered (DECRQSS, colours, XTGETTCAP Co) carry gmux's own state in a
// fixed form: a colour set as text comes back only as the colour parsed.
func TestNoEchoBack(t *testing.T) {
	hostile := "\x1b]2;rm -rf ~\r\x07" + // set a title that is a command
		"\x1b[21t\x1b[20t" + // report title / icon label
		"\x1bP$qm\x1b\\\x1bP$q\"p\x1b\\" + // DECRQSS
		"\x1b]52;c;?\x07" + // read the clipboard
		"\x1b]4;2;rm -rf ~\r\x07\x1b]4;3;#0a0B0c\x07" + // palette entries set as a command and as a colour
		"\x1b]10;?\x07\x1b]11;?\x07\x1b]4;1;?;2;?;3;?\x07" + // colour queries
		"\x1bP+q544e\x1b\\\x1bP+q436f\x1b\\" // XTGETTCAP TN (unknown) and Co
	s := feed(80, 24, hostile)
	want := "\x1bP1$r0m\x1b\\\x1bP1$r65;1\"p\x1b\\" + // DECRQSS: the SGR and the level, from gmux's state
		"\x1b]10;" + defaultFgColor + "\x1b\\\x1b]11;" + defaultBgColor + "\x1b\\" + // the colours, never text
		"\x1b]4;1;rgb:cdcd/0000/0000\x1b\\\x1b]4;2;rgb:0000/cdcd/0000\x1b\\\x1b]4;3;rgb:0a0a/0b0b/0c0c\x1b\\" +
		"\x1bP1+r436F=323536\x1b\\" // Co=256
	if r := string(s.TakeReplies()); r != want {
		t.Fatalf("answered %q, want %q", r, want)
	}
}

// Hostile streams cost bounded memory: ten thousand SGR parameters, a huge
// OSC, and a flood with no newline at all.
func TestHostileStreamsBounded(t *testing.T) {
	s := New(80, 24, 1000)
	s.Write([]byte("\x1b[" + strings.Repeat("1;", 10000) + "31mX"))
	s.Write([]byte("\x1b]0;" + strings.Repeat("t", 1<<20) + "\x07"))
	if len(s.Title()) != 0 || cap(s.p.osc) > 2*maxOSC {
		t.Fatalf("OSC kept %d bytes", cap(s.p.osc))
	}
	size := 64 << 20
	if os.Getenv("GMUX_STRESS") != "" {
		size = 1 << 30 // make stress: a gigabyte without a newline
	} else if testing.Short() {
		size = 4 << 20
	}
	chunk := []byte(strings.Repeat("abcdefgh", 8192))
	for n := 0; n < size; n += len(chunk) {
		s.Write(chunk)
	}
	if s.History().Len() > 1000 {
		t.Fatalf("history grew past its limit: %d", s.History().Len())
	}
	checkInvariants(t, s)
}

// A title is printed by lists and status lines: controls in it are dropped.
func TestTitleDropsControls(t *testing.T) {
	s := feed(10, 5, "\x1b]2;a\xc2\x9b2J\x7fb\xffc\x07")
	if s.Title() != "a2Jb\uFFFDc" {
		t.Fatalf("title %q", s.Title())
	}
}

// ESC k title ESC \ (screen's) sets the title and prints nothing.
func TestScreenTitleEscape(t *testing.T) {
	s := feed(20, 3, "a\x1bkvim\x1b\\b")
	if s.Title() != "vim" || s.LineText(0) != "ab" {
		t.Fatalf("title %q, line %q", s.Title(), s.LineText(0))
	}
}
