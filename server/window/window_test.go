package window

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/sched"
	"github.com/gmux/gmux/server/vt"
)

// testHost is a session as a window sees it, on a clock the test moves.
type testHost struct {
	sched.Scheduler
	now       time.Time
	shown     bool
	told      []string
	marks     int
	silent    int
	attention []string
	settings  Settings
}

func newTestHost(t *testing.T) *testHost {
	h := &testHost{now: time.Unix(1700000000, 0)}
	h.Clock = func() time.Time { return h.now }
	h.Fire = func() {}
	t.Cleanup(h.Stop)
	return h
}

// pass moves the clock by d and runs what is due, as the loop would.
func (h *testHost) pass(d time.Duration) {
	h.now = h.now.Add(d)
	h.RunDue()
}

func (h *testHost) Post(f func())          { f() }
func (h *testHost) Settings() Settings     { return h.settings }
func (h *testHost) Logf(string, ...any)    {}
func (h *testHost) Tell(msg string)        { h.told = append(h.told, msg) }
func (h *testHost) Output(*Window, []byte) {}
func (h *testHost) Show(*Window, []byte)   {}
func (h *testHost) Shown(*Window) bool     { return h.shown }
func (h *testHost) MarksChanged()          { h.marks++ }
func (h *testHost) Silent(*Window)         { h.silent++ }
func (h *testHost) Stamp(*Window) string   { return "--stamp--\n" }
func (h *testHost) Env(*Window) []string   { return nil }
func (h *testHost) Attention(w *Window, bell bool) {
	h.attention = append(h.attention, fmt.Sprintf("%d bell=%v", w.Number, bell))
}

func testWindow() *Window {
	return &Window{Pane: pane.Dead(0, vt.New(20, 5, 0)), WindowModel: handover.WindowModel{Number: 3, ID: 7}}
}

// A window monitored for silence tells once, after its wait of quiet, and
// only while no display shows it; output starts the watch again.
func TestSilenceTold(t *testing.T) {
	h := newTestHost(t)
	w := testWindow()
	w.SilenceWait, w.LastOutput = 30*time.Second, h.now
	w.WatchSilence(h)
	h.pass(29 * time.Second)
	if h.silent != 0 {
		t.Fatal("told before its wait")
	}
	h.pass(2 * time.Second)
	if h.silent != 1 || !w.Silent {
		t.Fatalf("after its wait: told %d times, silent %v", h.silent, w.Silent)
	}
	h.pass(time.Minute)
	if h.silent != 1 {
		t.Fatal("told twice for one silence")
	}
	w.LastOutput = h.now
	w.SilenceBroken(h)
	if w.Silent || h.marks != 1 {
		t.Fatalf("output did not end the silence (silent %v, marks redrawn %d)", w.Silent, h.marks)
	}
	h.shown = true
	h.pass(31 * time.Second)
	if h.silent != 1 {
		t.Fatal("told of silence in a window a display shows")
	}
}

// A bell in a hidden window marks it and is told; output in a monitored one
// is activity, told once; a display showing it clears the marks.
func TestAttentionMarks(t *testing.T) {
	h := newTestHost(t)
	w := testWindow()
	w.HiddenAttention(h, 1)
	w.Monitor = true
	w.HiddenAttention(h, 0)
	w.HiddenAttention(h, 0) // activity is told once
	if !w.Bell || !w.Activity || strings.Join(h.attention, ", ") != "3 bell=true, 3 bell=false" {
		t.Fatalf("bell %v activity %v told %q", w.Bell, w.Activity, h.attention)
	}
	w.Seen(h)
	if w.Bell || w.Activity || h.marks != 1 {
		t.Fatalf("seen: bell %v activity %v marks %d", w.Bell, w.Activity, h.marks)
	}
}

// With flow on, C-s and C-q are the window's own: taken out of the input,
// they stop and start its output; with flow auto they are the program's.
func TestFlowKeys(t *testing.T) {
	h := newTestHost(t)
	w := testWindow()
	if got := w.FlowKeys(h, []byte("a\x13b")); string(got) != "a\x13b" || w.Gate.Held() {
		t.Fatalf("flow auto took the keys: %q, held %v", got, w.Gate.Held())
	}
	w.Flow = FlowOn
	if got := w.FlowKeys(h, []byte("a\x13b")); string(got) != "ab" || !w.Gate.Held() {
		t.Fatalf("flow on, C-s: %q, held %v", got, w.Gate.Held())
	}
	if !w.HoldOutput([]byte("kept")) || !bytes.Equal(w.HeldOutput, []byte("kept")) {
		t.Fatal("output read before C-s was not kept")
	}
	if got := w.FlowKeys(h, []byte("\x11")); len(got) != 0 || w.Gate.Held() || w.HeldOutput != nil {
		t.Fatalf("flow on, C-q: %q, held %v, kept %q", got, w.Gate.Held(), w.HeldOutput)
	}
}

// What is typed while a paste waits for its program to be quiet goes after
// the paste, in order; the paste goes at once after a pause.
func TestInputWaitsBehindAPaste(t *testing.T) {
	h := newTestHost(t)
	w := testWindow()
	w.LastOutput = time.Now() // the program is not quiet yet
	w.Paste(h, []byte("pasted"))
	w.Send([]byte(" typed"))
	if got := string(w.HeldInput()); got != "pasted typed" {
		t.Fatalf("held %q", got)
	}
	quiet := testWindow()
	quiet.LastInput = time.Now().Add(-time.Second)
	quiet.Paste(h, []byte("at once"))
	if got := quiet.HeldInput(); len(got) != 0 {
		t.Fatalf("a paste after a pause waited: %q", got)
	}
}

// A slow paste goes a character at a time, with the bracketed paste marks
// whole; a paste never carries its own end mark.
func TestPastePieces(t *testing.T) {
	got := slowPieces([]byte("é\x1b[201~x"), true)
	var parts []string
	for _, p := range got {
		parts = append(parts, string(p))
	}
	if want := []string{pasteStart, "é", "x", pasteEnd}; strings.Join(parts, "|") != strings.Join(want, "|") {
		t.Fatalf("pieces %q, want %q", parts, want)
	}
	if got := withoutPasteEnd([]byte("a\x1b[20\x1b[201~1~b")); string(got) != "ab" {
		t.Fatalf("an end mark made by taking one out is left: %q", got)
	}
}

// A program that reads none of its input for pane.InputStall while a display
// waits loses what waits, the display reads on, and every display is told.
func TestStalledInputTold(t *testing.T) {
	h := newTestHost(t)
	w := testWindow()
	w.Input.Push(make([]byte, pane.InputHigh+1))
	w.SetClock(h.Clock)
	w.AddWaiter(waiterFunc(func() {}))
	w.WatchStall(h)
	for range int(pane.InputStall/time.Second) + 1 {
		h.pass(time.Second)
	}
	if !w.Stalled || w.Waiting() || len(h.told) != 1 || !strings.Contains(h.told[0], "Window 3: its program read no input") {
		t.Fatalf("stalled %v, waiting %v, told %q", w.Stalled, w.Waiting(), h.told)
	}
}

type waiterFunc func()

func (f waiterFunc) GiveCredit() { f() }
