package server

import (
	"os"
	"testing"
)

// Read from the system's terminfo (ncurses-base has these entries): screen's
// standout is SGR 3, xterm's and tmux's is reverse (SGR 3 is italics there).
func TestItalicIsStandoutByTerminfo(t *testing.T) {
	if _, ok := terminfoStandout("xterm-256color"); !ok {
		t.Skip("no compiled terminfo on this machine")
	}
	for term, want := range map[string]string{"screen-256color": "\x1b[3m", "xterm-256color": "\x1b[7m"} {
		if got, ok := terminfoStandout(term); !ok || got != want {
			t.Errorf("%s: smso %q %v, want %q", term, got, ok, want)
		}
	}
	for term, want := range map[string]bool{
		"screen": true, "screen-256color": true, "xterm-256color": false,
		"tmux-256color": false, "linux": false,
	} {
		if got := italicIsStandout(term); got != want {
			smso, _ := terminfoStandout(term)
			t.Errorf("%s: standout %v (smso %q), want %v", term, got, smso, want)
		}
	}
}

func TestItalicIsStandoutWithoutTerminfo(t *testing.T) {
	t.Setenv("TERMINFO_DIRS", t.TempDir())
	t.Setenv("TERMINFO", "")
	t.Setenv("HOME", t.TempDir())
	for term, want := range map[string]bool{"screen-256color": true, "screen": true, "xterm": false, "": false, "../x": false} {
		if got := italicIsStandout(term); got != want {
			t.Errorf("%q without terminfo: %v, want %v", term, got, want)
		}
	}
	// A damaged entry is not read as one.
	dir := t.TempDir()
	os.MkdirAll(dir+"/s", 0o755)
	os.WriteFile(dir+"/s/screen-x", []byte{0x1a, 0x01, 0xff, 0x7f, 1, 0, 1, 0, 200, 0, 10, 0}, 0o644)
	t.Setenv("TERMINFO", dir)
	if _, ok := terminfoStandout("screen-x"); ok {
		t.Error("a damaged entry was read")
	}
}
