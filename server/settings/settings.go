package settings

import (
	"strings"
	"time"
)

// Settings are the session's options: what the config file, the C-a :
// prompt and -X change. They live in one place so that they can be listed,
// saved and handed over whole (a live upgrade carries them to the new
// binary); startup facts (Options) and running state live elsewhere. Each
// field's json tag is its name in the hand-over (and, later, on disk): a
// field may be renamed in Go, never in its tag, or a user's setting would be
// dropped by the next upgrade (settings_test.go holds them to that).
type Settings struct {
	Bindings   map[byte][]string            `json:"Bindings"`   // the command keys (bindings.go)
	Classes    map[string]map[byte][]string `json:"Classes"`    // bind -c class: keys after command -c class
	Keymap     Keymap                       `json:"Keymap"`     // bindkey (keymap.go)
	Escape     byte                         `json:"Escape"`     // the command key (C-a)
	Literal    byte                         `json:"Literal"`    // after escape, sends escape itself ('a')
	Shell      string                       `json:"Shell"`      // the program of new windows (shell)
	Scrollback int                          `json:"Scrollback"` // history lines of new windows (defscrollback)
	// historyBytes is new windows' history budget in bytes, 0 for none
	// (historybytes).
	HistoryBytes     int           `json:"HistoryBytes"`
	Dir              string        `json:"Dir"`        // new windows' directory (chdir)
	Env              []string      `json:"Env"`        // new windows' environment (setenv, unsetenv)
	UpdateEnv        []string      `json:"UpdateEnv"`  // variables that follow the newest client (clientenv.go)
	Hardstatus       int           `json:"Hardstatus"` // statusOff, statusLastLine, statusFirstLine
	HardstatusFormat string        `json:"HardstatusFormat"`
	Caption          bool          `json:"Caption"`
	CaptionFormat    string        `json:"CaptionFormat"`
	CaptionTop       bool          `json:"CaptionTop"`    // caption top: above the window (and each region's)
	Zombie           string        `json:"Zombie"`        // screen's zombie keys: dead windows stay until k (kill) or r (restart)
	ZombieOnError    bool          `json:"ZombieOnError"` // zombie keys onerror: only a program that failed stays
	MsgWait          time.Duration `json:"MsgWait"`
	BufferFile       string        `json:"BufferFile"` // readbuf/writebuf exchange file
	Clipboard        string        `json:"Clipboard"`  // OSC 52: "on", "off", or "" (by TERM)
	// NoProgramClipboard: programs' OSC 52 is dropped (programclipboard
	// off; clipboard.go). ProgramClipboardBuffer: their copies also replace
	// the paste buffer (programclipboard on). ProgramClipboardRead: their
	// reads get the paste buffer (programclipboardread on).
	NoProgramClipboard     bool          `json:"NoProgramClipboard"`
	ProgramClipboardBuffer bool          `json:"ProgramClipboardBuffer"`
	ProgramClipboardRead   bool          `json:"ProgramClipboardRead"`
	LogFile                string        `json:"LogFile"` // log name pattern
	LogRaw                 bool          `json:"LogRaw"`
	LogFlush               time.Duration `json:"LogFlush"`
	// LogStamp: time stamps in logs after a quiet spell (logtstamp),
	// LogStampAfter long (0: two minutes), as LogStampString (""; screen's).
	LogStamp       bool          `json:"LogStamp"`
	LogStampAfter  time.Duration `json:"LogStampAfter"`
	LogStampString string        `json:"LogStampString"`
	Mousetrack     bool          `json:"Mousetrack"`
	// windowSize is how a window shown on several displays is sized:
	// windowSmallest (the default), windowLargest, windowLatest or
	// windowManual (windowsize.go).
	WindowSize   int           `json:"WindowSize"`
	StaticTitles bool          `json:"StaticTitles"` // dynamictitle off: programs' OSC titles are ignored
	DefSilence   bool          `json:"DefSilence"`   // new windows are monitored for silence
	SilenceWait  time.Duration `json:"SilenceWait"`  // silencewait
	Notify       string        `json:"Notify"`       // desktop notifications: "off", "osc9", "osc777", "on" (by TERM)
	Password     string        `json:"Password"`     // the session password's crypt hash, or "" (password.go)
	SystemdScope string        `json:"SystemdScope"` // "on", "off", "auto" or "" (auto) (scope.go)
	Truecolor    string        `json:"Truecolor"`    // "on", "off", "auto" or "" (auto) (truecolor.go)
	// AutoUpgrade is what gmux -r with a newer gmux does: "on" moves the
	// session to it first, "off" does not, "ask" (or "") asks.
	AutoUpgrade string `json:"AutoUpgrade"`
	// FocusMinW, FocusMinH: the least size a focused region grows to
	// (focusminsize; 0 none, -1 as large as possible).
	FocusMinW  int    `json:"FocusMinW"`
	FocusMinH  int    `json:"FocusMinH"`
	DefMonitor bool   `json:"DefMonitor"` // new windows are monitored (defmonitor)
	ShellTitle string `json:"ShellTitle"` // new shell windows' title; "search|name" is dynamic (shelltitle)
	// New windows' options (cmd_windowopts.go); the zero value is gmux's default.
	NoWrap      bool          `json:"NoWrap"`
	NoBCE       bool          `json:"NoBCE"`
	NoAltScreen bool          `json:"NoAltScreen"`
	Flow        int           `json:"Flow"`       // window.FlowAuto, window.FlowOn, window.FlowOff (flow.go)
	Term        string        `json:"Term"`       // $TERM in new windows (term)
	Verbose     bool          `json:"Verbose"`    // tell the command of each new window
	MaxWin      int           `json:"MaxWin"`     // window numbers are below it (maxwin)
	IgnoreCase  bool          `json:"IgnoreCase"` // copy mode searches ignore case
	MarkKeys    map[byte]byte `json:"MarkKeys"`   // copy mode keys that act as others (markkeys)
	DefHstatus  string        `json:"DefHstatus"` // new windows' hardstatus (%h)
	// windowlist string and title: the list's item and heading formats
	// ("" for gmux's own).
	WindowListString string `json:"WindowListString"`
	WindowListTitle  string `json:"WindowListTitle"`
	TimeFormat       string `json:"TimeFormat"`       // what time shows ("" for gmux's own)
	NoStartupMessage bool   `json:"NoStartupMessage"` // startup_message off
	// Screen's renditions: style changes (as in %{...}) for the message
	// line (sorendition) and for windows with a bell or activity in lists.
	MsgRendition     string        `json:"MsgRendition"`
	BellRendition    string        `json:"BellRendition"`
	MonitorRendition string        `json:"MonitorRendition"`
	PowDetachMsg     string        `json:"PowDetachMsg"` // printed by a power detach
	NoAutodetach     bool          `json:"NoAutodetach"` // a hung-up terminal ends the session
	IdleTimeout      time.Duration `json:"IdleTimeout"`  // a display without a key this long runs idleCommand
	IdleCommand      []string      `json:"IdleCommand"`
	BlankerPrg       []string      `json:"BlankerPrg"`  // what blanker shows
	HardcopyDir      string        `json:"HardcopyDir"` // hardcopy's directory
	HardcopyAppend   bool          `json:"HardcopyAppend"`
	SlowPaste        time.Duration `json:"SlowPaste"` // pause after each pasted character (slowpaste)
	BellMsg          string        `json:"BellMsg"`
	ActivityMsg      string        `json:"ActivityMsg"`
	Vbell            bool          `json:"Vbell"` // a bell in a shown window shows vbellMsg instead of ringing
	VbellMsg         string        `json:"VbellMsg"`
}

// Status line modes (hardstatus) and caption modes, as in screen.
const (
	StatusOff = iota
	StatusLastLine
	StatusFirstLine
)

// How a window shown on several displays at once is sized (windowsize).
const (
	WindowSmallest = iota // fits every display: nothing is cut off (screen users' expectation)
	WindowLargest         // fills the largest display; smaller ones scroll
	WindowLatest          // the display that had a key last
	WindowManual          // stays as it is until fit (C-a F)
)

// WindowSizeNames are their names.
var WindowSizeNames = []string{"smallest", "largest", "latest", "manual"}

// DefaultLogStamp is screen's time stamp.
const DefaultLogStamp = "-- %n:%t -- time-stamp -- %M/%d/%y %c:%s --\n"

// DefaultLogStampAfter is screen's quiet time before a stamp.
const DefaultLogStampAfter = 2 * time.Minute

// LogStampQuiet is how long a logged window is quiet before its stamp.
func (set *Settings) LogStampQuiet() time.Duration {
	if set.LogStampAfter > 0 {
		return set.LogStampAfter
	}
	return DefaultLogStampAfter
}

// LogStampFormat is the time stamp's format (logtstamp string).
func (set *Settings) LogStampFormat() string {
	if set.LogStampString != "" {
		return set.LogStampString
	}
	return DefaultLogStamp
}

// ProgramClipboard names what programclipboard is set to.
func (set *Settings) ProgramClipboard() string {
	switch {
	case set.NoProgramClipboard:
		return "off"
	case set.ProgramClipboardBuffer:
		return "on"
	}
	return "external"
}

// SetEnv sets (or with nil removes) a variable in the programs' environment.
func (set *Settings) SetEnv(name string, val *string) {
	env := set.Env[:0:0]
	for _, kv := range set.Env {
		if k, _, _ := strings.Cut(kv, "="); k != name {
			env = append(env, kv)
		}
	}
	if val != nil {
		env = append(env, name+"="+*val)
	}
	set.Env = env
}

// CaptionIfOn is the caption's format, or "" when it is off.
func (set *Settings) CaptionIfOn() string {
	if set.Caption {
		return set.CaptionFormat
	}
	return ""
}

// HardstatusIfOn is the hardstatus line's format, or "" when it is off.
func (set *Settings) HardstatusIfOn() string {
	if set.Hardstatus != StatusOff {
		return set.HardstatusFormat
	}
	return ""
}
