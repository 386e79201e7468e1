package proto

// Payloads that a client and a server both build or read, defined once.

// ServerConfig is what a client hands the session server it starts (as JSON
// on a pipe, fd 3): the session's name and place, its first window, and the
// starting client's environment.
type ServerConfig struct {
	Name        string   `json:"name"`               // the session's name without the PID ("work")
	SocketDir   string   `json:"socket_dir"`         // checked directory for the socket
	Argv        []string `json:"argv"`               // first window's program; empty for the shell
	Title       string   `json:"title"`              // first window's title (-t)
	Shell       string   `json:"shell"`              // the shell for new windows
	LoginShell  bool     `json:"login_shell"`        // start the shell as a login shell ("-bash")
	Dir         string   `json:"dir"`                // starting directory
	Env         []string `json:"env"`                // environment for programs, as the starting client had it
	Term        string   `json:"term"`               // TERM given to programs
	Cols        int      `json:"cols"`               // first window's size, until a client attaches
	Rows        int      `json:"rows"`               //
	Scrollback  int      `json:"scrollback"`         // lines of history per window
	Escape      byte     `json:"escape"`             // the command key (C-a)
	Literal     byte     `json:"literal"`            // the key that, after Escape, sends Escape itself ('a')
	Config      string   `json:"config"`             // config file to source at start
	AwaitAttach bool     `json:"await_attach"`       // the starting client will attach: keep the end for it
	LogAll      bool     `json:"log_all"`            // -L: log every window's output
	LogFile     string   `json:"log_file,omitempty"` // -Logfile: the log name pattern
}

// SessionInfo is a session server's answer to the sessioninfo command, which
// `gmux -ls` asks every server.
type SessionInfo struct {
	Name     string `json:"name"` // PID.NAME
	PID      int    `json:"pid"`
	Attached int    `json:"attached"` // attached displays
	Windows  int    `json:"windows"`
	Created  int64  `json:"created"` // Unix time
	// Goroutines is the server's count: one that grows as clients come and
	// go is a leak.
	Goroutines int `json:"goroutines"`
	// Scope is the systemd scope the session runs in ("" for none), and
	// Warning says what will end it all the same (logind at logout).
	Scope   string `json:"scope,omitempty"`
	Warning string `json:"warning,omitempty"`
	// Version is the server binary's (BuildVersion), Built its commit's
	// time (Unix seconds, 0 unknown), Protocol the protocol it speaks: an
	// older server says none of them.
	Version  string `json:"version,omitempty"`
	Built    int64  `json:"built,omitempty"`
	Protocol int    `json:"protocol,omitempty"`
	// AutoUpgrade is the session's autoupgrade setting: what an attach by a
	// newer gmux does ("on", "off", "ask"; "" from an older server: ask).
	AutoUpgrade string `json:"autoupgrade,omitempty"`
}
