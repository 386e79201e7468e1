package render

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/gmux/gmux/server/vt"
)

// What the client's terminal shows after every frame equals the window, for
// a long run of small and large changes: the small-change path and tcell's
// full path must agree on the terminal's state between them. So with a
// status line (at the bottom or the top), a caption, messages coming and
// going, and a window smaller than the terminal.
func TestFramesKeepTerminalExact(t *testing.T) {
	for _, lay := range []struct {
		name             string
		status, caption  string
		statusTop        bool
		captionTop       bool
		messages         bool
		winCols, winRows int
		term             string // default xterm-256color
	}{
		{name: "screen terminfo", status: "hardstatus", term: "screen-256color"}, // no rmam: the corner is tcell's
		{name: "tmux terminfo", term: "tmux-256color"},
		{name: "plain"},
		{name: "status", status: "0$ bash  1-$ vim"},
		{name: "status top", status: "0$ bash", statusTop: true},
		{name: "caption and status", status: "hardstatus", caption: "0 bash"},
		{name: "caption on top", status: "hardstatus", caption: "0 bash", captionTop: true, messages: true},
		{name: "messages", status: "hardstatus", messages: true},
		{name: "smaller window", winCols: 34, winRows: 9},
	} {
		t.Run(lay.name, func(t *testing.T) {
			const cols, rows = 40, 12
			termName := lay.term
			if termName == "" {
				termName = "xterm-256color"
			}
			r, err := New(termName, "truecolor", "C.UTF-8", cols, rows)
			if err != nil {
				t.Fatal(err)
			}
			top, textRows := 0, rows
			if lay.status != "" {
				textRows--
				if lay.statusTop {
					top = 1
				}
			}
			if lay.caption != "" {
				textRows--
				if lay.captionTop {
					top++
				}
			}
			// The window is as the server sizes it: the rows between the
			// status and caption lines (or smaller: another display's).
			wc, wr := cols, textRows
			if lay.winCols > 0 {
				wc, wr = lay.winCols, lay.winRows
			}
			sc := vt.New(wc, wr, 0)
			term := vt.New(cols, rows, 0) // the client's terminal
			rng := rand.New(rand.NewSource(1))
			message := ""
			var prompt *promptAt // some messages are prompts, with the cursor on them
			for i := range 3000 {
				editRandomly(sc, rng, i, wc, wr)
				if lay.messages && rng.Intn(40) == 0 {
					message = map[bool]string{true: "", false: fmt.Sprintf("message %d", i)}[message != ""]
					prompt = nil
					if message != "" && rng.Intn(2) == 0 {
						prompt = &promptAt{}
					}
				}
				if prompt != nil && rng.Intn(4) == 0 {
					prompt.x = rng.Intn(len(message) + 1) // the cursor moves on the same text
				}
				term.Write(r.Draw(Frame{Screen: sc, Status: lay.status, Caption: lay.caption, StatusTop: lay.statusTop, CaptionTop: lay.captionTop, Message: message,
					PromptOpen: prompt != nil, PromptX: prompt.column()}))
				for y := range min(wr, textRows) {
					for x := range min(wc, cols) {
						want, got := sc.Cell(x, y), term.Cell(x, top+y)
						if want.IsWideTail() {
							continue
						}
						if sc.Text(want) != term.Text(got) && !(sc.Text(want) == "" && term.Text(got) == " ") ||
							unlinked(drawable(r, want.S)) != unlinked(got.S) || linkOf(sc, want) != linkOf(term, got) {
							t.Fatalf("frame %d, cell (%d,%d): window %q %+v %v, terminal %q %+v %v", i, x, y, sc.Text(want), want.S, linkOf(sc, want), term.Text(got), got.S, linkOf(term, got))
						}
					}
				}
				if lay.winCols > 0 {
					// Where the window is not, the terminal shows dots.
					for _, p := range [][2]int{{cols - 1, 0}, {wc, wr - 1}, {0, textRows - 1}, {cols - 1, textRows - 1}} {
						if got := term.Text(term.Cell(p[0], top+p[1])); got != outsideDot {
							t.Fatalf("frame %d: outside the window at (%d,%d): %q, not dots", i, p[0], p[1], got)
						}
					}
				}
				if lay.status != "" {
					y := rows - 1
					if lay.statusTop {
						y = 0
					}
					if line := term.LineText(y); message == "" && !strings.HasPrefix(line, lay.status) {
						t.Fatalf("frame %d: status line %q", i, line)
					}
				}
				wx, wy := sc.Cursor()
				tx, ty := term.Cursor()
				if prompt != nil {
					if tx != prompt.x || ty != rows-1 || !term.Modes().CursorVisible {
						t.Fatalf("frame %d: prompt's cursor at %d, terminal's at (%d,%d) visible %v", i, prompt.x, tx, ty, term.Modes().CursorVisible)
					}
				} else if sc.Modes().CursorVisible && wy < textRows && (wx != tx || top+wy != ty || !term.Modes().CursorVisible) {
					t.Fatalf("frame %d: cursor window (%d,%d), terminal (%d,%d) visible %v", i, wx, wy, tx, ty, term.Modes().CursorVisible)
				}
			}
			if r.smallFrames < 1000 {
				t.Fatalf("the small-change path ran only %d times", r.smallFrames)
			}
			t.Logf("%d of 3000 frames took the small-change path", r.smallFrames)
		})
	}
}

// promptAt is an open prompt's cursor in a test's frames; nil: none open.
type promptAt struct{ x int }

func (p *promptAt) column() int {
	if p == nil {
		return 0
	}
	return p.x
}

// linkOf is the hyperlink cell c of sc names (the window's and the
// terminal's tables number links apart).
func linkOf(sc *vt.Screen, c vt.Cell) vt.Hyperlink {
	h, _ := sc.Hyperlink(c.S.Link)
	return h
}

// unlinked is st without its link's number (compare linkOf instead).
func unlinked(st vt.Style) vt.Style {
	st.Link = 0
	return st
}

// drawable is st less what the terminal's terminfo cannot draw.
func drawable(r *Renderer, st vt.Style) vt.Style {
	for _, a := range []struct {
		bit vt.Attr
		cap string
	}{{vt.Strike, r.ti.StrikeThrough}, {vt.Italic, r.ti.Italic}, {vt.Faint, r.ti.Dim}, {vt.Blink | vt.RapidBlink, r.ti.Blink}} {
		if a.cap == "" {
			st.Attr &^= a.bit
		}
	}
	return st
}

// editRandomly makes one random change to sc, of the kinds programs make.
func editRandomly(sc *vt.Screen, rng *rand.Rand, i, cols, rows int) {
	switch rng.Intn(20) {
	case 18, 19: // typing at the cursor, as a shell's echo
		sc.Write([]byte(string(rune('a' + rng.Intn(26)))))
	case 14: // colours in the 38;5;N form, low and high, and direct colour
		fmt.Fprintf(sc, "\x1b[%d;%dH\x1b[38;5;%d;48;5;%dmx\x1b[38;2;%d;%d;%dmy\x1b[m", rng.Intn(rows)+1, rng.Intn(cols-2)+1,
			rng.Intn(256), rng.Intn(16), rng.Intn(256), rng.Intn(256), rng.Intn(256))
	case 15: // concealed text, overline, a curly underline
		fmt.Fprintf(sc, "\x1b[%d;%dH\x1b[8ms\x1b[28;53mo\x1b[4:3mc\x1b[m", rng.Intn(rows)+1, rng.Intn(cols-3)+1)
	case 16: // trailing blanks, with and without a background
		fmt.Fprintf(sc, "\x1b[%d;1Hab  \x1b[4%dm  \x1b[m\x1b[K", rng.Intn(rows)+1, rng.Intn(8))
	case 17: // a line erased from the middle on
		fmt.Fprintf(sc, "\x1b[%d;%dH\x1b[K", rng.Intn(rows)+1, rng.Intn(cols)+1)
	case 10: // line and character editing inside and outside a scroll region
		fmt.Fprintf(sc, "\x1b[%d;%dH\x1b[%d%c", rng.Intn(rows)+1, rng.Intn(cols)+1, rng.Intn(3)+1, "LMP@XK"[rng.Intn(6)])
	case 11:
		fmt.Fprintf(sc, "\x1b[%d;%dr\x1b[%dS\x1b[%dT\x1b[r", rng.Intn(rows/2)+1, rows/2+rng.Intn(rows/2)+1, rng.Intn(3), rng.Intn(2))
	case 12: // the alternate screen, entered or left
		fmt.Fprintf(sc, "\x1b[?1049%c", "hl"[rng.Intn(2)])
	case 13:
		sc.Write([]byte("\x1b[H\x1b[2J"[rng.Intn(2)*3:]))
	case 0: // a burst of output that scrolls
		for range rng.Intn(5) + 1 {
			fmt.Fprintf(sc, "\r\nline %d \x1b[3%dmcolour\x1b[m", i, rng.Intn(8))
		}
	case 1: // wide and non-ASCII characters
		fmt.Fprintf(sc, "\x1b[%d;%dH中é", rng.Intn(rows)+1, rng.Intn(cols-2)+1)
	case 9: // a hyperlink, named or not, over text, maybe with a style
		id := ""
		if n := rng.Intn(4); n > 0 {
			id = fmt.Sprintf("id=%d", n)
		}
		fmt.Fprintf(sc, "\x1b[%d;%dH\x1b]8;%s;http://x/%d\x1b\\l\x1b[1mn\x1b[mk\x1b]8;;\x1b\\", rng.Intn(rows)+1, rng.Intn(cols)+1, id, rng.Intn(3))
	case 2:
		sc.Write([]byte("\x1b[?25l"))
	case 3:
		sc.Write([]byte("\x1b[?25h"))
	default: // a keystroke's echo, maybe with a style
		fmt.Fprintf(sc, "\x1b[%d;%dH\x1b[%d;3%d;4%dm%c\x1b[m", rng.Intn(rows)+1, rng.Intn(cols)+1,
			[]int{0, 1, 2, 3, 4, 5, 7, 9}[rng.Intn(8)], rng.Intn(8), rng.Intn(8), 'a'+rng.Intn(26))
	}
}

// A window larger than the display (another display's size) is shown
// scrolled so that its cursor is always in view, cell for cell.
func TestPannedViewFollowsCursor(t *testing.T) {
	const cols, rows = 30, 10
	r, err := New("xterm-256color", "", "C.UTF-8", cols, rows)
	if err != nil {
		t.Fatal(err)
	}
	sc := vt.New(70, 25, 0)
	term := vt.New(cols, rows, 0)
	rng := rand.New(rand.NewSource(2))
	panned := 0
	for i := range 2000 {
		editRandomly(sc, rng, i, 70, 25)
		if rng.Intn(10) == 0 {
			fmt.Fprintf(sc, "\x1b[%d;%dH", 1+rng.Intn(25), 1+rng.Intn(70)) // the cursor anywhere
		}
		term.Write(r.Draw(Frame{Screen: sc}))
		if !sc.Modes().CursorVisible {
			continue
		}
		wx, wy := sc.Cursor()
		tx, ty := term.Cursor()
		ox, oy := wx-tx, wy-ty
		if !term.Modes().CursorVisible || ox < 0 || oy < 0 || ox > 70-cols || oy > 25-rows {
			t.Fatalf("frame %d: window cursor (%d,%d), terminal cursor (%d,%d) visible %v", i, wx, wy, tx, ty, term.Modes().CursorVisible)
		}
		if ox > 0 || oy > 0 {
			panned++
		}
		for y := range rows {
			for x := range cols {
				want, got := sc.Cell(x+ox, y+oy), term.Cell(x, y)
				if want.IsWideTail() || got.IsWideTail() || sc.Width(want) == 2 || want.S.Attr&vt.Invisible != 0 {
					continue
				}
				if w, g := sc.Text(want), term.Text(got); w != g && !(w == "" && g == " ") {
					t.Fatalf("frame %d: view at (%d,%d), cell (%d,%d): window %q, terminal %q", i, ox, oy, x, y, w, g)
				}
			}
		}
	}
	if panned < 100 {
		t.Fatalf("the view moved off the corner in only %d frames", panned)
	}
}
