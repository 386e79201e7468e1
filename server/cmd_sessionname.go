package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gmux/gmux/proto"
)

func init() {
	register(&command{
		name: "sessionname", usage: "[name]", maxArgs: 1,
		help: "show the session's name, or rename it (windows already open keep the old $STY)",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				return "This session is named '" + x.s.Name + "'", nil
			}
			return "", x.s.rename(args[0])
		},
	})
}

// rename gives the session a new name: the socket moves to PID.name, so -ls,
// -r and -S find it by the new one.
func (s *session) rename(name string) error {
	switch {
	case name == "" || strings.ContainsRune(name, '/') || proto.HasControl(name):
		return fmt.Errorf("sessionname: %q is not a session name (no /, no control characters)", name)
	}
	full := strconv.Itoa(os.Getpid()) + "." + name
	path := filepath.Join(filepath.Dir(s.Socket), full)
	if len(path) > proto.MaxSocketPath {
		return fmt.Errorf("sessionname: %q is too long for a socket path", name)
	}
	if err := os.Rename(s.Socket, path); err != nil {
		return fmt.Errorf("sessionname: %w", err)
	}
	// The log follows, so -ls and -wipe find it under the session's name,
	// and a clean end removes it.
	if err := os.Rename(proto.LogPath(s.Socket), proto.LogPath(path)); err != nil && !os.IsNotExist(err) {
		s.log.Printf("sessionname: the log stays at %s: %v", proto.LogPath(s.Socket), err)
	}
	s.log.Printf("session renamed %s -> %s", s.Name, full)
	s.Socket, s.Name, s.opts.Name = path, full, name
	s.redrawBars()
	return nil
}
