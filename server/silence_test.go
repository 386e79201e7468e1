package server

import (
	"strings"
	"testing"
	"time"

	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
)

// Silence monitoring over the session's clock, moved by the test instead of
// waited for: a window quiet for its wait, shown nowhere, tells the displays
// once and is marked; output puts the watch back by its whole wait.
func TestSilenceOverTheSessionsClock(t *testing.T) {
	s := testSession()
	clock := fakeClock(t, s)
	c := &client{s: s, attached: true} // a display showing no window
	s.clients[c] = true
	w := &window.Window{WindowModel: handover.WindowModel{Number: 3, Title: "build", SilenceWait: 30 * time.Second},
		Pane: pane.Dead(0, vt.New(10, 2, 0)), LastOutput: clock.now}
	s.windows = []*window.Window{w}
	w.WatchSilence(s.host())
	told := func() int {
		n := 0
		for _, m := range s.messageLog {
			if strings.Contains(m.text, "Window 3: silence for 30 seconds") {
				n++
			}
		}
		return n
	}
	clock.pass(20 * time.Second)
	w.LastOutput = clock.now // output: quiet counts from here
	w.SilenceBroken(s.host())
	clock.pass(20 * time.Second) // 40 s from the start, 20 from the output
	if w.Silent || told() != 0 {
		t.Fatalf("silent after 20 s of quiet: %v, told %d times", w.Silent, told())
	}
	clock.pass(11 * time.Second)
	if !w.Silent || told() != 1 {
		t.Fatalf("after 31 s of quiet: silent %v, told %d times, want once", w.Silent, told())
	}
	clock.pass(time.Minute)
	if told() != 1 {
		t.Fatalf("told %d times; once is enough until the window speaks", told())
	}
}
