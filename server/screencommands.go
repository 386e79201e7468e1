package server

// screenCommands are GNU screen 4.9's commands, as its manual lists them,
// and screen 5's truecolor, which newer .screenrc files carry.
// Each is gmux's own command, accepted without effect (screenNoEffect) or
// still to come (screenToCome): a .screenrc never meets "unknown command"
// (TestEveryScreenCommandKnown), and docs/guide.md's "Coming from screen"
// table lists them all (TestDocsMatchTables).
var screenCommands = []string{
	"acladd", "aclchg", "acldel", "aclgrp", "aclumask", "activity", "addacl", "allpartial", "altscreen", "at",
	"attrcolor", "autodetach", "autonuke", "backtick", "bce", "bell", "bell_msg", "bind", "bindkey", "blanker",
	"blankerprg", "break", "breaktype", "bufferfile", "bumpleft", "bumpright", "c1", "caption", "charset", "chacl",
	"chdir", "cjkwidth", "clear", "collapse", "colon", "command", "compacthist", "console", "copy", "copy_reg",
	"crlf", "debug", "defautonuke", "defbce", "defbreaktype", "defc1", "defcharset", "defdynamictitle",
	"defencoding", "defescape", "defflow", "defgr", "defhstatus", "defkanji", "deflog", "deflogin", "defmode",
	"defmonitor", "defmousetrack", "defnonblock", "defobuflimit", "defscrollback", "defshell", "defsilence",
	"defslowpaste", "defutf8", "defwrap", "defwritelock", "defzombie", "detach", "digraph", "dinfo", "displays",
	"dumptermcap", "dynamictitle", "echo", "encoding", "escape", "eval", "exec", "fit", "flow", "focus",
	"focusminsize", "gr", "group", "hardcopy", "hardcopy_append", "hardcopydir", "hardstatus", "height", "help",
	"history", "hstatus", "idle", "ignorecase", "info", "ins_reg", "kanji", "kill", "lastmsg", "layout",
	"license", "lockscreen", "log", "logfile", "login", "logtstamp", "mapdefault", "mapnotnext", "maptimeout",
	"markkeys", "maxwin", "meta", "monitor", "mousetrack", "msgminwait", "msgwait", "multiuser", "nethack", "next",
	"nonblock", "number", "obuflimit", "only", "other", "partial", "password", "paste", "paste_reg", "pastefont",
	"pow_break", "pow_detach", "pow_detach_msg", "prev", "printcmd", "process", "quit", "readbuf", "readreg",
	"redisplay", "register", "remove", "removebuf", "rendition", "reset", "resize", "screen", "scrollback",
	"select", "sessionname", "setenv", "setsid", "shell", "shelltitle", "silence", "silencewait", "sleep",
	"slowpaste", "sorendition", "sort", "source", "split", "startup_message", "stuff", "su", "suspend", "term",
	"termcap", "termcapinfo", "terminfo", "time", "title", "truecolor", "umask", "unbindall", "unsetenv", "utf8", "vbell",
	"vbell_msg", "vbellwait", "verbose", "version", "wall", "width", "windowlist", "windows", "wrap", "writebuf",
	"writelock", "xoff", "xon", "zmodem", "zombie", "zombie_timeout",
}
