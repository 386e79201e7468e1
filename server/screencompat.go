package server

import (
	"errors"
	"fmt"
)

// screen 4.9's commands that gmux does not have, so that a real .screenrc
// reads cleanly: those with no meaning here are accepted and do nothing
// (each with the reason, which docs/guide.md shows), and those still to
// come say so instead of "unknown command".

// ErrNotYetSupported is returned for a screen command gmux does not have yet.
var ErrNotYetSupported = errors.New("not yet supported by gmux")

// screenNoEffect are screen's commands that mean nothing here, and why.
var screenNoEffect = map[string]string{}

func init() {
	for reason, names := range map[string][]string{
		"gmux reads terminfo for each display's own $TERM": {
			"termcap", "termcapinfo", "terminfo", "dumptermcap"},
		"gmux is UTF-8 throughout": {
			"defutf8", "utf8", "encoding", "defencoding", "charset", "defcharset", "c1", "defc1", "gr", "defgr",
			"kanji", "defkanji"},
		"gmux passes colours and attributes to the terminal as the program sent them":                        {"attrcolor"},
		"wide characters follow Unicode's East Asian Width; ambiguous ones are narrow, as in most terminals": {"cjkwidth"},
		"windows are pseudo-terminals: there is no serial line to send a break or transfer files on": {
			"break", "pow_break", "breaktype", "defbreaktype", "zmodem", "xon", "xoff", "crlf", "zombie_timeout"},
		"gmux writes no utmp records": {"login", "deflogin"},
		"a slow display never blocks gmux: it is sent fewer, larger frames and its queue is bounded": {
			"nonblock", "defnonblock", "obuflimit", "defobuflimit", "autonuke", "defautonuke"},
		"gmux redraws only what changed, always":                                     {"partial", "allpartial"},
		"every window is its own session, with its terminal as controlling terminal": {"setsid"},
		"window terminals are mode 0620, the system's default":                       {"defmode"},
		"the printer passthrough (ESC [ 5 i) is not passed on":                       {"printcmd"},
		"gmux keeps nothing but text in the paste buffer":                            {"pastefont", "compacthist"},
		"gmux cannot take over the system console":                                   {"console"},
		"gmux's messages are plain":                                                  {"nethack"},
		"screen's old register commands: use paste, readreg and register":            {"copy_reg", "ins_reg", "paste_reg"},
		"bindkey takes whole keys as the terminal sends them, without a timeout": {
			"maptimeout", "mapdefault", "mapnotnext"},
		"gmux logs to its own file (see gmux -ls for the directory)": {"debug"},
		"gmux has no license screen to show":                         {"license"},
		"the bell message shows for msgwait":                         {"vbellwait"},
	} {
		for _, n := range names {
			screenNoEffect[n] = reason
		}
	}
}

// screenToCome are screen's commands gmux does not do yet, by family.
var screenToCome = map[string]string{}

func init() {
	for family, names := range map[string][]string{
		"multiuser": {"acladd", "aclchg", "acldel", "aclgrp", "aclumask", "addacl", "chacl", "writelock", "defwritelock", "su", "umask"},
		"screen":    {"group"},
	} {
		for _, n := range names {
			screenToCome[n] = family
		}
	}
}

// screenCommand answers for a name not in the command table that screen
// has; known is false for a name screen does not have either.
func screenCommand(name string) (known bool, err error) {
	if _, ok := screenNoEffect[name]; ok {
		return true, nil
	}
	if family, ok := screenToCome[name]; ok {
		if family == "screen" {
			return true, fmt.Errorf("%s: %w", name, ErrNotYetSupported)
		}
		return true, fmt.Errorf("%s: %w (it comes with the %s commands)", name, ErrNotYetSupported, family)
	}
	return false, nil
}
