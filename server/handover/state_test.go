package handover

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gmux/gmux/proto"
)

func sample() *State {
	return &State{
		Writer: "v0.9",
		Session: Session{
			SessionModel: SessionModel{Name: "123.work", Socket: "/tmp/s/123.work", Created: time.Unix(1700000000, 0).UTC(),
				WindowIDs: 3, Buffer: "copied\ttext", Digraphs: map[string]rune{"e'": 'é'}},
			Config: proto.ServerConfig{Name: "work", Argv: []string{"sh"}}, Listener: 5, LastWindow: 2,
			Registers: map[string]string{"a": "x"},
			Messages:  []Message{{At: time.Unix(1700000001, 0).UTC(), Text: "hi"}},
			Backticks: []Backtick{{ID: 1, Lifespan: time.Second, Argv: []string{"date"}, Value: "now"}},
		},
		Settings: []byte(`{"Shell":"/bin/sh"}`),
		Windows: []Window{
			{WindowModel: WindowModel{ID: 1, Number: 0, Argv: []string{"sh"}, Title: "sh"}, PID: 100, PTY: 7,
				Input: []byte("ls\r"), Screen: 0, Log: &Log{File: 9, Path: "gmuxlog.0"}},
			{WindowModel: WindowModel{ID: 2, Number: 1, Status: "exited 0"}, PID: 101, PTY: -1, Exited: true, Screen: 1},
		},
		Clients: []Client{{ID: 4, Version: 1, Hello: proto.Hello{Mode: proto.ModeAttach, Term: "xterm"}, Conn: 8, In: -1, Out: -1,
			Via: -1, TTY: 10, Attached: true, Cols: 80, Rows: 24, Window: 1, Unread: []byte{9, 0},
			Unwritten: []Part{{Terminal: true, B: []byte("\x1b[H")}}}},
		Screens: [][]byte{[]byte("screen one"), bytes.Repeat([]byte{0, 1, 2}, 1<<20)},
	}
}

func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	want := sample()
	if err := Encode(&buf, want); err != nil {
		t.Fatal(err)
	}
	got, err := Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip changed the state:\n got %+v\nwant %+v", got.Session, want.Session)
	}
}

// Every cut and a damaged byte anywhere are refused with ErrState, never a
// panic; versions outside the readable range are named.
func TestRefusesWhatItCannotRead(t *testing.T) {
	var buf bytes.Buffer
	st := sample()
	st.Screens[1] = []byte("short")
	if err := Encode(&buf, st); err != nil {
		t.Fatal(err)
	}
	whole := buf.Bytes()
	for n := 0; n < len(whole); n++ {
		if _, err := Decode(bytes.NewReader(whole[:n])); !errors.Is(err, ErrState) {
			t.Fatalf("cut at %d of %d: %v", n, len(whole), err)
		}
	}
	for i := range whole {
		b := bytes.Clone(whole)
		b[i] ^= 0xff
		if _, err := Decode(bytes.NewReader(b)); err != nil && !errors.Is(err, ErrState) {
			t.Fatalf("damage at %d: %v", i, err)
		}
	}
	newer := bytes.Clone(whole)
	newer[len(magic)] = FormatVersion + 1
	if _, err := Decode(bytes.NewReader(newer)); !errors.Is(err, ErrState) || !bytes.Contains([]byte(err.Error()), []byte("format 2")) {
		t.Fatalf("newer format: %v", err)
	}
	defer func(old string) { oldestReadable = old }(oldestReadable)
	oldestReadable = "2"
	if _, err := Decode(bytes.NewReader(whole)); !errors.Is(err, ErrState) {
		t.Fatalf("format below the oldest readable: %v", err)
	}
}

// A window's fields are named in the state as they always were: the model
// embedded in Window adds no level, and no name changes without a new format
// (a gmux of the previous format must read what this one writes).
func TestWindowFieldNamesInTheState(t *testing.T) {
	got := fieldNames(t, Window{WindowModel: WindowModel{Term: "x"}, Stopped: true, HeldOutput: []byte("x"), Log: &Log{}})
	want := "activity argv bell code exited flow held_output hstatus id input log monitor named number pid pty screen silence_wait silent static_title status stopped term title"
	if got != want {
		t.Errorf("a window's fields in the state:\n got %s\nwant %s", got, want)
	}
}

// The session's fields too keep their names in the state.
func TestSessionFieldNamesInTheState(t *testing.T) {
	got := fieldNames(t, Session{Upgrade: &Upgrade{}, Regions: &Regions{}, Layouts: []Layout{{}}, LayoutAutosaveOff: true})
	want := "activity backticks buffer colon_history config config_errors created digraphs display_colors ever_attached " +
		"last_window layout_attach layout_autosave_off layout_last layouts linger_warning listener messages name panics " +
		"prev_window regions registers scope search_history socket upgrade window_ids"
	if got != want {
		t.Errorf("the session's fields in the state:\n got %s\nwant %s", got, want)
	}
}

// fieldNames are the names v's fields have in the state's JSON, sorted.
func fieldNames(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	if err := json.Unmarshal(b, &fields); err != nil {
		t.Fatal(err)
	}
	var names []string
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, " ")
}
