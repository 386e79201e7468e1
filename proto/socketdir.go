package proto

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// ErrUnsafeDir is returned when the socket directory could let another user in.
var ErrUnsafeDir = errors.New("unsafe socket directory")

// SocketDir returns where session sockets live: $GMUX_SOCKET_DIR, else
// $XDG_RUNTIME_DIR/gmux, else /tmp/gmux-UID.
func SocketDir() string {
	if d := os.Getenv("GMUX_SOCKET_DIR"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" {
		return filepath.Join(d, "gmux")
	}
	return filepath.Join(os.TempDir(), "gmux-"+strconv.Itoa(os.Getuid()))
}

// EnsureSocketDir creates dir (mode 0700) if it is missing and checks that it
// is a real directory, owned by us, closed to group and others. Sessions are
// full shells: a directory anyone else can write to would hand them over.
func EnsureSocketDir(dir string) error {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return fmt.Errorf("socket directory %s: %w", dir, err)
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return fmt.Errorf("socket directory %s: %w", dir, err)
	}
	return CheckSocketDir(dir)
}

// CheckSocketDir checks an existing socket directory as EnsureSocketDir does.
func CheckSocketDir(dir string) error {
	fi, err := os.Lstat(dir)
	if err != nil {
		return fmt.Errorf("socket directory %s: %w", dir, err)
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("socket directory %s is a symlink: %w", dir, ErrUnsafeDir)
	}
	if !fi.IsDir() {
		return fmt.Errorf("socket directory %s is not a directory: %w", dir, ErrUnsafeDir)
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fmt.Errorf("socket directory %s: cannot read its owner", dir)
	}
	if int(st.Uid) != os.Getuid() {
		return fmt.Errorf("socket directory %s is owned by uid %d, not you (uid %d): %w", dir, st.Uid, os.Getuid(), ErrUnsafeDir)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("socket directory %s has mode %04o, must be 0700 (chmod 700 %s): %w", dir, fi.Mode().Perm(), dir, ErrUnsafeDir)
	}
	return nil
}

// MaxSocketPath is the longest path a Unix socket address can hold on Linux.
const MaxSocketPath = 107

// LogPath is where the server of the session whose socket is at socket
// keeps its log: beside it, hidden, named after it (".PID.name.log"), so
// that -ls and -wipe find the log of a session that died.
func LogPath(socket string) string {
	return filepath.Join(filepath.Dir(socket), "."+filepath.Base(socket)+".log")
}
