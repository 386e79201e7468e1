package pane

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/gmux/gmux/server/park"
)

// loop is a test's session loop: it runs what the pane's goroutines send,
// and records what they told it.
type loop struct {
	Loop
	output strings.Builder
	ended  string
	code   int
	over   bool
	writes int
}

func newLoop() *loop {
	return &loop{Loop: Loop{Events: make(chan func()), Bulk: make(chan func()), Freeze: &park.Freeze{}}}
}

func (l *loop) events() Events {
	return Events{
		Output:  func(b []byte) { l.output.Write(b) },
		Written: func() { l.writes++ },
		Exited:  func(status string, code int) { l.ended, l.code, l.over = status, code, true },
	}
}

// until runs the loop's events until done says so, or fails the test.
func (l *loop) until(t *testing.T, what string, done func() bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for !done() {
		select {
		case f := <-l.Events:
			f()
		case f := <-l.Bulk:
			f()
		case <-deadline:
			t.Fatalf("no %s; output so far %q", what, l.output.String())
		}
	}
}

func start(t *testing.T, l *loop, argv ...string) *Pane {
	t.Helper()
	p, err := Start(exec.Command(argv[0], argv[1:]...), 40, 5, 100, true)
	if err != nil {
		t.Fatal(err)
	}
	p.Run(l.Loop, l.events())
	t.Cleanup(func() {
		p.Terminate()
		<-p.Reaped()
	})
	return p
}

func TestAPaneRunsItsProgramAndSaysHowItEnded(t *testing.T) {
	l := newLoop()
	p := start(t, l, "sh", "-c", "read line; echo got:$line; exit 7")
	p.Deliver([]byte("hello\r"))
	l.until(t, "echo of the input", func() bool { return strings.Contains(l.output.String(), "got:hello") })
	l.until(t, "end", func() bool { return l.over })
	if l.ended != "exited 7" || l.code != 7 {
		t.Errorf("ended %q, code %d; want exited 7", l.ended, l.code)
	}
	p.Close()
	if !p.Exited {
		t.Error("a closed pane is Exited")
	}
	p.Deliver([]byte("more")) // nothing reads it: dropped, no panic
}

func TestResizeReachesTheProgram(t *testing.T) {
	l := newLoop()
	p := start(t, l, "sh", "-c", "read x; stty size")
	p.Resize(33, 9)
	if c, r := p.Screen.Size(); c != 33 || r != 9 {
		t.Errorf("screen %dx%d, want 33x9", c, r)
	}
	p.Deliver([]byte("\r"))
	l.until(t, "the new size", func() bool { return strings.Contains(l.output.String(), "9 33") })
}

// The gate holds the reader while flow control stopped the output: what the
// program writes meanwhile comes when it opens. (A reader already in its read
// when the gate closes passes that one read on; the session holds it.)
func TestTheGateHoldsOutput(t *testing.T) {
	l := newLoop()
	p, err := Start(exec.Command("sh", "-c", "echo early; sleep 60"), 40, 5, 100, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		p.Terminate()
		<-p.Reaped()
	})
	p.Gate.Hold()
	p.Run(l.Loop, l.events())
	held := time.After(200 * time.Millisecond) // the absence of output can only be waited for
	for waiting := true; waiting; {
		select {
		case f := <-l.Events:
			f()
		case <-held:
			waiting = false
		}
	}
	if l.output.Len() > 0 {
		t.Fatalf("output came through a held gate: %q", l.output.String())
	}
	p.Gate.Release()
	l.until(t, "output after the gate opened", func() bool { return strings.Contains(l.output.String(), "early") })
}

// A freeze parks the reader and the writer; the input that waits stays in
// the queue for the next server, and lifting the freeze lets it through.
func TestAFreezeParksTheGoroutines(t *testing.T) {
	l := newLoop()
	p := start(t, l, "cat")
	l.Freeze.Start()
	now := time.Now()
	p.PTY.SetReadDeadline(now)
	p.PTY.SetWriteDeadline(now)
	p.Input.Interrupt()
	deadline := time.Now().Add(10 * time.Second)
	for !p.AtRest() {
		if time.Now().After(deadline) {
			t.Fatal("the pane's goroutines never parked")
		}
		time.Sleep(time.Millisecond)
	}
	p.Input.Push([]byte("queued\r"))
	if got := string(p.Input.Pending()); got != "queued\r" {
		t.Errorf("pending %q during the freeze", got)
	}
	p.PTY.SetReadDeadline(time.Time{})
	p.PTY.SetWriteDeadline(time.Time{})
	l.Freeze.Lift()
	l.until(t, "the queued input's echo", func() bool { return strings.Contains(l.output.String(), "queued") })
}

// A stalled program's queue takes no more than InputHigh; the rest is
// counted as dropped.
func TestAStalledPaneDropsPastTheHighMark(t *testing.T) {
	l := newLoop()
	p := start(t, l, "sleep", "60") // never reads
	p.Stalled = true
	big := make([]byte, 2*InputHigh)
	for i := range big {
		big[i] = 'x'
	}
	p.Deliver(big)
	if p.Input.Len() > InputHigh {
		t.Errorf("queued %d bytes, more than InputHigh", p.Input.Len())
	}
	if p.Dropped == 0 {
		t.Error("nothing counted as dropped")
	}
}

// A pane whose program never started signals nobody: with no PID, a hang-up
// would otherwise go to the server's own process group.
func TestADeadPaneSignalsNobody(t *testing.T) {
	p := Dead(0, nil)
	p.Hangup()
	p.Terminate()
	if !p.AtRest() {
		t.Error("a dead pane's goroutines are at rest: it has none")
	}
}
