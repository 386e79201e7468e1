package handover

import (
	"encoding/json"
	"time"

	"github.com/gmux/gmux/proto"
)

// State is a session at the moment of the hand-over.
type State struct {
	Writer   string          `json:"writer"` // the gmux that wrote it (proto.BuildVersion)
	Session  Session         `json:"session"`
	Settings json.RawMessage `json:"settings"` // the server's settings, as it encodes them
	Windows  []Window        `json:"windows"`
	Clients  []Client        `json:"clients"`
	// Screens are the windows' emulations (vt snapshots), by Window.Screen;
	// they travel after the JSON, as they are.
	Screens [][]byte `json:"-"`
}

// Session is what belongs to the session as a whole.
type Session struct {
	SessionModel                     // the session's own record (its fields are Session's in the JSON)
	Config        proto.ServerConfig `json:"config"`      // what the first client started it with
	Listener      int                `json:"listener"`    // the socket's descriptor
	LastWindow    int                `json:"last_window"` // ids; 0 for none
	PrevWindow    int                `json:"prev_window"`
	Registers     map[string]string  `json:"registers"` // by one-byte name
	ColonHistory  []string           `json:"colon_history"`
	SearchHistory []string           `json:"search_history"`
	Messages      []Message          `json:"messages"`
	Backticks     []Backtick         `json:"backticks"`
	Upgrade       *Upgrade           `json:"upgrade,omitempty"`
	// Regions are the last detached display's regions, for the next to
	// attach.
	Regions *Regions `json:"regions,omitempty"`
	// Layouts are the named layouts (layout new/save); LayoutAttach and
	// LayoutLast name, by number, the one displays attach to and the one
	// used last (-1: none).
	Layouts           []Layout `json:"layouts,omitempty"`
	LayoutAutosaveOff bool     `json:"layout_autosave_off,omitempty"`
	LayoutAttach      int      `json:"layout_attach"`
	LayoutLast        int      `json:"layout_last"`
}

// SessionModel is the part of the session's state the server embeds as it
// is: the hand-over copies it whole. Each field's name in the state is its
// tag.
type SessionModel struct {
	Name          string          `json:"name"` // PID.NAME
	Socket        string          `json:"socket"`
	Created       time.Time       `json:"created"`
	WindowIDs     int             `json:"window_ids"` // the last window id given
	EverAttached  bool            `json:"ever_attached"`
	Activity      uint64          `json:"activity"` // orders the displays' activity, for window sizing
	Buffer        string          `json:"buffer"`   // the paste buffer
	Digraphs      map[string]rune `json:"digraphs"` // defined by the digraph command
	ConfigErrors  []string        `json:"config_errors"`
	Scope         string          `json:"scope"`          // the systemd scope the session runs in, or ""
	DisplayColors [2]string       `json:"display_colors"` // the latest display's colours, for new windows
	LingerWarning string          `json:"linger_warning"` // logind will end the session at logout, or ""
	Panics        int             `json:"panics"`         // panics recovered: the log is kept
}

// Layout is a named layout: its regions (nil: unsplit) and an unsplit
// one's window id.
type Layout struct {
	Number  int      `json:"number"`
	Title   string   `json:"title"`
	Regions *Regions `json:"regions,omitempty"`
	Window  int      `json:"window"`
}

// Regions is a split display: the layout's text form (server/layout), the
// window id each region shows in the layout's order (0: none), and the
// index of the focused one.
type Regions struct {
	Layout  string `json:"layout"`
	Windows []int  `json:"windows"`
	Focus   int    `json:"focus"`
}

// Upgrade says who asked for the hand-over and when it started: the new
// server answers the client and says how long it took.
type Upgrade struct {
	From    string    `json:"from"` // the versions
	To      string    `json:"to"`
	Asker   int       `json:"asker"` // the client's id, 0 for none
	Started time.Time `json:"started"`
	// Failed is set when the new binary could not take the state and gave
	// it back to the old one: why.
	Failed string `json:"failed,omitempty"`
	// Keeper is the process holding the session's descriptors until the
	// new server answers (server/proc/keeper.go): the new server's child, to be
	// reaped by it.
	Keeper int `json:"keeper,omitempty"`
}

// Message is one of the messages the session showed (C-a C-m's log).
type Message struct {
	At   time.Time `json:"at"`
	Text string    `json:"text"`
}

// Backtick is a backtick command's definition and its last value.
type Backtick struct {
	ID       int           `json:"id"`
	Lifespan time.Duration `json:"lifespan"`
	Refresh  time.Duration `json:"refresh"`
	Argv     []string      `json:"argv"`
	Value    string        `json:"value"`
}

// Window is one window: its program runs on, on the PTY it has.
type Window struct {
	WindowModel     // what the session knows of it (its fields are Window's in the JSON)
	PID         int `json:"pid"`
	PTY         int `json:"pty"` // the PTY master's descriptor; -1 once the program ended
	// Stopped: flow control holds its output (C-s); HeldOutput is what was
	// read before it stopped, shown when it goes on (C-q).
	Stopped    bool   `json:"stopped,omitempty"`
	HeldOutput []byte `json:"held_output,omitempty"`
	// Input is what was typed or pasted for the program and not yet
	// written to it: it is written first.
	Input  []byte `json:"input"`
	Log    *Log   `json:"log,omitempty"`
	Exited bool   `json:"exited"` // an ended program's window (zombie)
	Screen int    `json:"screen"` // index in State.Screens
}

// WindowModel is the session's own record of a window, apart from the
// program, its PTY and its screen: the server's window embeds it, so that
// the hand-over copies it whole and a field added here travels without a
// line of mapping code. Each field's name in the state is its tag.
type WindowModel struct {
	ID          int           `json:"id"` // unique in the session for its life, unlike Number
	Number      int           `json:"number"`
	Argv        []string      `json:"argv"`
	Title       string        `json:"title"` // -t, C-a A, else the program's name
	Named       bool          `json:"named"` // the user set Title: the program's OSC title is ignored
	StaticTitle bool          `json:"static_title"`
	Monitor     bool          `json:"monitor"`  // output while hidden marks it (@)
	Activity    bool          `json:"activity"` // it had output while hidden and monitored: @
	Bell        bool          `json:"bell"`     // it rang while hidden: !
	SilenceWait time.Duration `json:"silence_wait"`
	Silent      bool          `json:"silent"` // its silence was told: ~
	Flow        int           `json:"flow"`
	Hstatus     string        `json:"hstatus"`
	Term        string        `json:"term,omitempty"` // the TERM its program was given
	// How the program ended, once it has: as said, and its exit status.
	Status string `json:"status"`
	Code   int    `json:"code"`
}

// Log is a window's log file, open.
type Log struct {
	File  int    `json:"file"` // its descriptor
	Path  string `json:"path"`
	Raw   bool   `json:"raw"`
	State int    `json:"state"` // the escape stripper's state
}

// Client is a connection: an attached display, or a command waiting for its
// reply (the one that asked for the upgrade).
type Client struct {
	ID      int         `json:"id"`
	Version int         `json:"version"` // the protocol version agreed
	Hello   proto.Hello `json:"hello"`
	Conn    int         `json:"conn"` // its socket; -1 for a stream
	// A stream a proxy handed over: frames in, frames out; -1 when none.
	In  int `json:"in"`
	Out int `json:"out"`
	Via int `json:"via"` // the proxy's socket, or -1
	TTY int `json:"tty"` // its terminal, when the server holds it, or -1
	PID int `json:"pid"`
	// Attached clients keep their size and their windows (ids, 0 for none).
	Attached bool `json:"attached"`
	Cols     int  `json:"cols"`
	Rows     int  `json:"rows"`
	Window   int  `json:"window"`
	Other    int  `json:"other"`
	// Locked: the display was locked (lockscreen, a reattach with a
	// password); it comes back locked, with the same line above the prompt.
	Locked bool `json:"locked,omitempty"`
	// Suspended: its client is stopped (C-a z) and the terminal is the
	// shell's; it is neither read nor drawn until the client resumes.
	Suspended bool `json:"suspended,omitempty"`
	// What its terminal answered: its default colours, and whether it
	// takes direct colour (not asked again).
	FG        string `json:"fg,omitempty"`
	BG        string `json:"bg,omitempty"`
	Truecolor bool   `json:"truecolor,omitempty"`
	// Regions: the display is split. Layout: the named layout it shows
	// (its number, -1 none).
	Regions *Regions `json:"regions,omitempty"`
	Layout  int      `json:"layout"`
	LockWhy string   `json:"lock_why,omitempty"`
	// Unread is what was read from the client and not handled: the start
	// of its next frames. Unwritten is what was meant for it and not
	// written: first the rest of a frame cut off, then whole frames.
	Unread    []byte `json:"unread"`
	Unwritten []Part `json:"unwritten"`
}

// Part is a run of bytes for a client's connection or (Terminal) its
// terminal.
type Part struct {
	Terminal bool   `json:"terminal"`
	B        []byte `json:"b"`
}
