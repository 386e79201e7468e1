package server

// screenAliases are screen's other names for commands gmux has: the def*
// forms that set the default for new windows or displays (here the same
// setting), and old names. runCommand looks them up.
var screenAliases = map[string]string{
	"defescape":     "escape",
	"defshell":      "shell",
	"defzombie":     "zombie",
	"defmousetrack": "mousetrack",
	"bell":          "bell_msg",
}
