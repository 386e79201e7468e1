package server

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// italicIsStandout reports whether SGR 3 means standout to programs run
// with TERM=term: their terminfo's standout (smso) is ESC [ 3 m. It is in
// screen's entries, gmux's default screen-256color among them, which have
// no italics: less and man mark search matches and their prompt with it,
// and screen draws it as reverse video. The entry is read as ncurses finds
// it; without one, screen's family is known by name.
func italicIsStandout(term string) bool {
	if smso, ok := terminfoStandout(term); ok {
		return smso == "\x1b[3m"
	}
	return term == "screen" || strings.HasPrefix(term, "screen-")
}

// terminfoDirs are the directories ncurses looks in for compiled entries,
// in its order.
func terminfoDirs() []string {
	var dirs []string
	if d := os.Getenv("TERMINFO"); d != "" {
		dirs = append(dirs, d)
	}
	if h := os.Getenv("HOME"); h != "" {
		dirs = append(dirs, filepath.Join(h, ".terminfo"))
	}
	system := []string{"/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"}
	if list, ok := os.LookupEnv("TERMINFO_DIRS"); ok {
		for _, d := range strings.Split(list, ":") {
			if d == "" {
				dirs = append(dirs, system...)
			} else {
				dirs = append(dirs, d)
			}
		}
		return dirs
	}
	return append(dirs, system...)
}

// terminfoStandout is term's smso from its compiled terminfo entry.
func terminfoStandout(term string) (string, bool) {
	if term == "" || strings.ContainsAny(term, "/\x00") || strings.HasPrefix(term, ".") {
		return "", false
	}
	for _, dir := range terminfoDirs() {
		// By first letter (Linux), or its hex code (macOS, the BSDs).
		for _, sub := range []string{term[:1], fmt.Sprintf("%02x", term[0])} {
			b, err := os.ReadFile(filepath.Join(dir, sub, term))
			if err != nil {
				continue
			}
			return terminfoString(b, capSmso)
		}
	}
	return "", false
}

// capSmso is enter_standout_mode's place among terminfo's strings.
const capSmso = 35

// terminfoString is string capability n of a compiled terminfo entry
// (term(5): a header of six shorts, the names, the booleans, the numbers
// in 2 or 4 bytes, string offsets, the string table).
func terminfoString(b []byte, n int) (string, bool) {
	if len(b) < 12 {
		return "", false
	}
	short := func(i int) int { return int(int16(binary.LittleEndian.Uint16(b[i:]))) }
	numSize := 2
	switch short(0) {
	case 0o432:
	case 0o1036:
		numSize = 4
	default:
		return "", false
	}
	names, bools, nums, strs, table := short(2), short(4), short(6), short(8), short(10)
	if names < 0 || bools < 0 || nums < 0 || strs < 0 || table < 0 {
		return "", false
	}
	off := 12 + names + bools
	off += off & 1 // the numbers start on an even byte
	off += nums * numSize
	tableStart := off + 2*strs
	if n >= strs || tableStart+table > len(b) {
		return "", false
	}
	at := short(off + 2*n)
	if at < 0 || at >= table {
		return "", false // absent or cancelled
	}
	s := b[tableStart+at : tableStart+table]
	if end := strings.IndexByte(string(s), 0); end >= 0 {
		s = s[:end]
	}
	return string(s), true
}
