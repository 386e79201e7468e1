package server

import (
	"bufio"
	"fmt"
	"os"
	"strings"
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
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	var pending string
	for sc.Scan() {
		n++
		line := pending + sc.Text()
		// A backslash at the end of a line continues it, as in screen.
		if strings.HasSuffix(line, "\\") && !strings.HasSuffix(line, "\\\\") {
			pending = line[:len(line)-1]
			continue
		}
		pending = ""
		args, perr := splitCommandEnv(line, s.variable)
		if perr == nil && len(args) > 0 && args[0] == "source" && len(args) == 2 {
			sub, serr := s.sourceFile(expandHome(args[1]), depth+1)
			errs = append(errs, sub...)
			if serr != nil {
				errs = append(errs, fmt.Sprintf("%s:%d: %v", path, n, serr))
			}
			continue
		}
		if perr == nil {
			_, perr = s.runCommand(&cmdContext{s: s, w: s.lastWin}, args)
		}
		if perr != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: %v", path, n, perr))
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Sprintf("%s: %v", path, err))
	}
	return errs, nil
}

// configPath is the config file: -c, else $GMUXRC, else ~/.gmuxrc. explicit
// is false for the default, which may be missing.
func configPath(flag string) (path string, explicit bool) {
	if flag != "" {
		return expandHome(flag), true
	}
	if env := os.Getenv("GMUXRC"); env != "" {
		return expandHome(env), true
	}
	if home := os.Getenv("HOME"); home != "" {
		return home + "/.gmuxrc", false
	}
	return "", false
}
