package proto

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
)

// Hello is the client's first frame.
type Hello struct {
	// Version is the hello's version prefix: the oldest protocol version
	// the client speaks; MaxVersion the newest (0 from a client that
	// speaks only Version, as every gmux before ranges did).
	Version    int    `json:"-"`
	MaxVersion int    `json:"max_version,omitempty"`
	Mode       string `json:"mode"`      // ModeAttach or ModeCommand
	Term       string `json:"term"`      // the client terminal's TERM
	ColorTerm  string `json:"colorterm"` // COLORTERM, to detect truecolor
	Locale     string `json:"locale"`    // LC_ALL, LC_CTYPE or LANG, first set
	Cols       int    `json:"cols"`      // terminal size
	Rows       int    `json:"rows"`      //
	PID        int    `json:"pid"`       // client process, for messages and logs
	Shared     bool   `json:"shared"`    // -x: attach beside other clients
	Takeover   bool   `json:"takeover"`  // -d -r: detach other clients first
	// PowerDetach (-D -r, -D -R): the clients taken over from are power
	// detached: their logins are hung up, as screen's -D does.
	PowerDetach bool `json:"power_detach,omitempty"`
	ReadOnly    bool `json:"readonly"`   // a guest's display: it looks, switches and detaches, and types into no window
	ForceUTF8   bool `json:"force_utf8"` // -U: assume a UTF-8 terminal
	// TTY says the client's terminal travels with this frame (SCM_RIGHTS):
	// the server may read and write it directly.
	TTY bool `json:"tty"`
	// Stream says two descriptors travel with this frame (SCM_RIGHTS): the
	// stream a proxy bridges (frames from the client, frames to it). A
	// server that takes them answers there, and on this connection never;
	// one that does not answers here, and the proxy bridges.
	Stream bool `json:"stream,omitempty"`
	// Features the client offers (Features); the welcome says which of
	// them the server takes.
	Features []string `json:"features,omitempty"`
	// Env is the client's environment (KEY=VALUE): the session's
	// updateenv variables follow the newest client.
	Env []string `json:"env,omitempty"`
	// Exe is a command client's own binary: what -X upgrade moves the
	// session to when no path is given.
	Exe string `json:"exe,omitempty"`
	// Dir is a command client's working directory: a relative path in its
	// command (-X upgrade ./gmux-server) names a file from there, never
	// from the server's own directory, which may be anyone's (/tmp).
	Dir string `json:"dir,omitempty"`
	// Replaces is the display (Welcome.Display) that a reconnecting client
	// had before its link failed: it goes, and this one takes its place
	// beside the session's other displays (FeatureReplace).
	Replaces int `json:"replaces,omitempty"`
}

// Hello modes.
const (
	ModeAttach  = "attach"
	ModeCommand = "command"
)

// Welcome is the server's reply to Hello. A non-empty Error means the server
// refused and will close the connection.
type Welcome struct {
	// Version is the protocol version the server chose (its prefix).
	Version int    `json:"-"`
	Session string `json:"session"`
	Error   string `json:"error,omitempty"`
	// Direct says the server took the passed terminal: the client neither
	// reads nor writes it until it is detached, and no input or output frames
	// are exchanged.
	Direct bool `json:"direct,omitempty"`
	// Features are those of the hello's the server takes.
	Features []string `json:"features,omitempty"`
	// Escape is the session's command key (C-a), for a client that must
	// take keys itself while its link is down (C-a d gives up).
	Escape string `json:"escape,omitempty"`
	// Display is this connection's display, for a later Hello.Replaces
	// (FeatureReplace).
	Display int `json:"display,omitempty"`
}

// Common returns the features both lists hold.
func Common(a, b []string) []string {
	var out []string
	for _, f := range a {
		if slices.Contains(b, f) {
			out = append(out, f)
		}
	}
	return out
}

// Exit tells an attached client that the session ended.
type Exit struct {
	Reason string `json:"reason"`
	Status int    `json:"status"`
}

// Command asks the server to run one command. Window is -1 for the current one.
type Command struct {
	Args   []string `json:"args"`
	Window int      `json:"window"`
	// Literal: the args are taken as they are. Otherwise they are parsed
	// as screen parses -X's (escapes, ^X, $VAR), each as if in double quotes.
	Literal bool `json:"literal,omitempty"`
	// Show: what the command says is also shown on the display, as screen
	// does for -X (gmux -X echo "build done" tells whoever is attached).
	Show bool `json:"show,omitempty"`
}

// Reply is a command's result.
type Reply struct {
	OK     bool   `json:"ok"`
	Output string `json:"output"`
}

// VersionError reports a peer that speaks another protocol version.
type VersionError struct {
	Local, Peer  int
	PeerIsServer bool
}

func (e *VersionError) Error() string {
	if e.PeerIsServer {
		return fmt.Sprintf("server speaks protocol v%d, this client v%d: restart the session or use the matching gmux", e.Peer, e.Local)
	}
	return fmt.Sprintf("client speaks protocol v%d, this server v%d: use the gmux that started this session", e.Peer, e.Local)
}

// Handshake payloads start with a 2-byte version that never changes place, so a
// mismatch can always be read and reported, whatever the rest looks like.
func encodeVersioned(version int, v any) []byte {
	body, err := json.Marshal(v)
	if err != nil {
		panic(err) // only our own fixed structs are marshalled
	}
	out := make([]byte, 2, 2+len(body))
	binary.BigEndian.PutUint16(out, uint16(version))
	return append(out, body...)
}

// decodeVersioned reads a handshake payload whose version prefix must be one
// this build speaks (MinVersion to Version).
func decodeVersioned(p []byte, v any, peerIsServer bool) (int, error) {
	if len(p) < 2 {
		return 0, fmt.Errorf("%w: handshake shorter than its version", ErrMalformed)
	}
	ver := int(binary.BigEndian.Uint16(p))
	if ver < MinVersion || ver > Version {
		return ver, &VersionError{Local: Version, Peer: ver, PeerIsServer: peerIsServer}
	}
	if err := json.Unmarshal(p[2:], v); err != nil {
		return ver, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return ver, nil
}

// EncodeHello returns the payload of a hello frame, announcing the range of
// versions this build speaks.
func EncodeHello(h Hello) []byte {
	h.MaxVersion = Version
	out := make([]byte, 2, 256+len(h.Exe)+64*len(h.Env))
	binary.BigEndian.PutUint16(out, uint16(MinVersion))
	return h.appendJSON(out)
}

// Negotiate is the version a server of this build speaks with the client
// that sent h: the newest both speak. ok is false when there is none.
func Negotiate(h Hello) (int, bool) {
	newest := max(h.MaxVersion, h.Version) // an older client sent no range
	v := min(newest, Version)
	return v, v >= max(h.Version, MinVersion)
}

// DecodeHello decodes a hello payload; a *VersionError reports a mismatch.
func DecodeHello(p []byte) (Hello, error) {
	var h Hello
	v, err := decodeVersioned(p, &h, false)
	h.Version = v
	if err == nil && h.Mode != ModeAttach && h.Mode != ModeCommand {
		err = fmt.Errorf("%w: unknown mode %q", ErrMalformed, h.Mode)
	}
	return h, err
}

// EncodeWelcome returns the payload of a welcome frame, with the version
// chosen (w.Version; 0 is this build's newest).
func EncodeWelcome(w Welcome) []byte {
	if w.Version == 0 {
		w.Version = Version
	}
	return encodeVersioned(w.Version, w)
}

// DecodeWelcome decodes a welcome payload; a *VersionError reports a mismatch.
func DecodeWelcome(p []byte) (Welcome, error) {
	var w Welcome
	v, err := decodeVersioned(p, &w, true)
	w.Version = v
	return w, err
}

// EncodeResize returns the payload of a resize frame.
func EncodeResize(cols, rows int) []byte {
	var b [4]byte
	binary.BigEndian.PutUint16(b[0:], uint16(clampSize(cols)))
	binary.BigEndian.PutUint16(b[2:], uint16(clampSize(rows)))
	return b[:]
}

// DecodeResize decodes a resize payload.
func DecodeResize(p []byte) (cols, rows int, err error) {
	if len(p) != 4 {
		return 0, 0, fmt.Errorf("%w: resize of %d bytes", ErrMalformed, len(p))
	}
	cols = int(binary.BigEndian.Uint16(p[0:]))
	rows = int(binary.BigEndian.Uint16(p[2:]))
	if cols == 0 || rows == 0 {
		return 0, 0, fmt.Errorf("%w: resize to %dx%d", ErrMalformed, cols, rows)
	}
	return cols, rows, nil
}

// MaxSize bounds a terminal dimension; larger requests are clamped.
const MaxSize = 4096

func clampSize(n int) int { return max(1, min(n, MaxSize)) }

// EncodeJSON returns the payload of an exit, command or reply frame.
func EncodeJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only our own fixed structs are marshalled
	}
	return b
}

// DecodeJSON decodes the payload of an exit, command or reply frame.
func DecodeJSON(p []byte, v any) error {
	if err := json.Unmarshal(p, v); err != nil {
		return fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return nil
}
