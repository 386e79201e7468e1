package server

import "time"

// settings are the session's options: what the config file, the C-a :
// prompt and -X change. They live in one place so that they can be listed,
// saved and handed over whole (a live upgrade carries them to the new
// binary); startup facts (Options) and running state live elsewhere.
type settings struct {
	bindings map[byte][]string            // the command keys (bindings.go)
	classes  map[string]map[byte][]string // bind -c class: keys after command -c class
	keymap   []keyBinding                 // bindkey (keymap.go)
	escape   byte                         // the command key (C-a)
	literal  byte                         // after escape, sends escape itself ('a')

	shell      string // the program of new windows (shell)
	scrollback int    // history lines of new windows (defscrollback)
	// historyBytes is new windows' history budget in bytes, 0 for none
	// (historybytes).
	historyBytes int
	dir          string   // new windows' directory (chdir)
	env          []string // new windows' environment (setenv, unsetenv)
	updateEnv    []string // variables that follow the newest client (clientenv.go)

	hardstatus       int // statusOff, statusLastLine, statusFirstLine
	hardstatusFormat string
	caption          bool
	captionFormat    string
	zombie           string // screen's zombie keys: dead windows stay until k (kill) or r (restart)
	msgWait          time.Duration
	bufferFile       string // readbuf/writebuf exchange file
	clipboard        string // OSC 52: "on", "off", or "" (by TERM)
	logFile          string // log name pattern
	logRaw           bool
	logFlush         time.Duration
	mousetrack       bool
	// windowSize is how a window shown on several displays is sized:
	// windowSmallest (the default), windowLargest, windowLatest or
	// windowManual (windowsize.go).
	windowSize   int
	staticTitles bool          // dynamictitle off: programs' OSC titles are ignored
	defSilence   bool          // new windows are monitored for silence
	silenceWait  time.Duration // silencewait
	notify       string        // desktop notifications: "off", "osc9", "osc777", "on" (by TERM)
	password     string        // the session password's crypt hash, or "" (password.go)
	systemdScope string        // "on", "off", "auto" or "" (auto) (scope.go)
	truecolor    string        // "on", "off", "auto" or "" (auto) (truecolor.go)
	defMonitor   bool          // new windows are monitored (defmonitor)
	shellTitle   string        // new shell windows' title; "search|name" is dynamic (shelltitle)
	// New windows' options (cmd_windowopts.go); the zero value is gmux's default.
	noWrap, noBCE, noAltScreen bool
	flow                       int           // flowAuto, flowOn, flowOff (flow.go)
	term                       string        // $TERM in new windows (term)
	verbose                    bool          // tell the command of each new window
	maxWin                     int           // window numbers are below it (maxwin)
	ignoreCase                 bool          // copy mode searches ignore case
	markKeys                   map[byte]byte // copy mode keys that act as others (markkeys)
	defHstatus                 string        // new windows' hardstatus (%h)
	// Screen's renditions: style changes (as in %{...}) for the message
	// line (sorendition) and for windows with a bell or activity in lists.
	msgRendition, bellRendition, monitorRendition string
	powDetachMsg                                  string        // printed by a power detach
	noAutodetach                                  bool          // a hung-up terminal ends the session
	idleTimeout                                   time.Duration // a display without a key this long runs idleCommand
	idleCommand                                   []string
	blankerPrg                                    []string // what blanker shows
	hardcopyDir                                   string   // hardcopy's directory
	hardcopyAppend                                bool
	slowPaste                                     time.Duration // pause after each pasted character (slowpaste)
	bellMsg                                       string
	activityMsg                                   string
	vbell                                         bool // a bell in a shown window shows vbellMsg instead of ringing
	vbellMsg                                      string
}

// defaultSettings are screen's defaults, and what the command line chose.
func defaultSettings(opts Options) settings {
	return settings{
		escape: opts.Escape, literal: opts.Literal,
		shell: opts.Shell, scrollback: opts.Scrollback, dir: opts.Dir, env: opts.Env,
		hardstatusFormat: defaultStatusFormat,
		captionFormat:    "%n %t",
		msgWait:          5 * time.Second,
		logFile:          "gmuxlog.%n",
		logFlush:         defaultLogFlush,
		bellMsg:          defaultBellMsg,
		updateEnv:        append([]string(nil), defaultUpdateEnv...),
		silenceWait:      defaultSilenceWait,
		notify:           "off",
		term:             opts.Term,
		idleCommand:      []string{"blanker"},
		msgRendition:     "=r",
		bellRendition:    "=ub",
		monitorRendition: "=b",
		maxWin:           maxWindows,
		activityMsg:      defaultActivityMsg,
		vbellMsg:         defaultVbellMsg,
	}
}
