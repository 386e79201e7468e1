package server

import (
	"os"
	"path/filepath"
	"testing"
)

// What a %-code puts in a log's name stays one file name, whatever the
// program chose as its title.
func TestLogNameKeepsSubstitutionsInOneName(t *testing.T) {
	home, _ := os.UserHomeDir()
	for _, c := range []struct{ pattern, title, want string }{
		{"logs/%t", "build", "logs/build"},
		{"logs/%t", "../victim", "logs/.._victim"},
		{"logs/%t", "..", "logs/__"},
		{"logs/%t", ".", "logs/_"},
		{"logs/%t", "", "logs/_"},
		{"%t", "~/.bashrc", "__.bashrc"},
		{"logs/%t.%n", "a\nb", "logs/a_b.3"},
		{"%%t-%S", "x", "%t-s_1"},
		{"~/logs/%t", "x", filepath.Join(home, "logs/x")},
	} {
		if got := logName(c.pattern, 3, c.title, "s/1"); got != c.want {
			t.Errorf("logName(%q) with title %q = %q, want %q", c.pattern, c.title, got, c.want)
		}
	}
}
