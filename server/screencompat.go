package server

import (
	"errors"
	"fmt"
)

// screen 4.9's commands that gmux does not have, so that a real .screenrc
// reads cleanly: those with no meaning here are accepted and do nothing
// (docs/guide.md says why), and those still to come say so instead of
// "unknown command".

// ErrNotYetSupported is returned for a screen command gmux does not have yet.
var ErrNotYetSupported = errors.New("not yet supported by gmux")

// screenNoEffect are screen's commands about terminal capabilities and
// encodings that gmux handles by itself: terminfo is read from the client's
// TERM, and everything is UTF-8.
var screenNoEffect = map[string]bool{
	"termcap": true, "termcapinfo": true, "terminfo": true,
	"defutf8": true, "utf8": true, "encoding": true, "defencoding": true,
	"zmodem": true, "xon": true, "xoff": true, "crlf": true,
}

// screenToCome are screen's commands gmux does not do yet, by family.
var screenToCome = map[string]string{}

func init() {
	for family, names := range map[string][]string{
		"regions":   {"split", "focus", "only", "remove", "resize", "fit", "layout", "width", "height", "displays"},
		"attention": {"silence", "silencewait", "defsilence", "bell", "vbellwait", "lockscreen", "password"},
		"multiuser": {"multiuser", "acladd", "aclchg", "acldel", "aclgrp", "aclumask", "addacl", "chacl", "writelock", "defwritelock", "su"},
		"screen": {"deflogin", "login", "nonblock", "defnonblock", "obuflimit", "defobuflimit",
			"printcmd", "setsid", "license",
			"pow_break", "break", "breaktype", "defbreaktype", "charset", "defcharset",
			"c1", "defc1", "gr", "defgr", "kanji", "defkanji", "nethack", "allpartial", "partial",
			"hardcopy_append", "hardcopydir", "logtstamp", "defmode", "compacthist", "console",
			"copy_reg", "ins_reg", "paste_reg", "pastefont", "defautonuke", "autonuke", "focusminsize",
			"group", "debug", "truecolor", "umask"},
	} {
		for _, n := range names {
			screenToCome[n] = family
		}
	}
}

// screenCommand answers for a name not in the command table that screen
// has; known is false for a name screen does not have either.
func screenCommand(name string) (known bool, err error) {
	if screenNoEffect[name] {
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
