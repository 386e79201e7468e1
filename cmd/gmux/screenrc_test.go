package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// writeRC writes a config file in e's home and returns its path.
func writeRC(t *testing.T, e *env, text string) string {
	t.Helper()
	rc := filepath.Join(e.home, "rc")
	if err := os.WriteFile(rc, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return rc
}

// backtick: a persistent command's lines replace each other on the status
// line as they come; a periodic one runs again when its value is stale.
func TestBacktick(t *testing.T) {
	e := newEnv(t)
	rc := writeRC(t, e, `backtick 1 0 0 sh -c 'echo first; while [ ! -e go ]; do sleep 0.05; done; echo second; sleep 600'
backtick 2 1 1 sh -c 'n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; echo run$n'
hardstatus alwayslastline "[%1`+"`"+`][%2`+"`"+`]"
`)
	tm := e.attach(80, 24, "-c", rc, "-S", "bt")
	tm.waitText("[first][run1]")
	os.WriteFile(filepath.Join(e.home, "go"), nil, 0o600)
	tm.waitText("[second]")
	tm.waitMatchWithin(`\[run[2-9]\]`, 10*time.Second)
}
