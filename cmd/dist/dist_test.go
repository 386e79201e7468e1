package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// make dist's archives hold what a release needs, runnable, and the same
// commit makes the same bytes twice; SHA256SUMS says their sums.
func TestDistArchivesReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binaries twice")
	}
	inModuleRoot(t)
	a, b := t.TempDir(), t.TempDir()
	for _, out := range []string{a, b} {
		if err := Make(out, []string{"linux/amd64"}); err != nil {
			t.Fatal(err)
		}
	}
	sums, err := os.ReadFile(filepath.Join(a, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(filepath.Join(b, "SHA256SUMS"))
	if !bytes.Equal(sums, again) {
		t.Fatalf("two builds of one commit differ:\n%s\n%s", sums, again)
	}
	sum, file, ok := strings.Cut(strings.TrimSpace(string(sums)), "  ")
	if !ok || !strings.HasSuffix(file, "-linux-amd64.tar.gz") {
		t.Fatalf("SHA256SUMS: %q", sums)
	}
	archive, err := os.ReadFile(filepath.Join(a, file))
	if err != nil {
		t.Fatal(err)
	}
	if got := sha256.Sum256(archive); hex.EncodeToString(got[:]) != sum {
		t.Fatal("SHA256SUMS does not match the archive")
	}
	top := strings.TrimSuffix(file, ".tar.gz")
	files := untar(t, archive)
	var names []string
	for n := range files {
		names = append(names, strings.TrimPrefix(n, top+"/"))
	}
	slices.Sort(names)
	for _, want := range []string{"LICENSE", "README.md", "licenses.md", "bin/gmux", "bin/gmux-server",
		"share/man/man1/gmux.1", "share/bash-completion/completions/gmux",
		"share/fish/vendor_completions.d/gmux.fish", "share/gmux/gmux.zsh"} {
		if !slices.Contains(names, want) {
			t.Errorf("the archive lacks %s: %q", want, names)
		}
	}
	if !bytes.Contains(files[top+"/share/fish/vendor_completions.d/gmux.fish"], []byte("complete -c gmux")) {
		t.Error("the fish completion is not a fish completion")
	}
	bin := filepath.Join(t.TempDir(), "gmux")
	os.WriteFile(filepath.Join(filepath.Dir(bin), "gmux-server"), files[top+"/bin/gmux-server"], 0o755)
	if err := os.WriteFile(bin, files[top+"/bin/gmux"], 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-v").Output(); err != nil || !strings.HasPrefix(string(out), "gmux version") {
		t.Fatalf("the archive's gmux -v: %v %q", err, out)
	}
}

// untar reads a .tar.gz's regular files by name, checking each is root's.
func untar(t *testing.T, archive []byte) map[string][]byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(archive))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	files := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "root" {
			t.Errorf("%s is not root's: %d:%d %s", h.Name, h.Uid, h.Gid, h.Uname)
		}
		if h.Typeflag == tar.TypeReg {
			b, _ := io.ReadAll(tr)
			files[h.Name] = b
		}
	}
}

// inModuleRoot runs the rest of the test in the module's root, where Make
// and MakeDeb build.
func inModuleRoot(t *testing.T) {
	t.Helper()
	wd, _ := os.Getwd()
	if err := os.Chdir("../.."); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(wd) })
}
