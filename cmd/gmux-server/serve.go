package main

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/gmux/gmux/client"
	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server"
	"github.com/gmux/gmux/server/proc"
	"golang.org/x/sys/unix"
)

// serve is the session server's entry: its configuration arrives on fd 3 and
// its readiness is reported on fd 4.
func serve() int {
	// Inherited descriptors are not close-on-exec: the programs must not
	// inherit them (a child holding the ready pipe would hang the client).
	unix.CloseOnExec(3)
	unix.CloseOnExec(4)
	// What else came from the client is not the server's (server/proc/descriptors.go).
	proc.CloseStrayDescriptors()
	cfgFile := os.NewFile(3, "config")
	ready := os.NewFile(4, "ready")
	if cfgFile == nil || ready == nil {
		fmt.Fprintln(os.Stderr, "gmux: the server is started by gmux itself")
		return 2
	}
	var cfg client.ServerConfig
	if err := json.NewDecoder(cfgFile).Decode(&cfg); err != nil {
		fmt.Fprintf(ready, "bad server configuration: %v", err)
		return 2
	}
	cfgFile.Close()
	logger := log.New(os.Stderr, "", log.LstdFlags)
	logPath := proto.LogPath(filepath.Join(cfg.SocketDir, fmt.Sprintf("%d.%s", os.Getpid(), cfg.Name)))
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_TRUNC|os.O_WRONLY|unix.O_NOFOLLOW, 0o600)
	if err == nil {
		logger.SetOutput(logFile)
		// A panic's trace or a SIGQUIT dump goes to stderr: keep it in the log.
		_ = unix.Dup2(int(logFile.Fd()), 2)
	}
	// The programs inherit this environment; so does tcell's terminfo lookup.
	os.Clearenv()
	for _, kv := range cfg.Env {
		if k, v, ok := strings.Cut(kv, "="); ok && k != "" {
			os.Setenv(k, v)
		}
	}
	// Only a clean end removes the log, in server.serve, under the name the
	// session has then. Never deferred here: a deferred remove runs while a
	// panic unwinds, before its trace is written — the crash would delete
	// its own evidence.
	return server.Run(server.Options{ServerConfig: cfg, Log: logger}, ready)
}
