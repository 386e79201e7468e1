package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The scenario: 20,000 numbered lines, copy mode, top, search, mark a
// range, yank, paste into cat > file, and check the file exactly.
func TestCopyModeSearchMarkPaste(t *testing.T) {
	e := newSerialEnv(t)
	tm := e.attach(80, 24, "-h", "30000", "-S", "copy", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	tm.send("seq -f 'line %05g' 1 20000\r")
	tm.waitText("line 20000")
	tm.send("\x01[")
	tm.waitText("[20002/20002]") // 20,000 lines, the command line and the prompt
	tm.send("g")
	tm.waitText("line 00001")
	tm.send("/line 12345\r")
	tm.waitMatch(`(?m)^line 12345`) // the line found, not the search typed
	tm.send(" ")                    // mark at the start of the match
	tm.send("2j")                   // two lines down
	tm.send("$")                    // end of the line
	tm.send(" ")                    // copy
	tm.waitText("Copied 32 characters into buffer")
	tm.send("cat > out.txt\r")
	waitFor(t, "cat to run", func() bool { return len(processesRunning("cat")) > 0 })
	tm.send("\x01]")
	tm.waitText("line 12347")
	tm.send("\r\x04")
	tm.send("echo pasted-$((1+1))\r")
	tm.waitText("pasted-2")
	got, err := os.ReadFile(filepath.Join(e.home, "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "line 12345\nline 12346\nline 12347\n" {
		t.Fatalf("pasted file: %q", got)
	}
	// History survives detach and resume.
	tm.send("\x01d")
	tm.waitExit()
	tm2 := e.attach(80, 24, "-r", "copy")
	tm2.waitText("pasted-2")
	tm2.send("\x01[g")
	tm2.waitText("line 00001")
	tm2.send("/line 19999\rY")
	tm2.waitText("Copied 11 characters")
	// A copy across the border of two compressed blocks (1024 lines each,
	// from the first line of the history): lines 1020 to 1030.
	tm2.send("\x01[g/line 01020\r 10j$ ")
	tm2.waitText("Copied 120 characters")
	tm2.send("cat > border.txt\r")
	waitFor(t, "cat to run", func() bool { return len(processesRunning("cat")) > 0 })
	tm2.send("\x01]")
	tm2.waitText("line 01030")
	tm2.send("\r\x04echo border-$((2+2))\r")
	tm2.waitText("border-4")
	got, err = os.ReadFile(filepath.Join(e.home, "border.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for i := 1020; i <= 1030; i++ {
		fmt.Fprintf(&want, "line %05d\n", i)
	}
	if string(got) != want.String() {
		t.Fatalf("pasted across blocks: %q", got)
	}
}

func TestCopyModeOneClientOthersType(t *testing.T) {
	e := newEnv(t)
	a := startSession(t, e, "two")
	b := e.attach(80, 24, "-x", "two")
	b.waitText("$ ")
	a.send("echo before-copy\r")
	a.waitText("before-copy")
	a.send("\x01[")
	a.waitText("[")
	frozen := a.settled(200 * time.Millisecond) // the whole copy-mode frame, not its first part
	b.send("echo typed-by-b\r")
	b.waitText("typed-by-b")
	if strings.Contains(a.text(), "typed-by-b") || a.text() != frozen {
		t.Fatalf("copy mode view changed while the window ran:\n%s", a.text())
	}
	a.send("q")
	a.waitText("typed-by-b")
}

func TestLogAndHardcopy(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "log")
	tm.send("\x01H")
	tm.waitText(`Creating logfile`)
	tm.send("printf '\\033[1;32mgreen\\033[0m logged-line\\n'\r")
	tm.waitText("green logged-line")
	tm.send("\x01H")
	tm.waitText("Logfile closed.")
	tm.send("echo not-logged\r")
	tm.waitText("not-logged")
	log, err := os.ReadFile(filepath.Join(e.home, "gmuxlog.0"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(log), "green logged-line\n") || strings.Contains(string(log), "\x1b") {
		t.Fatalf("log holds %q", log)
	}
	if strings.Contains(string(log), "not-logged\n") {
		t.Fatalf("logged after C-a H turned it off: %q", log)
	}
	tm.send("\x01h")
	tm.waitText("Screen image written")
	hc, err := os.ReadFile(filepath.Join(e.home, "hardcopy.0"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(hc), "green logged-line\n") || strings.Count(string(hc), "\n") != 24 {
		t.Fatalf("hardcopy: %q", hc)
	}
}

func TestMouseWheelEntersCopyMode(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "wheel")
	tm.send("seq -f 'row %03g' 1 100\r")
	tm.waitText("row 100")
	if _, code := e.run("-S", "wheel", "-X", "mousetrack", "on"); code != 0 {
		t.Fatal("mousetrack on failed")
	}
	waitFor(t, "mouse reporting on the terminal", func() bool { return strings.Contains(tm.rawOutput(), "\x1b[?1006h") })
	tm.send("\x1b[<64;10;5M") // wheel up
	tm.waitText("/102]")
	tm.send("\x1b[<64;10;5M\x1b[<64;10;5M")
	waitFor(t, "scrolled up", func() bool { return !strings.Contains(tm.text(), "row 100") })
	tm.send("\x1b[<65;10;5M\x1b[<65;10;5M\x1b[<65;10;5M")
	tm.waitText("row 100")
	waitFor(t, "copy mode left at the bottom", func() bool { return !strings.Contains(tm.text(), "/102]") })
}

// A paste asked for in the same burst as the command that starts its reader
// follows the reader's mode, not the shell's: no bracketed-paste marks in
// the file.
func TestPasteFollowsModeAtDelivery(t *testing.T) {
	e := newEnv(t)
	tm := e.attach(80, 24, "-S", "bp", "bash", "--norc", "--noprofile")
	tm.waitText("$ ")
	os.WriteFile(filepath.Join(e.home, "buf"), []byte("hello paste"), 0o600)
	if out, code := e.run("-S", "bp", "-X", "readbuf", filepath.Join(e.home, "buf")); code != 0 {
		t.Fatalf("readbuf: %q", out)
	}
	tm.send("bind 'set enable-bracketed-paste on'\r")
	tm.waitText("$ ")
	tm.send("cat > out.txt\r\x01]\r\x04")
	tm.send("echo done-$((3+4))\r")
	tm.waitText("done-7")
	got, _ := os.ReadFile(filepath.Join(e.home, "out.txt"))
	if string(got) != "hello paste\n" {
		t.Fatalf("out.txt: %q", got)
	}
}

// logtstamp: a stamp goes into the log once the window has been quiet for
// "after", and another before its output when it speaks after twice that.
func TestLogTimeStamps(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "stamps")
	for _, cmd := range [][]string{
		{"logfile", "flush", "0.2"},
		{"logtstamp", "after", "1"},
		{"logtstamp", "string", "STAMP %n:%t %Y\n"},
		{"logtstamp", "on"},
	} {
		if out, code := e.run(append([]string{"-S", "stamps", "-X"}, cmd...)...); code != 0 {
			t.Fatalf("%v: %d %s", cmd, code, out)
		}
	}
	tm.send("\x01H")
	tm.waitText(`Creating logfile`)
	// The quiet between the two is inside the program: the server sees
	// at least 3.5 s without output, beyond twice "after".
	tm.send("echo first-$((1+1)); sleep 3.5; echo second-$((2+2))\r")
	path := filepath.Join(e.home, "gmuxlog.0")
	stamp := fmt.Sprintf("STAMP 0:bash %d\n", time.Now().Year())
	var log string
	waitFor(t, "the second output logged after two stamps", func() bool {
		b, _ := os.ReadFile(path)
		log = string(b)
		return strings.Contains(log, "second-4\n")
	})
	first := strings.Index(log, "first-2\n")
	second := strings.Index(log, "second-4\n")
	if first < 0 || strings.Count(log[first:second], stamp) != 2 {
		t.Fatalf("want two stamps between the outputs; log:\n%s", log)
	}
	if out, code := e.run("-S", "stamps", "-X", "logtstamp", "after", "soon"); code == 0 || !strings.Contains(out, "seconds") {
		t.Fatalf("a bad logtstamp after was taken: %d %s", code, out)
	}
}

// -Logfile names the log, as screen's: with -L every window logs there from
// the start (%n its number).
func TestLogfileFlag(t *testing.T) {
	e := newEnv(t)
	pattern := filepath.Join(e.home, "mylog.%n")
	tm := e.attach(80, 24, append([]string{"-L", "-Logfile", pattern, "-S", "lf"}, bash...)...)
	tm.waitText("$ ")
	tm.send("echo flagged-$((4*4))\r")
	tm.waitText("flagged-16")
	tm.send("\x01H") // logging off: the log is written and closed
	tm.waitText("Logfile closed.")
	b, err := os.ReadFile(filepath.Join(e.home, "mylog.0"))
	if err != nil || !strings.Contains(string(b), "flagged-16") {
		t.Fatalf("mylog.0: %q, %v", b, err)
	}
}
