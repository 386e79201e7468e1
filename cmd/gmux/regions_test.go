package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// sizeOf is the size of window n of session name.
func sizeOf(t *testing.T, e *env, name string, n int) (int, int) {
	t.Helper()
	return infoSize(t, e, "-S", name, "-p", strconv.Itoa(n), "-X", "info")
}

func waitSize(t *testing.T, e *env, name string, n, cols, rows int) {
	t.Helper()
	var c, r int
	defer func() {
		if t.Failed() {
			t.Logf("window %d is %dx%d", n, c, r)
		}
	}()
	waitFor(t, "window "+strconv.Itoa(n)+" to be "+strconv.Itoa(cols)+"x"+strconv.Itoa(rows), func() bool {
		c, r = sizeOf(t, e, name, n)
		return c == cols && r == rows
	})
}

// C-a S splits the display, C-a Tab moves to the new (empty) region, C-a c
// opens a window there, C-a | splits side by side, C-a X removes a region,
// C-a Q keeps one; each window takes its region's size (less the caption),
// as in screen, and each region shows its caption.
func TestRegions(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "rg")
	tm.send("echo top-$((1+1))\r")
	tm.waitText("top-2")
	tm.send("\x01S")
	waitSize(t, e, "rg", 0, 80, 11) // 24 rows: 12 each, less a caption
	tm.send("\x01\t")               // to the empty region
	tm.send("\x01c")
	tm.waitMatch(`(?m)^  1 `) // its caption, on the last row (screen's "%3n %t")
	waitSize(t, e, "rg", 1, 80, 11)
	tm.send("echo bottom-$((2+2))\r")
	tm.waitText("bottom-4")
	if !strings.Contains(tm.text(), "top-2") {
		t.Fatalf("the top region lost its window:\n%s", tm.text())
	}
	// The window list shows in the focused region, as screen's: the top
	// region keeps its window meanwhile, and the bottom one gets its back.
	tm.send("\x01\"")
	tm.waitMatch(`(?m)^\s+1\*\s+`)
	if text := tm.text(); !strings.Contains(text, "top-2") || !strings.Contains(text, "Num Name") {
		t.Fatalf("the window list did not stay in its region:\n%s", text)
	}
	tm.send("\x1b")
	tm.waitText("bottom-4")
	tm.send("\x01|") // the bottom region, side by side: 39 | 40, as screen splits 80
	waitSize(t, e, "rg", 1, 39, 11)
	tm.waitText("│")
	tm.send("\x01:resize -h +5\r")
	waitSize(t, e, "rg", 1, 44, 11)
	tm.send("\x01:resize -v -3\r") // taller neighbour, shorter bottom row of regions
	waitSize(t, e, "rg", 1, 44, 8)
	tm.send("\x01:resize =\r")
	waitSize(t, e, "rg", 1, 39, 11) // 79 columns shared: the odd one to the last region
	tm.send("\x01:focus right\r")
	tm.send("\x01X") // the empty right region goes
	waitSize(t, e, "rg", 1, 80, 11)
	tm.send("\x01:focus up\r")
	tm.send("\x01Q") // only the top one, with window 0
	waitSize(t, e, "rg", 0, 80, 24)
	tm.waitText("top-2")
	if strings.Contains(tm.text(), "bottom-4") {
		t.Fatalf("C-a Q left another region:\n%s", tm.text())
	}
}

// The layout comes back after detach and resume (screen 4.9 loses it), with
// each region's window, and through a live upgrade.
func TestRegionsSurviveDetachAndUpgrade(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "keep")
	tm.send("\x01S\x01\t\x01c")
	tm.waitMatch(`(?m)^  1 `)
	tm.send("echo in-one\r")
	tm.waitText("in-one")
	tm.send("\x01d")
	tm.waitText("[detached from ")
	tm2 := e.attach(80, 24, "-r", "keep")
	tm2.waitMatch(`(?m)^  0 `)
	tm2.waitMatch(`(?m)^  1 `)
	waitSize(t, e, "keep", 0, 80, 11)
	waitSize(t, e, "keep", 1, 80, 11)
	tm2.send("echo still-split\r") // the focus came back too: the bottom region
	tm2.waitText("still-split")
	if out, code := e.run("-S", "keep", "-X", "upgrade", gmuxBin); code != 0 {
		t.Fatalf("upgrade: %d %q", code, out)
	}
	tm2.send("clear; echo after-upgrade\r")
	tm2.waitText("after-upgrade")
	tm2.waitMatch(`(?m)^  0 `)
	waitSize(t, e, "keep", 0, 80, 11)
}

// With mousetrack on, a click focuses the region under it, dragging the
// border between regions side by side resizes them, and a program that
// asked for the mouse gets reports in its region's coordinates.
func TestRegionsMouse(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "mouse")
	tm.send("\x01:mousetrack on\r")
	tm.send("\x01|") // side by side: 39 | 40
	waitSize(t, e, "mouse", 0, 39, 23)
	tm.send("\x1b[<0;60;5M\x1b[<0;60;5m") // a click in the right region (1-based)
	tm.send("\x01c")
	tm.waitMatch(`│  1 `) // window 1 opened there: its caption is right of the border
	waitSize(t, e, "mouse", 1, 40, 23)
	// Drag the border (column 40, 1-based) to column 51.
	tm.send("\x1b[<0;40;5M\x1b[<32;46;5M\x1b[<32;51;5M\x1b[<0;51;5m")
	waitSize(t, e, "mouse", 0, 50, 23)
	waitSize(t, e, "mouse", 1, 29, 23)
	// A program asking for SGR mouse reports gets its region's coordinates:
	// a click at the display's column 56 is its column 5.
	tm.send(`printf '\033[?1000h\033[?1006h'; stty -echo; echo mouse-"on"; od -c` + "\r")
	tm.waitText("mouse-on")
	tm.send("\x1b[<0;56;3M\x1b[<0;56;3m")
	tm.send("\r\x04")
	waitFor(t, "od to show the report in the region's coordinates", func() bool {
		squeezed := strings.NewReplacer(" ", "", "\n", "", "│", "").Replace(tm.text())
		return strings.Contains(squeezed, "033[<0;5;3M")
	})
	// The wheel over the left region scrolls it: copy mode there, its
	// position at the top right of the region (columns 44-50), not the display's.
	tm.send("\x1b[<64;10;5M")
	tm.waitMatch(`(?m)^\S.*\[\d+/\d+\]│`)
}

// Named layouts: layout save keeps the regions under a name, layout new
// starts an unsplit one, layout select/next/prev switch between them (the
// current one follows its regions: autosave), show lists them, title and
// number rename, remove drops one, dump writes them to a file.
func TestLayouts(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "lay")
	tm.send("\x01S")
	waitSize(t, e, "lay", 0, 80, 11)
	tm.send("\x01:layout save split\r")
	tm.send("\x01:layout new single\r")
	waitSize(t, e, "lay", 0, 80, 24)
	show := func() string {
		out, _ := e.run("-S", "lay", "-Q", "layout", "show")
		return out
	}
	if got := show(); !strings.Contains(got, "0 split") || !strings.Contains(got, "1* single") {
		t.Fatalf("layout show: %q", got)
	}
	tm.send("\x01:layout select split\r")
	waitSize(t, e, "lay", 0, 80, 11)
	tm.send("\x01|") // autosave: the split layout now has three regions
	waitSize(t, e, "lay", 0, 39, 11)
	tm.send("\x01:layout next\r")
	waitSize(t, e, "lay", 0, 80, 24)
	tm.send("\x01:layout prev\r")
	waitSize(t, e, "lay", 0, 39, 11)
	tm.send("\x01:layout title three\r")
	tm.send("\x01:layout number 7\r")
	waitFor(t, "the new title and number", func() bool { return strings.Contains(show(), "7* three") })
	tm.send("\x01:layout dump dumped\r")
	waitFor(t, "the dump", func() bool {
		b, _ := os.ReadFile(filepath.Join(e.home, "dumped"))
		return strings.Contains(string(b), `layout 7 "three": -[`) && strings.Contains(string(b), `layout 1 "single": r`)
	})
	// Detach and resume: the layout in use comes back.
	tm.send("\x01d")
	tm.waitText("[detached from ")
	tm2 := e.attach(80, 24, "-r", "lay")
	tm2.waitText("$ ")
	waitSize(t, e, "lay", 0, 39, 11)
	if got := show(); !strings.Contains(got, "7* three") {
		t.Fatalf("layout show after resume: %q", got)
	}
	tm2.send("\x01:layout remove single\r")
	waitFor(t, "the layout removed", func() bool { return !strings.Contains(show(), "single") })
}

// displays (C-a *) lists the attached displays, with what each shows.
func TestDisplays(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "disp")
	tm.send("\x01S")
	waitSize(t, e, "disp", 0, 80, 11)
	tm2 := e.attach(100, 30, "-x", "disp")
	tm2.waitText("$ ")
	out, code := e.run("-S", "disp", "-Q", "displays")
	if code != 0 || !strings.Contains(out, " 80x24 ") || !strings.Contains(out, "100x30 ") || !strings.Contains(out, "0(bash)* -") {
		t.Fatalf("displays: %d %q", code, out)
	}
	tm.send("\x01*")
	tm.waitText("Displays")
	tm.waitText("100x30")
	tm.send("q")
}

// The same splits give the same window sizes as GNU screen 4.9: C-a S, a
// new window in the new region, C-a | there, and a window in that region;
// each window reports its size with stty.
func TestRegionsSizesLikeScreen(t *testing.T) {
	screenBin, err := exec.LookPath("screen")
	if err != nil {
		t.Skip("GNU screen is not installed: no comparison")
	}
	e := newEnv(t)
	run := func(name string, tm *terminal) []string {
		dir := filepath.Join(e.home, name)
		os.Mkdir(dir, 0o700)
		size := func(file string) {
			path := filepath.Join(dir, file)
			tm.send("stty size > " + path + "\r")
			waitFor(t, name+"'s "+file, func() bool { b, _ := os.ReadFile(path); return len(b) > 0 })
		}
		tm.waitText("$ ")
		size("whole")
		tm.send("\x01S")
		size("top")
		tm.send("\x01\t\x01c") // typed ahead of the new shell: it reads it when it starts
		size("bottom")
		tm.send("\x01|")
		size("bottom-left")
		tm.send("\x01\t\x01c")
		size("bottom-right")
		var sizes []string
		for _, f := range []string{"whole", "top", "bottom", "bottom-left", "bottom-right"} {
			b, _ := os.ReadFile(filepath.Join(dir, f))
			sizes = append(sizes, f+" "+strings.TrimSpace(string(b)))
		}
		return sizes
	}
	gm := run("gmux", e.attach(80, 24, append([]string{"-S", "cmp"}, bash...)...))
	sdir := filepath.Join(e.home, "screendir")
	os.Mkdir(sdir, 0o700)
	var sc []string
	withEnv(e, []string{"SCREENDIR=" + sdir}, func() {
		tm := e.startIn(80, 24, screenBin, "-c", "/dev/null", "-S", "cmp", "bash", "--norc", "--noprofile")
		defer func() {
			quit := exec.Command(screenBin, "-S", "cmp", "-X", "quit")
			quit.Env = e.env
			quit.Run()
		}()
		sc = run("screen", tm)
	})
	if !slices.Equal(gm, sc) {
		t.Fatalf("window sizes differ:\n gmux   %q\n screen %q", gm, sc)
	}
}

// A hardstatus line turned on takes its row from the regions, and gives it
// back when turned off.
func TestRegionsMakeRoomForHardstatus(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "hs")
	tm.send("\x01S\x01\t\x01c")
	waitSize(t, e, "hs", 1, 80, 11)
	rows := func() int {
		_, a := sizeOf(t, e, "hs", 0)
		_, b := sizeOf(t, e, "hs", 1)
		return a + b
	}
	e.run("-S", "hs", "-X", "hardstatus", "alwayslastline")
	waitFor(t, "the regions to share 23 rows", func() bool { return rows() == 21 }) // less two captions
	e.run("-S", "hs", "-X", "hardstatus", "ignore")
	waitFor(t, "the regions to share 24 rows again", func() bool { return rows() == 22 })
}

// focus moves between three regions stacked: next, prev, top, bottom, up,
// down; C-a F (fit) sizes the focused region's window to it.
func TestRegionsFocusAndFit(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "foc")
	tm.send("\x01S\x01S")  // the top region split again: 6, 6 and 12 rows
	tm.send("\x01\t\x01c") // window 1 in the middle region
	waitSize(t, e, "foc", 1, 80, 5)
	tm.send("\x01\t\x01c") // window 2 in the bottom one
	waitSize(t, e, "foc", 2, 80, 11)
	current := func() string {
		out, _ := e.run("-S", "foc", "-Q", "number")
		return out
	}
	for _, step := range []struct{ cmd, want string }{
		{"focus top", "0 ("}, {"focus next", "1 ("}, {"focus bottom", "2 ("},
		{"focus up", "1 ("}, {"focus prev", "0 ("}, {"focus prev", "2 ("}, {"focus down", "2 ("},
	} {
		tm.send("\x01:" + step.cmd + "\r")
		waitFor(t, step.cmd+" to reach window "+step.want, func() bool { return strings.HasPrefix(current(), step.want) })
	}
	// Under windowsize manual a window keeps its size until C-a F.
	e.run("-S", "foc", "-X", "windowsize", "manual")
	tm.send("\x01Q")
	tm.send("\x01:select 1\r")
	waitFor(t, "window 1 shown", func() bool { return strings.HasPrefix(current(), "1 (") })
	if c, r := sizeOf(t, e, "foc", 1); c != 80 || r != 5 {
		t.Fatalf("under manual window 1 changed size to %dx%d", c, r)
	}
	tm.send("\x01F")
	waitSize(t, e, "foc", 1, 80, 24)
}

// Two displays of different sizes, one split, share a window by the
// windowsize policy: the region counts as a display of its size.
func TestRegionsShareWindowsByPolicy(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "pol")
	tm.send("\x01S") // window 0 in an 80x12 region: 80x11
	waitSize(t, e, "pol", 0, 80, 11)
	tm2 := e.attach(100, 30, "-x", "pol")
	tm2.waitText("$ ")
	waitSize(t, e, "pol", 0, 80, 11) // smallest, the default
	e.run("-S", "pol", "-X", "windowsize", "largest")
	tm2.send("\x01l")
	waitSize(t, e, "pol", 0, 100, 30)
	e.run("-S", "pol", "-X", "windowsize", "smallest")
	tm.send("\x01l")
	waitSize(t, e, "pol", 0, 80, 11)
	// latest: the display that typed last; manual: as it is until C-a F.
	e.run("-S", "pol", "-X", "windowsize", "latest")
	tm2.send("\x01l")
	waitSize(t, e, "pol", 0, 100, 30)
	tm.send("\x01l")
	waitSize(t, e, "pol", 0, 80, 11)
	e.run("-S", "pol", "-X", "windowsize", "manual")
	tm2.send("\x01l")
	if c, r := sizeOf(t, e, "pol", 0); c != 80 || r != 11 {
		t.Fatalf("under manual the window changed to %dx%d", c, r)
	}
	tm2.send("\x01F")
	waitSize(t, e, "pol", 0, 100, 30)
}

// A .screenrc that arranges the first display (split, screen, focus) gets
// it on the first attach, each window in its region, as in screen.
func TestScreenrcSplits(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, `split
screen -t top 0 sleep 1000
focus
screen -t shell 1
`)
	tm := e.attach(80, 24, "-c", rc, "-S", "rcs")
	tm.waitMatch(`(?m)^  0 top`)
	tm.waitMatch(`(?m)^  1 shell`)
	waitSize(t, e, "rcs", 0, 80, 11)
	waitSize(t, e, "rcs", 1, 80, 11)
	tm.send("echo in-$((2*3))\r") // the focus is where the config left it: the shell below
	tm.waitText("in-6")
	if out, _ := e.run("-S", "rcs", "-X", "errors"); strings.Contains(out, "rc") {
		t.Fatalf("config errors: %s", out)
	}
}

// A terminal resized refits its regions and every window in them.
func TestRegionsFollowTerminalResize(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "rsz")
	tm.send("\x01|\x01\t\x01c") // side by side: 39 | 40, window 1 on the right
	waitSize(t, e, "rsz", 1, 40, 23)
	tm.send("\x01\t") // back to the left: window 0
	tm.resize(120, 30)
	waitSize(t, e, "rsz", 0, 58, 29) // 119 columns shared in the old proportion
	waitSize(t, e, "rsz", 1, 61, 29) // the region not focused too
}

// resize -b and _ (max), focusminsize, and width/height (screen's -w: the
// window alone, kept under windowsize manual).
func TestRegionsResizeExtras(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "ext")
	tm.send("\x01S\x01|") // top: 39 | 40; bottom full width
	waitSize(t, e, "ext", 0, 39, 11)
	tm.send("\x01:resize -b +4\r")
	waitSize(t, e, "ext", 0, 43, 15)
	tm.send("\x01:resize _\r") // as tall as the region below allows
	waitSize(t, e, "ext", 0, 43, 22)
	tm.send("\x01:resize =\r")
	waitSize(t, e, "ext", 0, 39, 11)
	tm.send("\x01:focusminsize 60 16\r")
	tm.send("\x01:focus right\r\x01c") // the right region grows to 60x16 as it takes the focus
	waitSize(t, e, "ext", 1, 60, 15)
	e.run("-S", "ext", "-X", "windowsize", "manual")
	tm.send("\x01:width -w 100 30\r")
	waitSize(t, e, "ext", 1, 100, 30)
	tm.send("\x01:height 20\r")
	waitSize(t, e, "ext", 1, 100, 20)
	if out, code := e.run("-S", "ext", "-X", "width", "-d"); code == 0 || !strings.Contains(out, "does not change the terminal") {
		t.Fatalf("width -d: %d %q", code, out)
	}
}

// A window that grows back after a split shows again what scrolled off while
// it was small, as in tmux and xterm: not blank rows at the bottom.
func TestGrownWindowTakesBackItsLines(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "gr")
	tm.send("\x01S")
	waitSize(t, e, "gr", 0, 80, 11)
	tm.send("clear; for i in $(seq 1 20); do echo row-$i; done\r")
	tm.waitText("row-20")
	if strings.Contains(tm.text(), "row-5\n") {
		t.Fatalf("row-5 should have scrolled off the 11-row region:\n%s", tm.text())
	}
	tm.send("\x01Q")
	waitSize(t, e, "gr", 0, 80, 24)
	waitFor(t, "the scrolled-off rows back on the screen", func() bool {
		text := tm.text()
		return strings.Contains(text, "row-5\n") && strings.Contains(text, "row-20\n")
	})
}
