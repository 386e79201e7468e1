package userfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// Files the server writes for the user (hardcopy, logs, the exchange file)
// often land in a directory others can write to: /tmp, a shared project. A
// symlink planted there under the expected name would make gmux overwrite
// whatever it points at (~/.bashrc) with window text. So these files are
// opened without following a symlink at the last component, only regular
// files the user owns are written to, and new ones are created exclusively,
// mode 0600 (less the umask).

// ErrUnsafe is returned for a path gmux refuses to read or write.
var ErrUnsafe = errors.New("refused")

// Open opens path for writing, appending or (if !appendTo) replacing
// what it held.
func Open(path string, appendTo bool) (*os.File, error) {
	for range 2 {
		fd, err := unix.Open(path, unix.O_WRONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
		if errors.Is(err, unix.ENOENT) {
			fd, err = unix.Open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0o600)
			if errors.Is(err, unix.EEXIST) {
				continue // made meanwhile: check what it is
			}
			if err != nil {
				return nil, openError(path, err)
			}
			return fileOf(fd, path, appendTo)
		}
		if err != nil {
			return nil, openError(path, err)
		}
		if err := checkOwned(fd, path, true); err != nil {
			unix.Close(fd)
			return nil, err
		}
		if !appendTo {
			if err := unix.Ftruncate(fd, 0); err != nil {
				unix.Close(fd)
				return nil, fmt.Errorf("truncate %s: %w", path, err)
			}
		}
		return fileOf(fd, path, appendTo)
	}
	return nil, fmt.Errorf("%s: %w: it keeps changing under us", path, ErrUnsafe)
}

// Read reads a regular file the user owns, not through a symlink.
func Read(path string, limit int64) ([]byte, error) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, openError(path, err)
	}
	if err := checkOwned(fd, path, false); err != nil {
		unix.Close(fd)
		return nil, err
	}
	f := os.NewFile(uintptr(fd), path)
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(b)) > limit {
		err = fmt.Errorf("%s is larger than %d bytes", path, limit)
	}
	return b, err
}

// MaxConfig bounds an rc file: the largest real ones are a few kB.
const MaxConfig = 4 << 20

// ReadConfig reads an rc file (the config, source), which may be a
// symlink (dotfiles repositories make them) and need not be the user's
// (/etc/gmuxrc is root's), but must be a regular file: opening a FIFO, or
// reading one or a terminal, would wait for a writer that may never come,
// with the whole session waiting behind it. So the open does not block,
// and anything but a regular file is refused.
func ReadConfig(path string) ([]byte, error) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	f := os.NewFile(uintptr(fd), path)
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if isDevNull(st) {
		return nil, nil // -c /dev/null: no config, as screen -c /dev/null and tmux -f /dev/null
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w: not a regular file", path, ErrUnsafe)
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxConfig+1))
	if err == nil && len(b) > MaxConfig {
		err = fmt.Errorf("%s is larger than %d bytes", path, MaxConfig)
	}
	return b, err
}

// Write replaces path's contents with b (see Open).
func Write(path string, b []byte) error { return put(path, b, false) }

// Append adds b to the end of the file at path, with the same
// guards as Write.
func Append(path string, b []byte) error { return put(path, b, true) }

func put(path string, b []byte, appendTo bool) error {
	f, err := Open(path, appendTo)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func fileOf(fd int, path string, appendTo bool) (*os.File, error) {
	if appendTo {
		if _, err := unix.Seek(fd, 0, io.SeekEnd); err != nil {
			unix.Close(fd)
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	// Back to blocking: a regular file never waits, and os.File expects it.
	_ = unix.SetNonblock(fd, false)
	return os.NewFile(uintptr(fd), path), nil
}

// checkOwned refuses anything but a regular file the user owns.
func checkOwned(fd int, path string, writing bool) error {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return fmt.Errorf("%s: %w: not a regular file", path, ErrUnsafe)
	}
	if int(st.Uid) != os.Getuid() {
		verb := "read"
		if writing {
			verb = "write"
		}
		return fmt.Errorf("%s: %w to %s a file owned by uid %d", path, ErrUnsafe, verb, st.Uid)
	}
	return nil
}

func openError(path string, err error) error {
	if errors.Is(err, unix.ELOOP) {
		return fmt.Errorf("%s: %w: it is a symbolic link (remove it, or name another file)", path, ErrUnsafe)
	}
	return &os.PathError{Op: "open", Path: path, Err: err}
}

// isDevNull reports whether st is /dev/null's: the one device an rc may be,
// empty and never waiting.
func isDevNull(st os.FileInfo) bool {
	sys, ok := st.Sys().(*syscall.Stat_t)
	return ok && st.Mode()&os.ModeCharDevice != 0 && unix.Major(uint64(sys.Rdev)) == 1 && unix.Minor(uint64(sys.Rdev)) == 3
}
