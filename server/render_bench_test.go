package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gmux/gmux/server/vt"
)

func newBenchRenderer(b *testing.B) (*renderer, *vt.Screen) {
	r, err := newRenderer("xterm-256color", "truecolor", "C.UTF-8", 200, 50)
	if err != nil {
		b.Fatal(err)
	}
	sc := vt.New(200, 50, 0)
	for i := range 50 {
		fmt.Fprintf(sc, "\x1b[%d;1H\x1b[3%dm%s", i+1, i%8, strings.Repeat(string(rune('a'+i%26)), 199))
	}
	r.draw(frame{screen: sc})
	return r, sc
}

// BenchmarkRenderSmallChange is a keystroke's echo: one cell changes; with
// a hardstatus line at the bottom (alwayslastline) or the top
// (alwaysfirstline), and a caption, as most screen users have.
func BenchmarkRenderSmallChange(b *testing.B) {
	for _, bc := range []struct {
		name string
		f    frame
	}{
		{"plain", frame{}},
		{"status", frame{status: "0$ bash  1-$ vim  2 make"}},
		{"status-top", frame{status: "0$ bash  1-$ vim  2 make", statusTop: true}},
		{"caption", frame{status: "0$ bash", caption: "0 bash"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			r, sc := newBenchRenderer(b)
			f := bc.f
			f.screen = sc
			r.draw(f)
			b.ResetTimer()
			for i := range b.N {
				fmt.Fprintf(sc, "\x1b[25;100H%c", 'a'+i%26)
				r.draw(f)
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
		out := r.draw(frame{screen: sc})
		b.SetBytes(int64(len(out)))
	}
}
