package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gmux/gmux/server/layout"
	"github.com/gmux/gmux/server/vt"
)

func newBenchRenderer(b *testing.B) (*Renderer, *vt.Screen) {
	r, err := New("xterm-256color", "truecolor", "C.UTF-8", 200, 50)
	if err != nil {
		b.Fatal(err)
	}
	sc := vt.New(200, 50, 0)
	for i := range 50 {
		fmt.Fprintf(sc, "\x1b[%d;1H\x1b[3%dm%s", i+1, i%8, strings.Repeat(string(rune('a'+i%26)), 199))
	}
	r.Draw(Frame{Screen: sc})
	return r, sc
}

// BenchmarkRenderSmallChange is a keystroke's echo: one cell changes; with
// a hardstatus line at the bottom (alwayslastline) or the top
// (alwaysfirstline), and a caption, as most screen users have.
func BenchmarkRenderSmallChange(b *testing.B) {
	for _, bc := range []struct {
		name string
		f    Frame
	}{
		{"plain", Frame{}},
		{"status", Frame{Status: "0$ bash  1-$ vim  2 make"}},
		{"status-top", Frame{Status: "0$ bash  1-$ vim  2 make", StatusTop: true}},
		{"caption", Frame{Status: "0$ bash", Caption: "0 bash"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			r, sc := newBenchRenderer(b)
			f := bc.f
			// The window is sized to what the lines around it leave, as a
			// session sizes it (a larger one would be drawn panned).
			area := LayoutScreen(200, 50, f.lines(false))
			sc.Resize(200, area.WinRows)
			f.Screen = sc
			r.Draw(f)
			b.ResetTimer()
			for i := range b.N {
				fmt.Fprintf(sc, "\x1b[25;100H%c", 'a'+i%26)
				r.Draw(f)
			}
		})
	}
}

// BenchmarkRenderFullChange redraws every cell.
func BenchmarkRenderFullChange(b *testing.B) {
	r, sc := newBenchRenderer(b)
	b.ResetTimer()
	for i := range b.N {
		fmt.Fprintf(sc, "\x1b[H\x1b[3%dm", i%8)
		for range 50 {
			sc.Write([]byte(strings.Repeat(string(rune('a'+i%26)), 200)))
		}
		out := r.Draw(Frame{Screen: sc})
		b.SetBytes(int64(len(out)))
	}
}

// BenchmarkRenderSmallChangeRegions is BenchmarkRenderSmallChange/status on
// a display split in four (two by two), the echo in one of them: within
// 1.5x of the unsplit display is the goal.
func BenchmarkRenderSmallChangeRegions(b *testing.B) {
	r, sc := newBenchRenderer(b)
	lay := layout.New(200, 50)
	lay.Split(layout.SideBySide)
	lay.Split(layout.Stacked)
	lay.SetFocus(lay.Regions()[0].ID)
	lay.Split(layout.Stacked)
	var screens []*vt.Screen
	var regs []Region
	for i, rg := range lay.Regions() {
		wc, wr := RegionWindowSize(rg.Rect)
		s := vt.New(wc, wr, 0)
		for y := range wr {
			fmt.Fprintf(s, "\x1b[%d;1H\x1b[3%dm%s", y+1, y%8, strings.Repeat(string(rune('a'+y%26)), wc-1))
		}
		screens = append(screens, s)
		regs = append(regs, Region{Rect: rg.Rect, Screen: s, Caption: fmt.Sprintf("%d bash", i), Focused: i == 0})
	}
	_ = sc
	f := Frame{Status: "0$ bash  1-$ vim  2 make"}
	r.DrawRegions(f, regs)
	b.ResetTimer()
	for i := range b.N {
		fmt.Fprintf(screens[0], "\x1b[10;50H%c", 'a'+i%26)
		r.DrawRegions(f, regs)
	}
}

// BenchmarkFirstFrame is the server's part of a reattach: a renderer for a
// 200x50 terminal, and the first frame of a full screen on one made ahead
// (the spare a detached session keeps).
func BenchmarkFirstFrame(b *testing.B) {
	sc := vt.New(200, 50, 0)
	for i := range 50 {
		fmt.Fprintf(sc, "\x1b[%d;1H%0199d", i+1, i)
	}
	b.Run("renderer", func(b *testing.B) {
		for range b.N {
			r, err := New("xterm-256color", "truecolor", "C.UTF-8", 200, 50)
			if err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			r.Close()
			b.StartTimer()
		}
	})
	b.Run("frame", func(b *testing.B) {
		for range b.N {
			b.StopTimer()
			r := made(b, "xterm-256color", 200, 50)
			b.StartTimer()
			out := r.Draw(Frame{Screen: sc})
			b.SetBytes(int64(len(out)))
			b.StopTimer()
			r.Close()
			b.StartTimer()
		}
	})
}
