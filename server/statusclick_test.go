package server

import (
	"fmt"
	"io"
	"log"
	"strings"
	"testing"

	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/render"
	"github.com/gmux/gmux/server/status"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
)

// The status line's window entries are found where they were drawn, after
// fills and truncation; a click between them finds none.
func TestStatusTagsFollowTheLayout(t *testing.T) {
	s := &session{log: log.New(io.Discard, "", 0)}
	for i := range 12 {
		s.windows = append(s.windows, &window.Window{WindowModel: handover.WindowModel{Number: i, Title: fmt.Sprintf("title-%d", i)}, Pane: pane.Dead(0, vt.New(10, 2, 0))})
	}
	r, err := render.New("xterm-256color", "truecolor", "C.UTF-8", 60, 5) // the status line on row 4
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"%w", "%=%w", "[%-w%50>%n* %t%+w%<]", "%{= kw}%-Lw%{r}%n%f %t%{-}%+Lw"} {
		for _, cur := range []int{0, 5, 11} {
			line := status.Expand(format, status.View{Cur: s.windows[cur], Cols: 60}, s.statusSource())
			r.Draw(render.Frame{Screen: vt.New(60, 4, 0), Status: line})
			shown := status.StripMarks(line)
			spans := r.Entries(4)
			for _, sp := range spans {
				// The entry, or what truncation left of it: its start or its end.
				n := fmt.Sprint(sp.Window)
				if text := shown[sp.From:min(sp.To, len(shown))]; text == "" || !strings.HasPrefix(text, n) && !strings.HasSuffix(text, "title-"+n) && !strings.HasSuffix(text, "-"+n) {
					t.Errorf("%q, window %d current: window %d's entry at %d-%d shows %q", format, cur, sp.Window, sp.From, sp.To, text)
				}
			}
			if format == "%w" && (len(spans) == 0 || r.WindowAt(spans[0].To, 4) >= 0) {
				t.Errorf("%q: entries %v; the gap after the first should find no window", format, spans)
			}
		}
	}
	r.Draw(render.Frame{Screen: vt.New(60, 4, 0), Status: "%w", Message: "a message over it"})
	if len(r.Entries(4)) != 0 {
		t.Error("a message drawn over the status line kept its entries")
	}
}
