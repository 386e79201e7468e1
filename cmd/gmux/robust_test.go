package main

import (
	"encoding/binary"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gmux/gmux/proto"
)

// socketOf returns the socket path of the one session in e.
func socketOf(t *testing.T, e *env) string {
	t.Helper()
	entries, _ := os.ReadDir(e.dir)
	for _, ent := range entries {
		if ent.Type()&os.ModeSocket != 0 {
			return filepath.Join(e.dir, ent.Name())
		}
	}
	t.Fatal("no session socket")
	return ""
}

func TestVersionMismatchIsClear(t *testing.T) {
	e := newEnv(t)
	e.startDetached("v", "sleep", "1000")
	conn, err := net.Dial("unix", socketOf(t, e))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	hello := proto.EncodeHello(proto.Hello{Mode: proto.ModeAttach})
	binary.BigEndian.PutUint16(hello, 99)
	proto.WriteFrame(conn, proto.TypeHello, hello)
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	f, err := proto.NewReader(conn).ReadFrame()
	if err != nil || f.Type != proto.TypeWelcome {
		t.Fatalf("no welcome: %v %v", f, err)
	}
	w, err := proto.DecodeWelcome(f.Payload)
	if err != nil || !strings.Contains(w.Error, "client speaks protocol v99, this server v1") {
		t.Fatalf("welcome %+v, %v", w, err)
	}
}

// Broken peers are dropped; the server goes on serving everyone else.
func TestBadClientsDropped(t *testing.T) {
	e := newEnv(t)
	e.startDetached("bad", "sleep", "1000")
	path := socketOf(t, e)
	for _, junk := range [][]byte{
		[]byte("GET / HTTP/1.0\r\n\r\n"),
		{byte(proto.TypeHello), 0xff, 0xff, 0xff, 0xff},
		{byte(proto.TypeInput), 0, 0, 0, 5, 'x'},
		append([]byte{byte(proto.TypeHello), 0, 0, 0, 4}, 0, 1, '{', '{'),
	} {
		conn, err := net.Dial("unix", path)
		if err != nil {
			t.Fatal(err)
		}
		conn.Write(junk)
		// A truncated frame is dropped when the hello deadline (10 s) passes.
		conn.SetReadDeadline(time.Now().Add(15 * time.Second))
		buf := make([]byte, 100)
		for {
			if _, err := conn.Read(buf); err != nil {
				var ne net.Error
				if errors.As(err, &ne) && ne.Timeout() {
					t.Fatalf("server kept a broken connection open (sent %q)", junk)
				}
				break
			}
		}
		conn.Close()
	}
	// A silent connection does not block others either.
	silent, _ := net.Dial("unix", path)
	defer silent.Close()
	if ls := e.ls(); !strings.Contains(ls, "(Detached)") {
		t.Fatalf("server stopped serving: %s", ls)
	}
}

// A client that stops reading must not slow the program or the other clients.
func TestStuckClientDoesNotStall(t *testing.T) {
	e := newSerialEnv(t)
	tm := startSession(t, e, "flood")
	stuck, err := net.Dial("unix", socketOf(t, e))
	if err != nil {
		t.Fatal(err)
	}
	defer stuck.Close()
	proto.WriteFrame(stuck, proto.TypeHello, proto.EncodeHello(proto.Hello{
		Mode: proto.ModeAttach, Term: "xterm-256color", Cols: 80, Rows: 24, Shared: true}))
	// It never reads: its socket buffer fills while the program floods.
	start := time.Now()
	tm.send("seq 1 300000 | tail -c 1000000 >/dev/null; seq 1 200000; echo flood-$((1+1))-done\r")
	tm.waitText("flood-2-done")
	if d := time.Since(start); d > 8*time.Second {
		t.Fatalf("flood took %v with a stuck client", d)
	}
	tm.send("echo still-responsive\r")
	tm.waitText("still-responsive")
}

// Full-screen programs come back as they were.
func TestResumeFullScreenPrograms(t *testing.T) {
	for _, prog := range []struct{ name, cmd, want string }{
		{"vim", "vim -u NONE -N -n -i NONE /etc/passwd", "root:x:0:0"},
		{"less", "less /etc/passwd", "root:x:0:0"},
		{"top", "top -d 1000", "PID"},
		{"htop", "htop -d 1000", "PID"},
	} {
		t.Run(prog.name, func(t *testing.T) {
			if _, err := exec.LookPath(prog.name); err != nil {
				t.Skipf("%s not installed", prog.name)
			}
			e := newEnv(t)
			tm := startSession(t, e, prog.name)
			tm.send(prog.cmd + "\r")
			tm.waitText(prog.want)
			before := tm.settled(300 * time.Millisecond) // the program's first paint done
			tm.send("\x01d")
			tm.waitExit()
			tm2 := e.attach(80, 24, "-r")
			tm2.waitText(prog.want)
			waitFor(t, "the same screen after resume", func() bool { return tm2.text() == before })
			if prog.name == "vim" {
				tm2.send(":q!\r")
				tm2.waitText("$ ")
			}
		})
	}
}
