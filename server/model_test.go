package server

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"net"
	"reflect"
	"testing"
	"time"

	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/lineedit"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
	"golang.org/x/sys/unix"
)

// fillEveryField sets each field of the struct v points to to a value that
// is not its zero, so that a field a round trip loses shows.
func fillEveryField(t *testing.T, v any) {
	t.Helper()
	rv := reflect.ValueOf(v).Elem()
	for i := range rv.NumField() {
		f := rv.Field(i)
		switch {
		case f.Type() == reflect.TypeFor[time.Time]():
			f.Set(reflect.ValueOf(time.Unix(1700000000+int64(i), 0).UTC()))
			continue
		case f.Type() == reflect.TypeFor[map[string]rune]():
			f.Set(reflect.ValueOf(map[string]rune{"e'": 'é'}))
			continue
		case f.Kind() == reflect.Array && f.Type().Elem().Kind() == reflect.String:
			for j := range f.Len() {
				f.Index(j).SetString(fmt.Sprintf("colour-%d", j))
			}
			continue
		}
		switch f.Kind() {
		case reflect.Uint64:
			f.SetUint(uint64(i + 3))
		case reflect.Int, reflect.Int64:
			if f.Type() == reflect.TypeFor[time.Duration]() {
				f.SetInt(int64(7 * time.Second))
			} else {
				f.SetInt(int64(i + 3))
			}
		case reflect.Bool:
			f.SetBool(true)
		case reflect.String:
			f.SetString(rv.Type().Field(i).Name + "-value")
		case reflect.Slice:
			if f.Type().Elem().Kind() != reflect.String {
				t.Fatalf("fill %s: a new kind of field", rv.Type().Field(i).Name)
			}
			f.Set(reflect.ValueOf([]string{"prog", "arg"}))
		default:
			t.Fatalf("fill %s: a new kind of field (%s)", rv.Type().Field(i).Name, f.Kind())
		}
	}
}

// Everything the session records of a window survives a live upgrade: the
// window's model goes into the state and comes back whole, and so do the
// flow-control hold and the output it held.
func TestAWindowsModelSurvivesTheHandOver(t *testing.T) {
	s := testSession()
	s.colonHistory, s.searchHistory = lineedit.NewHistory(1), lineedit.NewHistory(1)
	w := &window.Window{Pane: pane.Dead(4242, vt.New(20, 3, 10))}
	fillEveryField(t, &w.WindowModel)
	w.Close() // an ended program's window: no descriptor to hand over
	w.Gate.Hold()
	w.HeldOutput = []byte("held")
	s.windows = []*window.Window{w}
	st, err := s.captureState(false)
	if err != nil {
		t.Fatal(err)
	}
	screen, err := vt.Restore(st.Screens[st.Windows[0].Screen])
	if err != nil {
		t.Fatal(err)
	}
	back := testSession().resumeWindow(st.Windows[0], screen)
	if !reflect.DeepEqual(back.WindowModel, w.WindowModel) {
		t.Errorf("the model changed across the hand-over:\n got %+v\nwant %+v", back.WindowModel, w.WindowModel)
	}
	if back.PID != w.PID || !back.Exited || !back.Gate.Held() || string(back.HeldOutput) != "held" {
		t.Errorf("pid %d exited %v held %v %q; want %d, true, true, \"held\"", back.PID, back.Exited, back.Gate.Held(), back.HeldOutput, w.PID)
	}
	if c, r := back.Screen.Size(); c != 20 || r != 3 {
		t.Errorf("screen %dx%d, want 20x3", c, r)
	}
}

// Everything the session records of itself survives a live upgrade: its
// model goes into the state, through the encoding, and comes back whole.
func TestTheSessionsModelSurvivesTheHandOver(t *testing.T) {
	s := testSession()
	s.colonHistory, s.searchHistory = lineedit.NewHistory(1), lineedit.NewHistory(1)
	fillEveryField(t, &s.SessionModel)
	ln, err := net.Listen("unix", t.TempDir()+"/sock")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	s.ln = ln
	st, err := s.captureState(false)
	if err != nil {
		t.Fatal(err)
	}
	// The next server's own copy of the listener, as exec would leave it.
	if st.Session.Listener, err = unix.Dup(st.Session.Listener); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := handover.Encode(&buf, st); err != nil {
		t.Fatal(err)
	}
	d, err := decodeState(&buf)
	if err != nil {
		t.Fatal(err)
	}
	back := resumeSession(d, log.New(io.Discard, "", 0))
	defer func() {
		back.ln.Close()
		unix.Close(int(back.reserve.Load()))
		for _, f := range back.handedOver {
			f.Close()
		}
	}()
	if !reflect.DeepEqual(back.SessionModel, s.SessionModel) {
		t.Errorf("the model changed across the hand-over:\n got %+v\nwant %+v", back.SessionModel, s.SessionModel)
	}
}
