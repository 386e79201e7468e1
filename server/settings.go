package server

import "time"

// settings are the session's options: what the config file, the C-a :
// prompt and -X change. They live in one place so that they can be listed,
// saved and handed over whole (a live upgrade carries them to the new
// binary); startup facts (Options) and running state live elsewhere.
type settings struct {
	Bindings map[byte][]string            // the command keys (bindings.go)
	Classes  map[string]map[byte][]string // bind -c class: keys after command -c class
	Keymap   []keyBinding                 // bindkey (keymap.go)
	Escape   byte                         // the command key (C-a)
	Literal  byte                         // after escape, sends escape itself ('a')

	Shell      string // the program of new windows (shell)
	Scrollback int    // history lines of new windows (defscrollback)
	// historyBytes is new windows' history budget in bytes, 0 for none
	// (historybytes).
	HistoryBytes int
	Dir          string   // new windows' directory (chdir)
	Env          []string // new windows' environment (setenv, unsetenv)
	UpdateEnv    []string // variables that follow the newest client (clientenv.go)

	Hardstatus       int // statusOff, statusLastLine, statusFirstLine
	HardstatusFormat string
	Caption          bool
	CaptionFormat    string
	Zombie           string // screen's zombie keys: dead windows stay until k (kill) or r (restart)
	MsgWait          time.Duration
	BufferFile       string // readbuf/writebuf exchange file
	Clipboard        string // OSC 52: "on", "off", or "" (by TERM)
	// NoProgramClipboard: programs' OSC 52 is dropped (programclipboard
	// off; clipboard.go). ProgramClipboardBuffer: their copies also replace
	// the paste buffer (programclipboard on). ProgramClipboardRead: their
	// reads get the paste buffer (programclipboardread on).
	NoProgramClipboard     bool
	ProgramClipboardBuffer bool
	ProgramClipboardRead   bool
	LogFile                string // log name pattern
	LogRaw                 bool
	LogFlush               time.Duration
	// LogStamp: time stamps in logs after a quiet spell (logtstamp),
	// LogStampAfter long (0: two minutes), as LogStampString (""; screen's).
	LogStamp       bool
	LogStampAfter  time.Duration
	LogStampString string
	Mousetrack     bool
	// windowSize is how a window shown on several displays is sized:
	// windowSmallest (the default), windowLargest, windowLatest or
	// windowManual (windowsize.go).
	WindowSize   int
	StaticTitles bool          // dynamictitle off: programs' OSC titles are ignored
	DefSilence   bool          // new windows are monitored for silence
	SilenceWait  time.Duration // silencewait
	Notify       string        // desktop notifications: "off", "osc9", "osc777", "on" (by TERM)
	Password     string        // the session password's crypt hash, or "" (password.go)
	SystemdScope string        // "on", "off", "auto" or "" (auto) (scope.go)
	Truecolor    string        // "on", "off", "auto" or "" (auto) (truecolor.go)
	// AutoUpgrade is what gmux -r with a newer gmux does: "on" moves the
	// session to it first, "off" does not, "ask" (or "") asks.
	AutoUpgrade string
	// FocusMinW, FocusMinH: the least size a focused region grows to
	// (focusminsize; 0 none, -1 as large as possible).
	FocusMinW, FocusMinH int
	DefMonitor           bool   // new windows are monitored (defmonitor)
	ShellTitle           string // new shell windows' title; "search|name" is dynamic (shelltitle)
	// New windows' options (cmd_windowopts.go); the zero value is gmux's default.
	NoWrap, NoBCE, NoAltScreen bool
	Flow                       int           // flowAuto, flowOn, flowOff (flow.go)
	Term                       string        // $TERM in new windows (term)
	Verbose                    bool          // tell the command of each new window
	MaxWin                     int           // window numbers are below it (maxwin)
	IgnoreCase                 bool          // copy mode searches ignore case
	MarkKeys                   map[byte]byte // copy mode keys that act as others (markkeys)
	DefHstatus                 string        // new windows' hardstatus (%h)
	// windowlist string and title: the list's item and heading formats
	// ("" for gmux's own).
	WindowListString, WindowListTitle string
	TimeFormat                        string // what time shows ("" for gmux's own)
	NoStartupMessage                  bool   // startup_message off
	// Screen's renditions: style changes (as in %{...}) for the message
	// line (sorendition) and for windows with a bell or activity in lists.
	MsgRendition, BellRendition, MonitorRendition string
	PowDetachMsg                                  string        // printed by a power detach
	NoAutodetach                                  bool          // a hung-up terminal ends the session
	IdleTimeout                                   time.Duration // a display without a key this long runs idleCommand
	IdleCommand                                   []string
	BlankerPrg                                    []string // what blanker shows
	HardcopyDir                                   string   // hardcopy's directory
	HardcopyAppend                                bool
	SlowPaste                                     time.Duration // pause after each pasted character (slowpaste)
	BellMsg                                       string
	ActivityMsg                                   string
	Vbell                                         bool // a bell in a shown window shows vbellMsg instead of ringing
	VbellMsg                                      string
}

// defaultSettings are screen's defaults, and what the command line chose.
func defaultSettings(opts Options) settings {
	return settings{
		Escape: opts.Escape, Literal: opts.Literal,
		Shell: opts.Shell, Scrollback: opts.Scrollback, Dir: opts.Dir, Env: opts.Env,
		HardstatusFormat: defaultStatusFormat,
		CaptionFormat:    "%3n %t", // screen's
		MsgWait:          5 * time.Second,
		LogFile:          "gmuxlog.%n",
		LogFlush:         defaultLogFlush,
		BellMsg:          defaultBellMsg,
		UpdateEnv:        append([]string(nil), defaultUpdateEnv...),
		SilenceWait:      defaultSilenceWait,
		Notify:           "off",
		Term:             opts.Term,
		IdleCommand:      []string{"blanker"},
		MsgRendition:     "=r",
		BellRendition:    "=ub",
		MonitorRendition: "=b",
		MaxWin:           maxWindows,
		ActivityMsg:      defaultActivityMsg,
		VbellMsg:         defaultVbellMsg,
	}
}
