package server

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/gmux/gmux/server/pane"
	"github.com/gmux/gmux/server/vt"
	"github.com/gmux/gmux/server/window"
)

func TestSplitCommand(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"select 1", []string{"select", "1"}},
		{"  bind  c   screen  ", []string{"bind", "c", "screen"}},
		{`stuff "echo hi\n"`, []string{"stuff", "echo hi\n"}},
		{`title 'a "b" c'`, []string{"title", `a "b" c`}},
		{`echo a\ b`, []string{"echo", `a\`, "b"}}, // as screen: only the listed escapes
		{"escape ^Bb # comment", []string{"escape", "\x02b"}},
		{`stuff "a\101\033[A^M^?\e"`, []string{"stuff", "aA\x1b[A\r\x7f\x1b"}},
		{`stuff 'no\n^M'`, []string{"stuff", `no\n^M`}},
		{`echo "a b"c'd e'`, []string{"echo", "a bcd e"}},
		{`echo \"x\$y\#z\^`, []string{"echo", `"x$y#z^`}},
		{`echo a#b`, []string{"echo", "a#b"}},
		{"# only a comment", nil},
		{`echo "x"y'z'`, []string{"echo", "xyz"}},
	}
	for _, tc := range tests {
		got, err := splitCommand(tc.in)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitCommand(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{`echo "open`, `echo 'open`} {
		if _, err := splitCommand(bad); err == nil {
			t.Errorf("splitCommand(%q) accepted", bad)
		}
	}
}

func TestSplitCommandVariables(t *testing.T) {
	env := map[string]string{"HOME": "/home/u", "X": "1"}
	got, err := splitCommandEnv(`chdir $HOME/src ${X}y '$HOME' "$X" \$X`, func(k string) string { return env[k] })
	want := []string{"chdir", "/home/u/src", "1y", "$HOME", "1", "$X"}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, %v; want %q", got, err, want)
	}
}

func TestParseKey(t *testing.T) {
	for name, want := range map[string]byte{"a": 'a', "^A": 1, "^a": 1, "^?": 0x7f, `\\`: '\\', `\001`: 1, "^[": 0x1b} {
		got, err := parseKey(name)
		if err != nil || got != want {
			t.Errorf("parseKey(%q) = %d, %v; want %d", name, got, err, want)
		}
		if back, _ := parseKey(keyName(got)); back != got && keyName(got) != "space" {
			t.Errorf("keyName(%d) = %q does not parse back", got, keyName(got))
		}
	}
	for _, bad := range []string{"", "ab", "^1x", `\999`} {
		if _, err := parseKey(bad); err == nil {
			t.Errorf("parseKey(%q) accepted", bad)
		}
	}
}

// Every default binding must name a command in the table, with arguments it
// accepts, so no key is bound to nothing.
func TestDefaultBindingsNameCommands(t *testing.T) {
	for key, line := range defaultBindings {
		args, err := splitCommand(line)
		if err != nil || len(args) == 0 {
			t.Fatalf("binding %q: %q does not parse", key, line)
		}
		cmd, ok := commandTable[args[0]]
		if !ok {
			t.Errorf("binding %q runs unknown command %q", key, args[0])
			continue
		}
		if n := len(args) - 1; n < cmd.minArgs || (cmd.maxArgs >= 0 && n > cmd.maxArgs) {
			t.Errorf("binding %q: %q has a wrong argument count", key, line)
		}
	}
}

func TestCommandTableComplete(t *testing.T) {
	for _, name := range commandNames() {
		c := commandTable[name]
		if c.help == "" || c.run == nil {
			t.Errorf("command %q lacks help or a function", name)
		}
		if strings.ContainsAny(c.name, " \t") {
			t.Errorf("command name %q has blanks", c.name)
		}
	}
}

func FuzzSplitCommand(f *testing.F) {
	for _, s := range []string{`bind c screen -t "a b"`, `stuff "\e[A"`, `'x'"y"\z # c`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args, err := splitCommand(line)
		if err != nil {
			return
		}
		for _, a := range args {
			if len(a) > len(line) {
				t.Fatalf("argument %q longer than the line %q", a, line)
			}
		}
	})
}

// screen's commands that gmux lacks are accepted (no meaning here) or say
// they are not yet supported; none is also in the table.
func TestScreenCommandsKnown(t *testing.T) {
	for name := range screenNoEffect {
		if _, dup := commandTable[name]; dup {
			t.Errorf("%s is both a command and accepted without effect", name)
		}
		if known, err := screenCommand(name); !known || err != nil {
			t.Errorf("%s: %v %v", name, known, err)
		}
	}
	for name := range screenToCome {
		if _, dup := commandTable[name]; dup {
			t.Errorf("%s is both a command and not yet supported", name)
		}
		if known, err := screenCommand(name); !known || !errors.Is(err, ErrNotYetSupported) {
			t.Errorf("%s: %v %v", name, known, err)
		}
	}
	if known, _ := screenCommand("nosuchthing"); known {
		t.Error("an unknown name is known")
	}
}

// Every one of screen 4.9's commands is gmux's, another name for one of
// gmux's, accepted without effect or said to be coming; and the lists name
// nothing screen does not have.
func TestEveryScreenCommandKnown(t *testing.T) {
	isScreen := map[string]bool{}
	for _, name := range screenCommands {
		isScreen[name] = true
		_, own := commandTable[name]
		_, alias := screenAliases[name]
		if known, _ := screenCommand(name); !own && !alias && !known {
			t.Errorf("screen's %s is an unknown command here", name)
		}
	}
	for _, m := range []map[string]string{screenNoEffect, screenToCome, screenAliases} {
		for name := range m {
			if !isScreen[name] {
				t.Errorf("%s is listed as screen's, but screen 4.9 has no such command", name)
			}
		}
	}
}

// A command that acts on a window says there is none, before it runs, when
// there is none (from -X in a session whose windows all closed), and one that
// needs the window's program says so when it has ended.
func TestCommandTargetsChecked(t *testing.T) {
	s := testSession()
	dead := &window.Window{Pane: pane.Dead(0, vt.New(10, 5, 0))}
	dead.Exited = true
	checked := 0
	for _, name := range commandNames() {
		cmd := commandTable[name]
		if cmd.target == anyTarget {
			continue
		}
		checked++
		args := []string{name}
		for range cmd.minArgs {
			args = append(args, "1")
		}
		if _, err := s.runCommand(&cmdContext{s: s, shell: true}, args); err == nil || err.Error() != "no window" {
			t.Errorf("%s with no window: %v", name, err)
		}
		if cmd.target == programTarget {
			if _, err := s.runCommand(&cmdContext{s: s, w: dead, shell: true}, args); err == nil || err.Error() != "no window" {
				t.Errorf("%s in a window whose program ended: %v", name, err)
			}
		}
	}
	if checked < 10 {
		t.Fatalf("only %d commands name a window as their target", checked)
	}
}
