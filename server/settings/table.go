package settings

import (
	"fmt"
	"strings"
	"time"

	"github.com/gmux/gmux/server/options"
)

// Table is every setting that is a value and no more: one row each
// (server/options), which the server registers as a command of the same name. Settings that
// act on a window (wrap, silence), or parse more than one value (zombie,
// logtstamp), stay commands of their own.
var Table = options.NewTable(
	// New windows.
	options.Text("shell", "command", "the shell new windows run", func(s *Settings) *string { return &s.Shell }, nil).ForNewWindows(),
	options.Text("shelltitle", "title", "the title of new shell windows; 'search|name' names them after the command typed at the prompt",
		func(s *Settings) *string { return &s.ShellTitle }, nil).ForNewWindows(),
	options.Number("defscrollback", "lines", "scrollback lines for new windows", func(s *Settings) *int { return &s.Scrollback }, 0, 0).ForNewWindows(),
	options.Text("term", "name", "$TERM for programs in new windows", func(s *Settings) *string { return &s.Term }, checkTermName).ForNewWindows(),
	options.SwitchOff("defwrap", "line wrapping in new windows", func(s *Settings) *bool { return &s.NoWrap }).ForNewWindows(),
	options.SwitchOff("defbce", "background colour erase in new windows (gmux's default: on)", func(s *Settings) *bool { return &s.NoBCE }).ForNewWindows(),
	options.Switch("defmonitor", "monitor new windows for activity", func(s *Settings) *bool { return &s.DefMonitor }).ForNewWindows(),
	options.Switch("defsilence", "monitor new windows for silence", func(s *Settings) *bool { return &s.DefSilence }).ForNewWindows(),
	options.SwitchOff("defdynamictitle", "let programs set the titles of new windows", func(s *Settings) *bool { return &s.StaticTitles }).ForNewWindows(),
	options.Text("defhstatus", "text", "the hardstatus of new windows (%h)", func(s *Settings) *string { return &s.DefHstatus }, nil).
		Shows(func(v string) string { return "default hstatus is '" + v + "'" }).ForNewWindows(),
	options.Number("maxwin", "n", "the highest window number is n-1", func(s *Settings) *int { return &s.MaxWin }, 1, MaxWindows),

	// Messages.
	options.Duration("msgwait", "how long messages stay on the message line", func(s *Settings) *time.Duration { return &s.MsgWait }, time.Second, 0, 0),
	options.SwitchOff("startup_message", "show, at a new session's first attach, the version and the keys for help and detach (on by default, as screen's)",
		func(s *Settings) *bool { return &s.NoStartupMessage }),
	options.Text("activity", "message", "the message for activity in a monitored window (%n its number)", func(s *Settings) *string { return &s.ActivityMsg }, nil),
	options.Text("bell_msg", "message", "the message for a bell in a hidden window (%n its number; empty: none)", func(s *Settings) *string { return &s.BellMsg }, nil).
		Shows(func(v string) string { return "bell_msg is '" + v + "'" }),
	options.Switch("vbell", "show vbell_msg instead of ringing the terminal's bell; no argument toggles", func(s *Settings) *bool { return &s.Vbell }).
		Toggles(func(v string) string {
			return map[string]string{"on": "Switched to visual bell.", "off": "Switched to audible bell."}[v]
		}),
	options.Text("vbell_msg", "message", "the message a bell shows with vbell on", func(s *Settings) *string { return &s.VbellMsg }, nil).
		Shows(func(v string) string { return "vbell_msg is '" + v + "'" }),
	options.Text("pow_detach_msg", "message", "what a power detach prints (default: [power detached])", func(s *Settings) *string { return &s.PowDetachMsg }, nil).
		Shows(func(v string) string { return "pow_detach_msg is '" + v + "'" }),
	options.Switch("verbose", "say which command each new window runs", func(s *Settings) *bool { return &s.Verbose }).Toggles(nil),
	options.Choice("notify", "desktop notifications for bells, activity and silence in hidden windows (on: the escape the terminal takes)",
		func(s *Settings) *string { return &s.Notify }, "off", "on", "off", "osc9", "osc777").Shows(nil),

	// Windows and displays.
	options.SwitchOff("dynamictitle", "let programs set window titles (OSC 0/2); off keeps the given ones", func(s *Settings) *bool { return &s.StaticTitles }),
	options.SwitchOff("altscreen", "let full-screen programs use the alternate screen (gmux's default: on)", func(s *Settings) *bool { return &s.NoAltScreen }).
		Toggles(func(v string) string {
			return map[string]string{"on": "Will do", "off": "Will not do"}[v] + " alternate screen emulation"
		}),
	options.Enum("windowsize", "how a window shown on several displays is sized (default smallest); a smaller display scrolls with the cursor",
		func(s *Settings) *int { return &s.WindowSize }, WindowSizeNames...).Shows(nil),
	options.Choice("truecolor", "draw direct (24-bit) colours as such: on, off (nearest palette colour), or auto, as each display's terminal takes them",
		func(s *Settings) *string { return &s.Truecolor }, "auto", "on", "off", "auto").Shows(nil),
	options.Switch("mousetrack", "let the mouse wheel scroll into copy mode and a drag select and copy (terminals that report the mouse)",
		func(s *Settings) *bool { return &s.Mousetrack }),
	options.Duration("silencewait", "how long a window must be silent to be told (default 30)", func(s *Settings) *time.Duration { return &s.SilenceWait },
		time.Second, time.Second, 0),
	options.SwitchOff("autodetach", "on (the default): a terminal that hangs up is detached; off: the session ends with it", func(s *Settings) *bool { return &s.NoAutodetach }),

	// Copy and paste.
	options.Switch("ignorecase", "copy mode searches ignore case; no argument toggles", func(s *Settings) *bool { return &s.IgnoreCase }).
		Toggles(func(v string) string { return "Set ignorecase " + v }),
	slowPaste("slowpaste"),
	slowPaste("defslowpaste"), // screen's .screenrc name for the same
	options.Switch("programclipboardread", "let programs read the paste buffer with OSC 52 while a display shows their window (off by default)",
		func(s *Settings) *bool { return &s.ProgramClipboardRead }).Shows(nil),
	options.Text("hardcopydir", "dir", "where hardcopy writes files named without a directory", func(s *Settings) *string { return &s.HardcopyDir }, nil),
	options.Switch("hardcopy_append", "hardcopy adds to its file instead of replacing it", func(s *Settings) *bool { return &s.HardcopyAppend }),

	// The session.
	options.Choice("autoupgrade", "when a newer gmux attaches (gmux -r): on, the session moves to it first; off, it does not; ask (the default), the attaching gmux asks",
		func(s *Settings) *string { return &s.AutoUpgrade }, "ask", "on", "off", "ask").Shows(nil),
	options.Choice("systemdscope", "move a new session into a systemd scope of its own, to outlive its login (config only; auto: when a user manager answers)",
		func(s *Settings) *string { return &s.SystemdScope }, "auto", "on", "off", "auto"),
)

// MaxWindows is screen's default limit of window numbers.
const MaxWindows = 100

// checkTermName refuses what cannot be a terminal's name in $TERM.
func checkTermName(name string) error {
	if name == "" || strings.ContainsAny(name, "/ \t") {
		return fmt.Errorf("term: %q is not a terminal name", name)
	}
	return nil
}

// slowPaste is slowpaste's row under name: screen has two names for it.
func slowPaste(name string) *options.Option[Settings] {
	return options.Duration(name, "paste a character at a time with a pause of msec after each (0: at once); for programs that lose fast input",
		func(s *Settings) *time.Duration { return &s.SlowPaste }, time.Millisecond, 0, time.Second).
		Shows(func(v string) string { return "slowpaste is " + v + " msec" })
}
