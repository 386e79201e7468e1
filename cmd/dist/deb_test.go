package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// make deb's package installs, runs and removes cleanly, its files where
// Debian puts them; lintian (where installed: .ci/run installs it) finds
// nothing. It is installed into a root of its own (dpkg --root), never into
// the machine's.
func TestDebInstallsRunsRemoves(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binaries")
	}
	for _, tool := range []string{"dpkg-deb", "dpkg"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (a Debian machine has it)", tool)
		}
	}
	inModuleRoot(t)
	deb, err := MakeDeb(t.TempDir(), goEnv("GOARCH"))
	if err != nil {
		t.Fatal(err)
	}
	contents, err := exec.Command("dpkg-deb", "--contents", deb).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"./usr/bin/gmux", "./usr/bin/gmux-server", "./usr/share/man/man1/gmux.1.gz",
		"./usr/share/bash-completion/completions/gmux", "./usr/share/fish/vendor_completions.d/gmux.fish",
		"./usr/share/doc/gmux/copyright", "./usr/lib/systemd/user/gmux@.service"} {
		if !strings.Contains(string(contents), want+"\n") {
			t.Errorf("the package lacks %s:\n%s", want, contents)
		}
	}
	root := t.TempDir()
	for _, d := range []string{"var/lib/dpkg/updates", "var/lib/dpkg/info"} {
		os.MkdirAll(filepath.Join(root, d), 0o755)
	}
	os.WriteFile(filepath.Join(root, "var/lib/dpkg/status"), nil, 0o644)
	dpkg := func(args ...string) {
		t.Helper()
		args = append([]string{"--root=" + root, "--force-not-root", "--force-script-chrootless"}, args...)
		if out, err := exec.Command("dpkg", args...).CombinedOutput(); err != nil {
			t.Fatalf("dpkg %v: %v\n%s", args, err, out)
		}
	}
	dpkg("-i", deb)
	if out, err := exec.Command(filepath.Join(root, "usr/bin/gmux"), "-v").Output(); err != nil || !strings.HasPrefix(string(out), "gmux version") {
		t.Fatalf("the installed gmux -v: %v %q", err, out)
	}
	dpkg("-r", "gmux")
	var left []string
	filepath.WalkDir(filepath.Join(root, "usr"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			left = append(left, path)
		}
		return nil
	})
	if len(left) > 0 {
		t.Errorf("dpkg -r left %q", left)
	}
	if lintian, err := exec.LookPath("lintian"); err == nil {
		out, _ := exec.Command(lintian, deb).CombinedOutput()
		var tags []string
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(l, "E: ") || strings.HasPrefix(l, "W: ") {
				tags = append(tags, l)
			}
		}
		if len(tags) > 0 {
			t.Errorf("lintian:\n%s", strings.Join(tags, "\n"))
		}
	}
}
