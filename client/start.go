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

// ServerCommand is the hidden first argument that makes gmux a session server.
const ServerCommand = "__server"

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
		if s.ShortName() == cfg.Name && s.State != Dead {
			return "", fmt.Errorf("%w: %s (%s); resume it with gmux -r %s", ErrExists, s.Name, s.State, cfg.Name)
		}
	}

	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("find gmux binary: %w", err)
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
	cmd := exec.Command(exe, ServerCommand)
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

func lock(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock: %w", err)
	}
	// The file stays: removing it would let a waiter lock an unlinked inode
	// while a newcomer locks a fresh one.
	return func() { f.Close() }, nil
}
