package server

import (
	"fmt"
	"io"
	"log"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/vt"
)

// The status line's window entries are found where they were drawn, after
// fills and truncation; a click between them finds none.
func TestStatusTagsFollowTheLayout(t *testing.T) {
	s := &session{log: log.New(io.Discard, "", 0)}
	for i := range 12 {
		s.windows = append(s.windows, &window{WindowModel: handover.WindowModel{Number: i, Title: fmt.Sprintf("title-%d", i)}, Pane: pane.Dead(0, vt.New(10, 2, 0))})
	}
	r, err := newRenderer("xterm-256color", "truecolor", "C.UTF-8", 60, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"%w", "%=%w", "[%-w%50>%n* %t%+w%<]", "%{= kw}%-Lw%{r}%n%f %t%{-}%+Lw"} {
		for _, cur := range []int{0, 5, 11} {
			line := s.expandStatus(format, statusView{cur: s.windows[cur], cols: 60})
			r.drawLine(line, 4, 60, tcell.StyleDefault)
			shown := stripStatusMarks(line)
			spans := r.tags.spans[4]
			for _, sp := range spans {
				// The entry, or what truncation left of it: its start or its end.
				n := fmt.Sprint(sp.window)
				if text := shown[sp.from:min(sp.to, len(shown))]; text == "" || !strings.HasPrefix(text, n) && !strings.HasSuffix(text, "title-"+n) && !strings.HasSuffix(text, "-"+n) {
					t.Errorf("%q, window %d current: window %d's entry at %d-%d shows %q", format, cur, sp.window, sp.from, sp.to, text)
				}
			}
			if format == "%w" && (len(spans) == 0 || r.tags.windowAt(spans[0].to, 4) >= 0) {
				t.Errorf("%q: entries %v; the gap after the first should find no window", format, spans)
			}
		}
	}
	r.drawLine("a message over it", 4, 60, tcell.StyleDefault)
	if len(r.tags.spans[4]) != 0 {
		t.Error("a message drawn over the status line kept its entries")
	}
}
