package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// Every module the binaries link has its licence in docs/licenses.md, and
// the list names no module they do not link: a dependency cannot come in
// without its licence checked.
func TestLicencesListEveryDependency(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{.Path}}{{end}}", ".", "../gmux-server").Output()
	if err != nil {
		t.Fatal(err)
	}
	var linked []string
	for _, m := range strings.Fields(string(out)) {
		if m != "github.com/gmux/gmux" && !slices.Contains(linked, m) {
			linked = append(linked, m)
		}
	}
	doc, err := os.ReadFile("../../docs/licenses.md")
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, line := range strings.Split(string(doc), "\n") {
		if cells := strings.Split(line, "|"); len(cells) > 3 && strings.Contains(cells[1], ".") {
			listed = append(listed, strings.TrimSpace(cells[1]))
		}
	}
	for _, m := range linked {
		if !slices.Contains(listed, m) {
			t.Errorf("%s is linked but its licence is not in docs/licenses.md", m)
		}
	}
	for _, m := range listed {
		if !slices.Contains(linked, m) {
			t.Errorf("docs/licenses.md lists %s, which the binaries do not link", m)
		}
	}
	if _, err := os.Stat("../../LICENSE"); err != nil {
		t.Error("no LICENSE file")
	}
}
