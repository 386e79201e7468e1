package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/gmux/gmux/proto"
	"golang.org/x/sys/unix"
)

// ServerConfig is what a client hands the server it starts (on a pipe, fd 3).
type ServerConfig = proto.ServerConfig

// ErrExists is returned when starting a session whose name is taken.
var ErrExists = errors.New("session exists")

// Start starts a session server and returns its socket path once it listens.
// A lock file keeps two clients racing to start the same name from both
// succeeding.
func Start(cfg ServerConfig) (string, error) {
	if err := proto.EnsureSocketDir(cfg.SocketDir); err != nil {
		return "", err
	}
	if strings.ContainsAny(cfg.Name, "/\x00") || cfg.Name == "" || strings.HasPrefix(cfg.Name, ".") {
		return "", fmt.Errorf("bad session name %q", cfg.Name)
	}
	if proto.HasControl(cfg.Name) {
		return "", fmt.Errorf("bad session name %q: control characters are not allowed", cfg.Name)
	}
	unlock, err := lock(filepath.Join(cfg.SocketDir, "."+cfg.Name+".lock"))
	if err != nil {
		return "", err
	}
	defer unlock()
	all, err := ListMatching(cfg.SocketDir, cfg.Name)
	if err != nil {
		return "", err
	}
	for _, s := range all {
		if s.ShortName() != cfg.Name || s.State == Dead {
			continue
		}
		how := "resume it with gmux -r " + cfg.Name
		if s.State == Attached {
			how = fmt.Sprintf("share it with gmux -x %s, or take it over with gmux -d -r %s", cfg.Name, cfg.Name)
		}
		return "", fmt.Errorf("%w: %s (%s); %s", ErrExists, proto.Printable(s.Name), s.State, how)
	}

	exe, err := ServerBinary()
	if err != nil {
		return "", err
	}
	cfgR, cfgW, err := os.Pipe()
	if err != nil {
		return "", err
	}
	readyR, readyW, err := os.Pipe()
	if err != nil {
		return "", err
	}
	devnull, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		return "", err
	}
	defer devnull.Close()
	cmd := exec.Command(exe, proto.ServerCommand)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = devnull, devnull, devnull
	cmd.ExtraFiles = []*os.File{cfgR, readyW}
	cmd.Dir = cfg.Dir
	// A new session: no controlling terminal, so the hang-up of this login
	// never reaches the server or its programs.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return "", fmt.Errorf("start server: %w", err)
	}
	cfgR.Close()
	readyW.Close()
	go cmd.Wait() // reap it should it die while we live; it outlives us otherwise
	json.NewEncoder(cfgW).Encode(cfg)
	cfgW.Close()

	readyR.SetReadDeadline(time.Now().Add(30 * time.Second))
	msg, err := io.ReadAll(readyR)
	readyR.Close()
	if err != nil {
		return "", fmt.Errorf("server did not start: %w", err)
	}
	name, ok := strings.CutPrefix(string(msg), "ok ")
	if !ok {
		if len(msg) == 0 {
			msg = []byte("it exited without a word")
		}
		return "", fmt.Errorf("server did not start: %s", msg)
	}
	return filepath.Join(cfg.SocketDir, name), nil
}

// lock takes the lock file at path, and returns the function that removes
// and releases it: lock files do not pile up in the socket directory. A
// lock taken on a file that was removed meanwhile (its holder was done) is
// no lock: it is taken again on the file now at path.
func lock(path string) (func(), error) {
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
		if err != nil {
			return nil, fmt.Errorf("lock: %w", err)
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
			f.Close()
			return nil, fmt.Errorf("lock: %w", err)
		}
		var held, now unix.Stat_t
		if unix.Fstat(int(f.Fd()), &held) == nil && unix.Stat(path, &now) == nil && held.Ino == now.Ino && held.Dev == now.Dev {
			return func() {
				os.Remove(path) // while held: a waiter sees it gone and locks afresh
				f.Close()
			}, nil
		}
		f.Close()
	}
}

// WipeLocks removes lock files nobody holds (left by an older gmux or a
// client that was killed while starting a session), and returns how many.
func WipeLocks(dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".lock") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		f, err := os.OpenFile(path, os.O_RDWR|unix.O_NOFOLLOW, 0)
		if err != nil {
			continue
		}
		if unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) == nil && os.Remove(path) == nil {
			n++
		}
		f.Close()
	}
	return n
}
