package proto

import (
	"errors"
	"slices"
	"strconv"
	"time"
)

// Version is the protocol version. Bump it whenever a frame's layout or meaning
// changes; peers of different versions refuse each other with a clear message.
const Version = 1

// MinVersion is the oldest protocol version this build still speaks. Each
// side announces its range (the hello's version prefix is the client's
// oldest, its max_version the newest; the welcome's prefix is the version
// chosen), so a client can attach to a server of any version both speak —
// a session started months ago by an older gmux among them.
const MinVersion = 1

// MaxPayload bounds a frame's payload so that a broken or hostile peer cannot
// make the other side allocate without limit.
const MaxPayload = 1 << 20

// headerLen is the fixed frame header: one byte of type, four of payload length.
const headerLen = 5

// Type identifies a frame. Numbers are grouped in ranges and never reused:
// 1-9 handshake, 10-19 the attached terminal, 20-29 commands.
type Type uint8

const (
	TypeHello   Type = 1  // client → server, first frame: version and terminal
	TypeWelcome Type = 2  // server → client, reply to hello: version, session, error
	TypeInput   Type = 10 // client → server: bytes typed by the user
	TypeOutput  Type = 11 // server → client: bytes for the user's terminal
	TypeResize  Type = 12 // client → server: new terminal size
	TypeDetach  Type = 13 // server → client: you are detached (reason); client → server: detach me
	TypeExit    Type = 14 // server → client: the session ended (reason, status)
	TypeSuspend Type = 15 // client → server: I am stopping, release my terminal; server → client: released (SuspendAnswer if asked)
	TypeResume  Type = 16 // client → server: I am in the foreground again (size as resize)
	// TypePowerDetach: server → client: you are detached, and hang up the
	// shell that started you (screen's pow_detach: detach and log out).
	TypePowerDetach Type = 17
	TypeCommand     Type = 20 // client → server: run a command (-X, -ls queries)
	TypeReply       Type = 21 // server → client: a command's result
	// TypePing and TypePong are heartbeats (FeatureHeartbeat): a client on a
	// link that can fail silently (ssh) pings when it has sent nothing for a
	// while, and the server answers at once, so each side hears the other
	// every few seconds and a black-holed link is noticed. They are in the
	// optional range: a peer that does not know them skips them.
	TypePing Type = 64
	TypePong Type = 65
)

var typeNames = map[Type]string{
	TypeHello: "hello", TypeWelcome: "welcome", TypeInput: "input",
	TypeOutput: "output", TypeResize: "resize", TypeDetach: "detach",
	TypeExit: "exit", TypeSuspend: "suspend", TypeResume: "resume", TypePowerDetach: "power-detach",
	TypeCommand: "command", TypeReply: "reply", TypePing: "ping", TypePong: "pong",
}

func (t Type) String() string {
	if s, ok := typeNames[t]; ok {
		return s
	}
	return "unknown(" + strconv.Itoa(int(t)) + ")"
}

// Known reports whether t is a frame type this version understands.
func (t Type) Known() bool { _, ok := typeNames[t]; return ok }

// Optional reports whether t is in the range of frame types a receiver that
// does not know them skips (64-127): room for later additions, such as
// keepalives, that an older peer may safely ignore. Types outside it that a
// receiver does not know end the connection.
func (t Type) Optional() bool { return t >= 64 && t < 128 }

// Features a peer may offer in its hello or welcome; each side uses one only
// when the other offered it too.
const (
	// FeatureSuspend: the suspend and resume frames (a client stopped by job
	// control releases its terminal first).
	FeatureSuspend = "suspend"
	// FeatureDetachRequest: a detach frame from the client asks to be
	// detached.
	FeatureDetachRequest = "detach-request"
	// FeaturePowerDetach: the power-detach frame.
	FeaturePowerDetach = "power-detach"
	// FeatureHeartbeat: the client pings when idle and the server answers;
	// a server drops a client that offered it and stays silent longer than
	// HeartbeatTimeout. Only a client on a link that can fail silently (a
	// remote one) offers it.
	FeatureHeartbeat = "heartbeat"
	// FeatureReplace: the welcome names the display (Welcome.Display), and
	// a reconnecting client's hello names the one it replaces
	// (Hello.Replaces): only that display goes, not the session's others.
	// Only a reconnecting (remote) client offers it.
	FeatureReplace = "replace"
)

// SuspendAnswer is the payload of the server's suspend frame when it answers
// the client's own: a client that gave up waiting and stopped anyway then
// knows the late answer for what it is, and does not stop a second time
// after fg. An empty one is the server's own (C-a z), or an older server's.
var SuspendAnswer = []byte("answer")

// Features is what this version offers on every connection.
var Features = []string{FeatureSuspend, FeatureDetachRequest, FeaturePowerDetach}

// ServerFeatures is what a server of this version takes when offered.
var ServerFeatures = append(slices.Clip(Features), FeatureHeartbeat, FeatureReplace)

// Heartbeat timing. A client pings after HeartbeatInterval without sending
// anything, and calls the link lost after HeartbeatLost without hearing
// anything; the server drops a heartbeat client silent for HeartbeatTimeout
// (longer: the client, not the server, decides when to reconnect).
const (
	HeartbeatInterval = 4 * time.Second
	HeartbeatLost     = 12 * time.Second
	HeartbeatTimeout  = 30 * time.Second
)

var (
	// ErrTooLarge is returned for a frame whose declared length exceeds MaxPayload.
	ErrTooLarge = errors.New("proto: frame too large")
	// ErrUnknownType is returned for a frame type this version does not know.
	ErrUnknownType = errors.New("proto: unknown frame type")
	// ErrMalformed is returned for a payload that does not decode.
	ErrMalformed = errors.New("proto: malformed payload")
)
