package client

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gmux/gmux/proto"
)

// HasServer is set by a binary that links the session server itself
// (gmux-server, which is a complete gmux besides): its own file is then the
// server's binary.
var HasServer bool

// ServerBinary returns the session server's binary that goes with this
// gmux: this very file if it holds the server, else gmux-server in the same
// directory, where both are installed. (os.Executable has followed any
// symbolic link to gmux: the directory is where the file is.)
func ServerBinary() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("which binary is this? %w", err)
	}
	if HasServer {
		return exe, nil
	}
	path := filepath.Join(filepath.Dir(exe), proto.ServerBinaryName)
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() || st.Mode().Perm()&0o111 == 0 {
		return "", fmt.Errorf("%s is not installed beside %s: gmux needs both (make install, or go install ./cmd/gmux ./cmd/gmux-server)",
			proto.ServerBinaryName, exe)
	}
	return path, nil
}
