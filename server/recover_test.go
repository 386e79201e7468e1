package server

import (
	"bytes"
	"log"
	"strings"
	"testing"
)

func TestPanicInCommandBecomesError(t *testing.T) {
	var logged bytes.Buffer
	s := &session{log: log.New(&logged, "", 0)}
	boom := &command{name: "boom", run: func(*cmdContext, []string) (string, error) { panic("kaboom") }}
	_, err := runSafely(boom, &cmdContext{s: s}, nil)
	if err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(logged.String(), "kaboom") || !strings.Contains(logged.String(), "recover_test.go") {
		t.Fatalf("log lacks the panic and its trace: %s", logged.String())
	}
}

func TestPanicInEventKeepsLoop(t *testing.T) {
	var logged bytes.Buffer
	s := &session{log: log.New(&logged, "", 0), events: make(chan func(), 4)}
	s.post(func() { panic("first") })
	s.post(func() { s.afterEvent(func() { panic("later") }) })
	s.post(func() { s.done = true })
	s.run()
	if strings.Count(logged.String(), "recovered") != 2 {
		t.Fatalf("log: %s", logged.String())
	}
}
