package cli

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestParseFlags(t *testing.T) {
	tests := []struct {
		argv []string
		want flags
	}{
		{[]string{"-dmS", "name", "cmd", "-x"}, flags{detach: true, detached: true, name: "name", args: []string{"cmd", "-x"}}},
		{[]string{"-d", "-r", "work"}, flags{detach: true, resume: true, args: []string{"work"}}},
		{[]string{"-D", "-R"}, flags{powerDetach: true, resumeOr: true, args: []string{}}},
		{[]string{"-Sfoo", "-X", "select", "1"}, flags{name: "foo", command: true, args: []string{"select", "1"}}},
		{[]string{"-S", "x", "-p", "3", "-X", "kill"}, flags{name: "x", command: true, window: 3, args: []string{"kill"}}},
		{[]string{"-ls"}, flags{list: true, args: []string{}}},
		{[]string{"-list", "foo"}, flags{list: true, args: []string{"foo"}}},
		{[]string{"-h", "5000", "vim"}, flags{scrollback: 5000, args: []string{"vim"}}},
		{[]string{"-h"}, flags{help: true, args: []string{}}},
		{[]string{"-e^Bb", "-t", "top", "top"}, flags{escape: "^Bb", title: "top", args: []string{"top"}}},
		{[]string{"--", "-weird"}, flags{args: []string{"-weird"}}},
	}
	for _, tc := range tests {
		got, err := parseFlags(tc.argv)
		if err != nil {
			t.Errorf("%q: %v", tc.argv, err)
			continue
		}
		if tc.want.window == 0 {
			tc.want.window = -1
		}
		if !reflect.DeepEqual(*got, tc.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tc.argv, *got, tc.want)
		}
	}
	for _, bad := range [][]string{{"-S"}, {"-Z"}, {"-p", "x", "-X", "kill"}, {"-h", "-3"}} {
		if _, err := parseFlags(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestParseEscape(t *testing.T) {
	for in, want := range map[string][2]byte{"^Bb": {2, 'b'}, "^aa": {1, 'a'}, "``": {'`', '`'}} {
		c, l, err := parseEscape(in)
		if err != nil || c != want[0] || l != want[1] {
			t.Errorf("parseEscape(%q) = %d %d %v", in, c, l, err)
		}
	}
	if _, _, err := parseEscape("^B"); err == nil {
		t.Error("one key accepted")
	}
}

// Every flag in the usage text is documented in the guide and the man page.
func TestFlagsDocumented(t *testing.T) {
	guide, err := os.ReadFile("../../docs/guide.md")
	if err != nil {
		t.Fatal(err)
	}
	man, err := os.ReadFile("../../docs/gmux.1")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^(-[A-Za-z]+)`)
	for _, m := range re.FindAllStringSubmatch(usage, -1) {
		flag := m[1]
		if !strings.Contains(string(guide), "`"+flag) {
			t.Errorf("guide.md does not document %s", flag)
		}
		if !strings.Contains(string(man), strings.ReplaceAll(flag, "-", `\-`)) {
			t.Errorf("gmux.1 does not document %s", flag)
		}
	}
}

func TestQueryIsCommand(t *testing.T) {
	f, err := parseFlags([]string{"-S", "w", "-Q", "windows"})
	if err != nil || !f.command || f.name != "w" || len(f.args) != 1 || f.args[0] != "windows" {
		t.Fatalf("-Q: %+v %v", f, err)
	}
}
