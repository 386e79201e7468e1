package server

import (
	"bufio"
	"bytes"
	"fmt"
	"os"

	"github.com/gmux/gmux/server/userfile"
)

// maxSourceDepth bounds nested source commands (a file sourcing itself).
const maxSourceDepth = 10

// sourceFile runs each line of a config file. A bad line yields a message
// naming file:line and the rest still runs. err is set only when the file
// cannot be read at all.
func (s *session) sourceFile(path string, depth int) (errs []string, err error) {
	if depth > maxSourceDepth {
		return nil, fmt.Errorf("%s: source nested too deep", path)
	}
	text, err := userfile.ReadConfig(path)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(text))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		// One command a line: screen does not join a line ending in a
		// backslash to the next (Debian's /etc/screenrc ends one with
		// `bind ^\`, and the line after it must stay a command of its own).
		line := sc.Text()
		args, perr := splitCommandEnv(line, s.variable)
		if perr == nil && len(args) > 0 && args[0] == "source" && len(args) == 2 {
			sub, serr := s.sourceFile(expandHome(args[1]), depth+1)
			errs = append(errs, sub...)
			if serr != nil {
				errs = append(errs, fmt.Sprintf("%s:%d: %v", path, n, serr))
			}
			continue
		}
		if perr == nil && len(args) > 0 { // a blank or comment line is nothing to run
			_, perr = s.runCommand(s.configContext(args[0]), args)
		}
		if perr != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: %v", path, n, perr))
			if len(args) > 0 && args[0] == "password" && s.unusablePassword == "" {
				s.unusablePassword = errs[len(errs)-1]
			}
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Sprintf("%s: %v", path, err))
	}
	return errs, nil
}

// configFiles are the config files to read, in order: the system file
// ($SYSGMUXRC, else /etc/gmuxrc) first, as screen reads /etc/screenrc first,
// so that the user's file has the last word; then -c, else $GMUXRC, else
// ~/.gmuxrc, else ~/.screenrc, so that a screen user's file works as it is.
// explicit marks a file the user named, which must exist; a missing system
// file is no error, as in screen.
func configFiles(flag string) []configFile {
	sys := os.Getenv("SYSGMUXRC")
	if sys == "" {
		sys = "/etc/gmuxrc"
	}
	files := []configFile{{path: sys}}
	switch {
	case flag != "":
		files = append(files, configFile{path: expandHome(flag), explicit: true})
	case os.Getenv("GMUXRC") != "":
		files = append(files, configFile{path: expandHome(os.Getenv("GMUXRC")), explicit: true})
	case os.Getenv("HOME") != "":
		home := os.Getenv("HOME")
		user := home + "/.gmuxrc"
		if _, err := os.Stat(user); err != nil {
			if _, serr := os.Stat(home + "/.screenrc"); serr == nil {
				user = home + "/.screenrc"
			}
		}
		files = append(files, configFile{path: user})
	}
	return files
}

// configFile is one file of configFiles.
type configFile struct {
	path     string
	explicit bool // named by the user: missing is an error
}
