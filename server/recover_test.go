package server

import (
	"bytes"
	"log"
	"net"
	"strings"
	"testing"

	"github.com/gmux/gmux/proto"
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

// A panic while handling a client's frame drops that client only, and the
// log says which frame: the words are made after the panic, not per frame.
func TestPanicInFrameDropsClient(t *testing.T) {
	var logged bytes.Buffer
	s := &session{log: log.New(&logged, "", 0), clients: map[*client]bool{}}
	end, other := net.Pipe()
	defer other.Close()
	c := &client{s: s, id: 7}
	c.Open(end, nil, 0, &s.frz)
	s.clients[c] = true
	func() {
		defer s.recoverFrame(c, proto.TypeResize)
		panic("kaboom")
	}()
	if !c.Gone || len(s.clients) != 0 {
		t.Fatalf("client not dropped: gone %v, clients %d", c.Gone, len(s.clients))
	}
	want := "client 7: panic while handling a " + proto.TypeResize.String() + " frame"
	if !strings.Contains(logged.String(), want) || !strings.Contains(logged.String(), "kaboom") || !strings.Contains(logged.String(), "recover_test.go") {
		t.Fatalf("log lacks %q, the panic or its trace: %s", want, logged.String())
	}
	if n := testing.AllocsPerRun(100, func() {
		func() { defer s.recoverFrame(c, proto.TypeInput) }()
	}); n != 0 {
		t.Errorf("%v allocations per frame without a panic, want none", n)
	}
}
