package window

import (
	"testing"
)

// What a %-code puts in a log's name stays one file name, whatever the
// program chose as its title.
func TestLogNameKeepsSubstitutionsInOneName(t *testing.T) {
	for _, c := range []struct{ pattern, title, want string }{
		{"logs/%t", "build", "logs/build"},
		{"logs/%t", "../victim", "logs/.._victim"},
		{"logs/%t", "..", "logs/__"},
		{"logs/%t", ".", "logs/_"},
		{"logs/%t", "", "logs/_"},
		{"%t", "~/.bashrc", "__.bashrc"},
		{"logs/%t.%n", "a\nb", "logs/a_b.3"},
		{"%%t-%S", "x", "%t-s_1"},
		{"~/logs/%t", "~", "~/logs/_"}, // the caller expands its own ~
	} {
		if got := LogName(c.pattern, 3, c.title, "s/1"); got != c.want {
			t.Errorf("LogName(%q) with title %q = %q, want %q", c.pattern, c.title, got, c.want)
		}
	}
}
