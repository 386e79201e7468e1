package server

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The environment follows the newest client. Each attach brings the
// client's environment; the variables named by updateenv (tmux's
// update-environment) take the attaching client's values for windows opened
// from then on, or go when it has none. SSH_AUTH_SOCK does more: windows see
// a stable path, a symbolic link in the session's socket directory (0700,
// the user's own, so no one else can follow or replace it), and the link
// always leads to the agent of the client that attached last. So a shell
// started days ago uses the agent of today's SSH login.

// defaultUpdateEnv are the variables that follow the newest client.
var defaultUpdateEnv = []string{"SSH_AUTH_SOCK", "SSH_CONNECTION", "DISPLAY", "COLORTERM", "TERM_PROGRAM"}

// agentLinkPrefix starts the name of a session's agent link; the dot keeps it
// out of session lists.
const agentLinkPrefix = ".agent."

// agentLink is the path windows have as SSH_AUTH_SOCK: by PID, so that it
// stays put when the session is renamed.
func (s *session) agentLink() string {
	return filepath.Join(filepath.Dir(s.Socket), agentLinkPrefix+strconv.Itoa(os.Getpid()))
}

// followClientEnv takes the updateenv variables from a client's environment
// (KEY=VALUE, as os.Environ gives it).
func (s *session) followClientEnv(env []string) {
	values := map[string]string{}
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok {
			values[k] = v
		}
	}
	for _, name := range s.set.UpdateEnv {
		v, ok := values[name]
		if name == "SSH_AUTH_SOCK" {
			s.followAgent(v)
			if ok && v != "" {
				v = s.agentLink()
			} else {
				ok = false
			}
		}
		if ok {
			s.set.SetEnv(name, &v)
		} else {
			s.set.SetEnv(name, nil)
		}
	}
}

// followAgent points the agent link at sock ("" removes it). A client that
// itself runs inside a gmux window brings a link of ours: the agent is where
// that leads.
func (s *session) followAgent(sock string) {
	link := s.agentLink()
	if strings.HasPrefix(filepath.Base(sock), agentLinkPrefix) {
		if target, err := os.Readlink(sock); err == nil {
			sock = target
		}
	}
	if sock == "" || sock == link {
		if sock == "" {
			os.Remove(link)
		}
		return
	}
	tmp := link + ".new"
	os.Remove(tmp)
	if err := os.Symlink(sock, tmp); err != nil {
		s.log.Printf("agent link: %v", err)
		return
	}
	if err := os.Rename(tmp, link); err != nil {
		os.Remove(tmp)
		s.log.Printf("agent link: %v", err)
	}
}
