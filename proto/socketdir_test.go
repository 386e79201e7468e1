package proto

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestSocketDirChecks(t *testing.T) {
	base := t.TempDir()
	good := filepath.Join(base, "good")
	if err := EnsureSocketDir(good); err != nil {
		t.Fatalf("fresh dir refused: %v", err)
	}
	if fi, _ := os.Stat(good); fi.Mode().Perm() != 0o700 {
		t.Fatalf("created with mode %o", fi.Mode().Perm())
	}
	open := filepath.Join(base, "open")
	os.Mkdir(open, 0o755)
	os.Chmod(open, 0o755)
	link := filepath.Join(base, "link")
	os.Symlink(good, link)
	file := filepath.Join(base, "file")
	os.WriteFile(file, nil, 0o600)
	for _, dir := range []string{open, link, file} {
		if err := EnsureSocketDir(dir); !errors.Is(err, ErrUnsafeDir) {
			t.Errorf("%s: got %v, want ErrUnsafeDir", dir, err)
		}
	}
}

func TestSocketDirEnv(t *testing.T) {
	t.Setenv("GMUX_SOCKET_DIR", "/x/y")
	if SocketDir() != "/x/y" {
		t.Fatal(SocketDir())
	}
	t.Setenv("GMUX_SOCKET_DIR", "")
	t.Setenv("XDG_RUNTIME_DIR", "/run/user/7")
	if SocketDir() != "/run/user/7/gmux" {
		t.Fatal(SocketDir())
	}
}
