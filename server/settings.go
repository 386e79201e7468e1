package server

import (
	"cmp"
	"time"

	"github.com/gmux/gmux/server/settings"
	"github.com/gmux/gmux/server/status"
	"github.com/gmux/gmux/server/window"
)

// defaultSettings are screen's defaults, and what the command line chose.
func defaultSettings(opts Options) settings.Settings {
	return settings.Settings{
		Escape: opts.Escape, Literal: opts.Literal,
		Shell: opts.Shell, Scrollback: opts.Scrollback, Dir: opts.Dir, Env: opts.Env,
		HardstatusFormat: status.DefaultFormat,
		CaptionFormat:    "%3n %t", // screen's
		MsgWait:          5 * time.Second,
		LogFile:          cmp.Or(opts.LogFile, "gmuxlog.%n"), // -Logfile
		LogFlush:         window.DefaultLogFlush,
		BellMsg:          defaultBellMsg,
		UpdateEnv:        append([]string(nil), defaultUpdateEnv...),
		SilenceWait:      window.DefaultSilenceWait,
		Notify:           "off",
		Term:             opts.Term,
		IdleCommand:      []string{"blanker"},
		MsgRendition:     "=r",
		BellRendition:    "=ub",
		MonitorRendition: "=b",
		MaxWin:           settings.MaxWindows,
		ActivityMsg:      defaultActivityMsg,
		VbellMsg:         defaultVbellMsg,
	}
}
