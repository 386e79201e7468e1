package userfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// A file kept for the user is written where asked, new and private; a
// symlink planted under its name is not followed, and what it points at is
// untouched.
func TestWritesNeverFollowAPlantedSymlink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hardcopy.0")
	if err := Write(path, []byte("one\n")); err != nil {
		t.Fatal(err)
	}
	if err := Append(path, []byte("two\n")); err != nil {
		t.Fatal(err)
	}
	b, err := Read(path, 100)
	if err != nil || string(b) != "one\ntwo\n" {
		t.Fatalf("read %q, %v", b, err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm()&0o077 != 0 {
		t.Errorf("mode %v: others may read it", st.Mode().Perm())
	}
	victim := filepath.Join(dir, "bashrc")
	os.WriteFile(victim, []byte("mine"), 0o600)
	planted := filepath.Join(dir, "screenlog.0")
	if err := os.Symlink(victim, planted); err != nil {
		t.Fatal(err)
	}
	if err := Write(planted, []byte("window text")); !errors.Is(err, ErrUnsafe) {
		t.Errorf("writing through a symlink: %v, want ErrUnsafe", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "mine" {
		t.Errorf("the symlink's target now holds %q", b)
	}
}

// An rc file that is not a regular file (a FIFO nobody writes) is refused at
// once, not waited on; /dev/null is an empty rc.
func TestReadConfigRefusesWhatWouldWait(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "rc")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if _, err := ReadConfig(fifo); err == nil {
		t.Error("a FIFO was read as an rc file")
	}
	if b, err := ReadConfig("/dev/null"); err != nil || len(b) != 0 {
		t.Errorf("/dev/null: %q, %v", b, err)
	}
}

func mkfifo(path string) error { return unix.Mkfifo(path, 0o600) }
