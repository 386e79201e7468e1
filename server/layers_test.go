package server

import (
	"fmt"
	"io"
	"log"
	"testing"

	"github.com/gmux/gmux/server/copymode"
	"github.com/gmux/gmux/server/handover"
	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/menu"
	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/prompt"
	"github.com/gmux/gmux/server/settings"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
)

func testSession() *session {
	return &session{
		log:     log.New(io.Discard, "", 0),
		events:  make(chan func(), 64),
		clients: map[*client]bool{},
		set: settings.Settings{Escape: 0x01, Literal: 'a', MsgWait: 1 << 40,
			Bindings: map[byte][]string{'x': {"echo", "ran x"}, 0x1b: {"echo", "ran esc"}}},
	}
}

func kinds(ls []layer) string {
	var out string
	for _, l := range ls {
		out += fmt.Sprintf("%T ", l)
	}
	return out
}

// The stack is prompt or menu, command keys, gmux's mouse, copy, window.
func TestLayerOrder(t *testing.T) {
	s := testSession()
	c := &client{s: s, attached: true}
	for _, tc := range []struct {
		setup func()
		want  string
	}{
		{func() {}, "server.commandKeys server.gmuxMouse server.windowInput "},
		{func() { c.copy = &copyMode{} }, "server.commandKeys server.gmuxMouse *server.copyMode server.windowInput "},
		{func() { c.prompt = &prompt.Prompt{} }, "server.promptLayer server.commandKeys server.gmuxMouse *server.copyMode server.windowInput "},
		{func() { c.prompt, c.menu = nil, &menu.List{} }, "server.menuLayer server.commandKeys server.gmuxMouse *server.copyMode server.windowInput "},
	} {
		tc.setup()
		if got := kinds(c.layers()); got != tc.want {
			t.Errorf("layers: %s, want %s", got, tc.want)
		}
	}
}

// The command key and the key after it are taken by the command-key layer,
// whatever the reads; an arrow after it is one key.
func TestCommandKeyLayer(t *testing.T) {
	s := testSession()
	c := &client{s: s, attached: true}
	s.input(c, []byte("\x01"))
	if !c.prefix {
		t.Fatal("the command key did not start a command")
	}
	s.input(c, []byte("x"))
	if c.prefix || c.message != "ran x" {
		t.Fatalf("C-a x: prefix %v, message %q", c.prefix, c.message)
	}
	c.message = ""
	s.input(c, []byte("\x01\x1b"))
	s.input(c, []byte("[A"))
	if c.message != "no command bound to that key" {
		t.Fatalf("C-a and a split arrow: message %q", c.message)
	}
	// A lone ESC after C-a is C-a ESC once the escape time has passed.
	c.message = ""
	s.input(c, []byte("\x01\x1b"))
	c.tok.Flush(func(ev input.Event) { s.dispatch(c, ev) })
	if c.message != "ran esc" {
		t.Fatalf("C-a ESC: message %q", c.message)
	}
}

// In copy mode, keys go to copy mode key by key, but the command key still
// works; a prompt above takes everything.
func TestCopyModeLayerKeepsCommandKey(t *testing.T) {
	s, c := copyModeOnThreeLines()
	s.input(c, []byte("j\x01x"))
	if c.copy == nil || c.copy.CY != 1 || c.message != "ran x" {
		t.Fatalf("copy mode: cy %d, message %q", c.copy.CY, c.message)
	}
	var got string
	c.openPrompt(&prompt.Prompt{Done: func(text string) { got = text }})
	s.input(c, []byte("ab\x01x\r"))
	if got != "xab" || c.prompt != nil { // the prompt takes C-a: to the line's start
		t.Fatalf("prompt got %q", got)
	}
	// screen's way to type C-a there, C-a a, is one C-a too.
	c.openPrompt(&prompt.Prompt{Done: func(text string) { got = text }})
	s.input(c, []byte("ab\x01ax\r"))
	if got != "xab" {
		t.Fatalf("C-a a: prompt got %q", got)
	}
}

// Esc and a key typed right after it arrive as one event (Alt+key): the
// Esc ends a prompt and the key goes on to the layers below, not lost.
func TestKeyAfterPromptEscGoesOn(t *testing.T) {
	s, c := copyModeOnThreeLines()
	c.openPrompt(&prompt.Prompt{Label: "/", Done: func(string) { t.Error("an aborted prompt answered") }})
	s.dispatch(c, input.Event{Kind: input.Key, Bytes: []byte("\x1bj")})
	if c.prompt != nil || c.copy.CY != 1 {
		t.Fatalf("prompt open %v, copy mode's line %d (want 1: the j went on)", c.prompt != nil, c.copy.CY)
	}
}

// copyModeOnThreeLines is a display in copy mode on the lines one, two,
// three, the cursor on the first.
func copyModeOnThreeLines() (*session, *client) {
	s := testSession()
	c := &client{s: s, attached: true}
	sc := vt.New(10, 3, 0)
	sc.Write([]byte("one\r\ntwo\r\nthree"))
	c.copy = &copyMode{Mode: copymode.New(sc.Snapshot(), 10, 3, 0, 0)}
	c.copy.CY = 0
	return s, c
}

// Tab at the select prompt completes a window's title.
func TestSelectPromptCompletesTitles(t *testing.T) {
	s := testSession()
	c := &client{s: s, attached: true}
	for i, title := range []string{"editor", "logs", "logger"} {
		s.windows = append(s.windows, &window.Window{WindowModel: handover.WindowModel{Number: i, Title: title}, Pane: pane.Dead(0, vt.New(10, 2, 0))})
	}
	if _, err := s.runCommand(&cmdContext{s: s, c: c}, []string{"select"}); err != nil || c.prompt == nil {
		t.Fatalf("select opened no prompt: %v", err)
	}
	promptInput(s, c, c.prompt, []byte("ed\t"))
	if got := c.prompt.Edit.Text(); got != "editor " {
		t.Fatalf("ed Tab: %q", got)
	}
	promptInput(s, c, c.prompt, []byte("\x15lo\t"))
	if got, hint := c.prompt.Edit.Text(), c.prompt.Hint; got != "log" || hint != "logger logs" {
		t.Fatalf("lo Tab: %q, shown %q", got, hint)
	}
}

// Tab at C-a : completes a command's name, then a setting's words.
func TestColonPromptCompletesSettings(t *testing.T) {
	s := testSession()
	c := &client{s: s, attached: true}
	if _, err := s.runCommand(&cmdContext{s: s, c: c}, []string{"colon"}); err != nil || c.prompt == nil {
		t.Fatalf("colon opened no prompt: %v", err)
	}
	for _, step := range []struct{ keys, line, hint string }{
		{"altsc\t", "altscreen ", ""},
		{"o\t", "altscreen o", "on off"},
		{"f\t", "altscreen off ", ""},
		{"\x15truecolor \t", "truecolor ", "on off auto"},
		{"\x15defmousetrack o\t", "defmousetrack o", "on off"},
		{"\x15select \t", "select ", ""}, // not a setting
	} {
		promptInput(s, c, c.prompt, []byte(step.keys))
		if got := c.prompt.Edit.Text(); got != step.line || c.prompt.Hint != step.hint {
			t.Fatalf("%q: line %q shown %q, want %q %q", step.keys, got, c.prompt.Hint, step.line, step.hint)
		}
	}
}
