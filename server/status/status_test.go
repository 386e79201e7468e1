package status

import (
	"strings"
	"testing"

	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/render"
	"github.com/gmux/gmux/server/statusline"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
)

func TestExpandStatus(t *testing.T) {
	s := &testSource{name: "work"}
	w0 := &window.Window{WindowModel: handover.WindowModel{Number: 0, Title: "bash"}, Pane: pane.Dead(0, vt.New(10, 2, 0))}
	w1 := &window.Window{WindowModel: handover.WindowModel{Number: 1, Title: "vim"}, Pane: pane.Dead(0, vt.New(10, 2, 0))}
	s.windows = []*window.Window{w0, w1}
	for _, tc := range []struct{ format, want string }{
		{"[%S] %w", "[work] 0 bash  1* vim"},
		{"%-w|%n%f %t|%+w", "0 bash  |1 vim|"},
		{"a%?%+wb%?c", "ac"},            // nothing after window 1: the part goes
		{"a%?%-wb%?c", "a0 bash  bc"},   // something before it: the part stays
		{"%?%+w%:none%?", "none"},       // the else part
		{"%?%-w%:none%?!", "0 bash  !"}, // the first part
		{"%{= kw}x%{-}", "x"},           // colours are markers, not text
		{"100%%", "100%"},
		{"%-Lw|%50>%n%f %t%?(%u)%?|%+Lw%<", "0- bash  |1 vim|"}, // a common .screenrc line's parts
	} {
		if got := StripMarks(Expand(tc.format, View{Cur: w1, Other: w0, Cols: 80}, s)); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.format, got, tc.want)
		}
	}
	// A hardstatus line found in many .screenrc files expands to text and
	// styles only: no escape is left over.
	famous := `%{= kG}[ %{G}%H %{g}][%= %{= kw}%?%-Lw%?%{r}(%{W}%n*%f%t%?(%u)%?%{r})%{w}%?%+Lw%?%?%= %{g}][%{B} %m-%d %{W}%c %{g}]`
	if got := StripMarks(Expand(famous, View{Cur: w1, Other: w0, Cols: 80}, s)); strings.ContainsAny(got, "%{}") || !strings.Contains(got, "0- bash  (1*vim)") {
		t.Errorf("famous line: %q", got)
	}
	if got := Expand("a%=b", View{Cur: w1, Other: w0, Cols: 10}, s); got != "a        b" {
		t.Errorf("%%=: %q", got)
	}
	w1.Argv = []string{"vim", "notes.txt"}
	for _, tc := range []struct {
		format string
		v      View
		want   string
	}{
		{"%W|", View{Cur: w1, Other: w0, Cols: 40}, "0 bash|"},
		{"[%3n]", View{Cur: w1, Cols: 40}, "[  1]"},
		{"%X %x", View{Cur: w1, Cols: 40}, "vim vim notes.txt"},
		{"%?%F*%?%n", View{Cur: w1, Cols: 40, Focus: true}, "*1"},
		{"%?%F*%?%n", View{Cur: w1, Cols: 40}, "1"},
		{"%?%Pcopy%:live%?", View{Cur: w1, Cols: 40, CopyMode: true}, "copy"},
		{"%?%E^A%?", View{Cur: w1, Cols: 40, Escaped: true}, "^A"},
		// screen's own example: the list cut to the width, around the
		// current window.
		{"%-Lw%50>%n%f* %t%+Lw%<", View{Cur: w1, Other: w0, Cols: 12}, "bash  1* vim"},
		{"%20=x", View{Cur: w1, Cols: 10}, "  x"},
		{"%05=x", View{Cur: w1, Cols: 10}, "     x"},
		{"ab%=cd%=ef", View{Cur: w1, Cols: 10}, "ab  cd  ef"},
	} {
		if got := StripMarks(Expand(tc.format, tc.v, s)); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.format, got, tc.want)
		}
	}
}

// Colours and attributes in a status line reach the terminal.
func TestStatusColours(t *testing.T) {
	s := &testSource{}
	line := Expand("%{= kw}A%{+b r}B%{-}C%{Gk}D", View{Cols: 10}, s)
	if vt.TextWidth(line) != 4 {
		t.Fatalf("width %d of %q", vt.TextWidth(line), line)
	}
	r, err := render.New("xterm-256color", "", "C.UTF-8", 10, 2)
	if err != nil {
		t.Fatal(err)
	}
	term := vt.New(10, 2, 0)
	term.Write(r.Draw(render.Frame{Screen: vt.New(10, 1, 0), Status: line}))
	want := []struct {
		text     string
		fg, bg   vt.Color
		bold     bool
		reversed bool
	}{
		// As GNU screen 4.9 draws them: two letters are background,
		// then foreground.
		{"A", vt.Indexed(7), vt.Indexed(0), false, false},
		{"B", vt.Indexed(1), vt.Indexed(0), true, false},
		{"C", vt.Indexed(7), vt.Indexed(0), false, false},
		{"D", vt.Indexed(0), vt.Indexed(10), false, false},
	}
	for x, w := range want {
		c := term.Cell(x, 1)
		if term.Text(c) != w.text || c.S.Fg != w.fg || c.S.Bg != w.bg || (c.S.Attr&vt.Bold != 0) != w.bold || (c.S.Attr&vt.Reverse != 0) != w.reversed {
			t.Errorf("cell %d: %q %+v, want %+v", x, term.Text(c), c.S, w)
		}
	}
}

// A window with a bell or activity takes rendition's style in %w, and the
// line's style comes back after it.
func TestRenditionInWindowList(t *testing.T) {
	s := &testSource{bell: "=ub", monitor: "=b"}
	w0 := &window.Window{WindowModel: handover.WindowModel{Number: 0, Title: "bash", Bell: true}, Pane: pane.Dead(0, vt.New(10, 2, 0))}
	w1 := &window.Window{WindowModel: handover.WindowModel{Number: 1, Title: "vim"}, Pane: pane.Dead(0, vt.New(10, 2, 0))}
	w2 := &window.Window{WindowModel: handover.WindowModel{Number: 2, Title: "top", Activity: true}, Pane: pane.Dead(0, vt.New(10, 2, 0))}
	s.windows = []*window.Window{w0, w1, w2}
	got := Expand("%Lw", View{Cur: w1, Cols: 80}, s)
	bell := statusline.ApplyStyle(BarStyle, "=ub").Mark()
	mon := statusline.ApplyStyle(BarStyle, "=b").Mark()
	// Each entry is tagged with its window, for a click (statusclick.go).
	want := statusline.WindowTag(0) + bell + "0! bash" + BarStyle.Mark() + statusline.WindowTagEnd +
		"  " + statusline.WindowTag(1) + "1* vim" + statusline.WindowTagEnd +
		"  " + statusline.WindowTag(2) + mon + "2@ top" + BarStyle.Mark() + statusline.WindowTagEnd
	if got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// A title with emoji clusters is measured as the cells draw it.
func TestStatusWidthByCluster(t *testing.T) {
	if w := vt.TextWidth("a👍🏽🇫🇷👨\u200d👩\u200d👧❤\ufe0f"); w != 9 {
		t.Errorf("width %d, want 9", w)
	}
	r, err := render.New("xterm-256color", "", "C.UTF-8", 12, 2)
	if err != nil {
		t.Fatal(err)
	}
	term := vt.New(12, 2, 0)
	term.Write(r.Draw(render.Frame{Screen: vt.New(12, 1, 0), Status: "a👍🏽🇫🇷|"}))
	if got := strings.TrimRight(term.LineText(1), " "); got != "a👍🏽🇫🇷|" {
		t.Errorf("status drawn as %q", got)
	}
}

// Several fills with pads among them land where screen 4.9 puts them
// (each case was read off screen 4.9 at 60 columns): a fill is never less
// than a cell, %L= is a pad to column 0 that keeps what is past it, %-N=
// counts from the right edge.
func TestStatusFillsAsScreen(t *testing.T) {
	s := &testSource{}
	for _, tc := range []struct{ format, want string }{
		{"A%=B%=C", "A" + strings.Repeat(" ", 28) + "B" + strings.Repeat(" ", 29) + "C"},
		{"A%=B%L=C%=D", "A BC" + strings.Repeat(" ", 55) + "D"},
		{"A%L=B%=C", "AB" + strings.Repeat(" ", 57) + "C"},
		{"A%=B%-10=C%=D", "A" + strings.Repeat(" ", 48) + "BC" + strings.Repeat(" ", 8) + "D"},
		{"abcdefg%03L=x", "abcdefgx"},
		{"AAA%=BBB%50L=CCC%=DDD", "AAA" + strings.Repeat(" ", 24) + "BBBCCC" + strings.Repeat(" ", 24) + "DDD"},
		{"x%=y%-5L=z", "x" + strings.Repeat(" ", 53) + "yz"},
	} {
		if got := StripMarks(Expand(tc.format, View{Cols: 60}, s)); got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.format, got, tc.want)
		}
	}
}

// testSource is a session as a status line sees it.
type testSource struct {
	windows       []*window.Window
	name          string
	bell, monitor string
}

func (s *testSource) Windows() []*window.Window          { return s.windows }
func (s *testSource) SessionName() string                { return s.name }
func (s *testSource) Backtick(int) string                { return "" }
func (s *testSource) Renditions() (bell, monitor string) { return s.bell, s.monitor }
