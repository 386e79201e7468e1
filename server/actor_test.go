package server

import (
	"strings"
	"testing"

	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
)

// A read-only guest's display looks and switches, and changes nothing:
// its keys, pastes and middle clicks reach no program, commands that are
// not the guest's are refused with a reason, and its copies stay out of the
// session's paste buffer. Its owner's -X still runs anything on it.
func TestAGuestDisplayIsReadOnly(t *testing.T) {
	s := testSession()
	w0 := &window.Window{WindowModel: handover.WindowModel{Number: 0, Title: "sh"}, Pane: pane.Dead(0, vt.New(10, 2, 0))}
	w1 := &window.Window{WindowModel: handover.WindowModel{Number: 1, Title: "vi"}, Pane: pane.Dead(0, vt.New(10, 2, 0))}
	s.windows = []*window.Window{w0, w1}
	c := &client{s: s} // not attached: nothing is drawn
	c.win, c.guest = w0, true
	s.clients[c] = true

	s.sendInput(c, []byte("rm -rf ~\r"))
	if c.fed != nil {
		t.Error("a guest's keys reached the window")
	}
	for _, args := range [][]string{{"kill"}, {"stuff", "x"}, {"title", "mine"}, {"quit"}} {
		_, err := s.runCommand(&cmdContext{s: s, c: c, w: c.win}, args)
		if err == nil || !strings.Contains(err.Error(), "read-only") {
			t.Errorf("%v on a guest's display: %v, want read-only", args, err)
		}
	}
	if _, err := s.runCommand(&cmdContext{s: s, c: c, w: c.win}, []string{"next"}); err != nil || c.win != w1 {
		t.Errorf("next on a guest's display: %v, showing window %d", err, c.win.Number)
	}
	s.Buffer = "theirs"
	s.keepCopy(c, "mine")
	if s.Buffer != "theirs" {
		t.Errorf("a guest's copy replaced the buffer: %q", s.Buffer)
	}
	// -X is the session's owner, whichever display it acts on.
	if _, err := s.runCommand(&cmdContext{s: s, c: c, w: c.win, shell: true}, []string{"title", "set"}); err != nil || w1.Title != "set" {
		t.Errorf("-X title on a guest's display: %v, title %q", err, w1.Title)
	}

	c.guest = false
	s.sendInput(c, []byte("x"))
	if c.fed != c.win {
		t.Error("an owner's keys did not reach the window")
	}
}
