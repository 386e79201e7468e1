package server

// defaultBindings are screen's default key bindings, as command lines.
var defaultBindings = map[string]string{
	"c": "screen", "^C": "screen",
	"n": "next", "^N": "next", " ": "next",
	"p": "prev", "^P": "prev", "^H": "prev", "^?": "prev",
	"0": "select 0", "1": "select 1", "2": "select 2", "3": "select 3", "4": "select 4",
	"5": "select 5", "6": "select 6", "7": "select 7", "8": "select 8", "9": "select 9",
	"'": "select", "\"": "windowlist",
	"d": "detach", "^D": "detach", "D": "pow_detach",
	"a": "meta",
	"A": "title",
	"k": "kill", "^K": "kill",
	"w": "windows", "^W": "windows",
	"N": "number",
	"i": "info", "^I": "focus", // Tab is C-i: screen's C-a Tab moves between regions
	"l": "redisplay", "^L": "redisplay",
	"C": "clear",
	"v": "version",
	"t": "time", "^T": "time",
	"?":  "help",
	":":  "colon",
	"\\": "quit", "^\\": "quit",
	"[": "copy", "^[": "copy", "]": "paste", "^]": "paste",
	"<": "readbuf", ">": "writebuf",
	"H": "log", "h": "hardcopy",
	"z": "suspend", "^Z": "suspend",
	"r": "wrap", "^R": "wrap", "f": "flow", "^F": "flow", "Z": "reset",
	"{": "history", "}": "history", "^V": "digraph",
	"x": "lockscreen", "^X": "lockscreen",
	"F": "fit", "S": "split", "|": "split -v", "X": "remove", "Q": "only", "*": "displays",
	"M": "monitor", "_": "silence", "m": "lastmsg", "^M": "lastmsg", "^G": "vbell",
}

// installDefaultBindings binds screen's keys, plus escape-key bindings that
// depend on the escape character: C-a C-a (other) and C-a a (meta).
func (s *session) installDefaultBindings() {
	s.set.Bindings = map[byte][]string{}
	for k, line := range defaultBindings {
		key, err := parseKey(k)
		if err != nil {
			panic(err) // the table above is ours
		}
		args, _ := splitCommand(line)
		s.set.Bindings[key] = args
	}
	s.set.Bindings[s.set.Escape] = []string{"other"}
	s.set.Bindings[s.set.Literal] = []string{"meta"}
}
