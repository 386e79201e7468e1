package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The settings table: a setting named alone tells its value (-Q), a wrong
// value is refused with the setting's name and changes nothing, and the
// options list is a config file: a second session that reads it lists the
// same values.
func TestOptionsTable(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, `defscrollback 5000
vbell_msg "Ding in %n!"
truecolor off
windowsize largest
msgwait 2.5
slowpaste 7
defwrap off
bell_msg 'say "hi" to $HOME'
`)
	if out, code := e.run("-c", rc, "-dmS", "opts"); code != 0 {
		t.Fatalf("start: %d %s", code, out)
	}
	for name, want := range map[string]string{
		"vbell_msg":     "vbell_msg is 'Ding in %n!'",
		"truecolor":     "truecolor off",
		"windowsize":    "windowsize largest",
		"slowpaste":     "slowpaste is 7 msec",
		"autoupgrade":   "autoupgrade ask",
		"defscrollback": "gmux: usage: defscrollback lines", // a required value is not read back: the options list has it
	} {
		if out, _ := e.run("-S", "opts", "-Q", name); strings.TrimSpace(out) != want {
			t.Errorf("-Q %s: %q, want %q", name, strings.TrimSpace(out), want)
		}
	}
	for _, bad := range [][]string{{"msgwait", "soon"}, {"truecolor", "maybe"}, {"maxwin", "0"}, {"defwrap", "yes"}} {
		out, code := e.run(append([]string{"-S", "opts", "-X"}, bad...)...)
		if code == 0 || !strings.Contains(out, bad[0]+" wants ") {
			t.Errorf("-X %v: %d %q", bad, code, out)
		}
	}
	list, code := e.run("-S", "opts", "-Q", "options")
	if code != 0 {
		t.Fatalf("options: %d %s", code, list)
	}
	for _, line := range []string{
		"defscrollback      5000 ", "msgwait            2.5 ", "defwrap            off ",
		`bell_msg           "say \"hi\" to \$HOME" `, "truecolor          off ",
	} {
		if !strings.Contains(list, line) {
			t.Errorf("the list lacks %q:\n%s", line, list)
		}
	}
	saved := filepath.Join(e.home, "saved-rc")
	if err := os.WriteFile(saved, []byte(list), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, code := e.run("-c", saved, "-dmS", "again"); code != 0 {
		t.Fatalf("the list does not read as a config file: %d %s", code, out)
	}
	if again, _ := e.run("-S", "again", "-Q", "options"); again != list {
		t.Errorf("the list read back differs:\n%s\nfrom:\n%s", again, list)
	}
}
