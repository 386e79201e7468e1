package main

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A program's copy (OSC 52, as Neovim over ssh makes it, or wrapped in
// screen's passthrough, as vim-oscyank does for TERM=screen) goes on to the
// terminal's clipboard, and by default no further: the paste buffer is the
// user's, and any program's output could otherwise fill what C-a ] types
// into a shell. programclipboard on lets copies into the buffer;
// programclipboardread on lets programs read it while a display shows them;
// programclipboard off stops everything.
func TestProgramClipboard(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "clip")
	tm.send("clear\r")
	tm.waitText("$ ")
	e.setBuffer("clip", "the user's own")
	copied := "from a program"
	b64 := base64.StdEncoding.EncodeToString([]byte(copied))
	tm.send(`printf '\e]52;c;%s\a' "$(printf '` + copied + `' | base64)"` + "\r")
	waitFor(t, "the copy sent on to the terminal", func() bool {
		return strings.Contains(tm.rawOutput(), "\x1b]52;c;"+b64+"\a")
	})
	if got := e.pasteBuffer("clip"); got != "the user's own" {
		t.Fatalf("a program's copy replaced the paste buffer by default: %q", got)
	}
	readBack := `printf '\e]52;c;?\a'; IFS= read -rs -t 1 -d $'\a' reply; echo "read:$(printf %s "${reply##*;}" | base64 -d):${#reply}"` + "\r"
	tm.send(readBack)
	tm.waitText("read::0") // reads are off by default

	if out, code := e.run("-S", "clip", "-X", "programclipboard", "on"); code != 0 {
		t.Fatalf("programclipboard on: %d %s", code, out)
	}
	tm.send(`printf '\e]52;c;%s\a' "$(printf '` + copied + `' | base64)"` + "\r")
	waitFor(t, "the copy in the paste buffer", func() bool { return e.pasteBuffer("clip") == copied })
	if out, code := e.run("-S", "clip", "-X", "programclipboardread", "on"); code != 0 {
		t.Fatalf("programclipboardread on: %d %s", code, out)
	}
	tm.send(readBack)
	tm.waitText("read:" + copied + ":")

	// As vim-oscyank sends it where TERM=screen*: in screen's passthrough.
	viaScreen := base64.StdEncoding.EncodeToString([]byte("via screen"))
	tm.send(`printf '\eP\e]52;c;%s\a\e\\' "$(printf 'via screen' | base64)"` + "\r")
	waitFor(t, "the copy in screen's passthrough sent on", func() bool {
		return strings.Contains(tm.rawOutput(), "\x1b]52;c;"+viaScreen+"\a")
	})

	if out, code := e.run("-S", "clip", "-X", "programclipboard", "off"); code != 0 {
		t.Fatalf("programclipboard off: %d %s", code, out)
	}
	if out, _ := e.run("-S", "clip", "-Q", "programclipboard"); !strings.Contains(out, "off") {
		t.Fatalf("programclipboard reads back %q", out)
	}
	refused := base64.StdEncoding.EncodeToString([]byte("refused"))
	tm.send(`printf '\e]52;c;` + refused + `\a'; echo sent-it` + "\r")
	tm.waitText("\nsent-it")
	tm.send(`printf '\e]52;c;?\a'; IFS= read -rs -t 1 -d $'\a' reply; echo "no answer:${#reply}"` + "\r")
	tm.waitText("no answer:0")
	if strings.Contains(tm.rawOutput(), "\x1b]52;c;"+refused) {
		t.Fatal("a copy reached the terminal with programclipboard off")
	}
	if got := e.pasteBuffer("clip"); got != "via screen" {
		t.Fatalf("the buffer is %q, not what it was", got)
	}
}

// A read of the paste buffer is answered only while a display shows the
// window: a program left running in a detached session cannot collect what
// the user copies later.
func TestProgramClipboardReadNeedsDisplay(t *testing.T) {
	e := newEnv(t)
	out := filepath.Join(e.home, "answer")
	// Detached, the program asks for the clipboard, then reports what came.
	script := `sleep 0.5; printf '\e]52;c;?\a'; IFS= read -rs -t 2 -d $'\a' reply; echo "${#reply}" > ` + out + `; sleep 100`
	e.startDetached("rd", "bash", "-c", script)
	e.setBuffer("rd", "secret")
	if o, code := e.run("-S", "rd", "-X", "programclipboardread", "on"); code != 0 {
		t.Fatalf("programclipboardread on: %d %s", code, o)
	}
	waitFor(t, "the program's report", func() bool {
		b, err := os.ReadFile(out)
		return err == nil && strings.HasSuffix(string(b), "\n")
	})
	if b, _ := os.ReadFile(out); string(b) != "0\n" {
		t.Fatalf("a detached program read the paste buffer: %q bytes", b)
	}
}

// setBuffer fills session's paste buffer with text (readbuf).
func (e *env) setBuffer(session, text string) {
	e.t.Helper()
	path := filepath.Join(e.home, "setbuffer")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		e.t.Fatal(err)
	}
	if out, code := e.run("-S", session, "-X", "readbuf", path); code != 0 {
		e.t.Fatalf("readbuf: %d %s", code, out)
	}
}

// What C-a ] types in bracketed paste never holds the paste's end mark: a
// buffer with one would end the paste early, and the shell would run what
// follows it.
func TestBracketedPasteDropsEndMark(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "bp")
	got := filepath.Join(e.home, "got")
	e.setBuffer("bp", "A\x1b[201~B\x1b[20\x1b[201~1~C")
	// The program asks for bracketed paste and records what arrives, raw.
	tm.send("printf '\\e[?2004h'; stty raw -echo; echo re\"\"ady; head -c 15 > " + got + "; stty sane; printf '\\e[?2004l'; echo do\"\"ne\r")
	tm.waitText("ready")
	tm.send("\x01]")
	tm.waitText("done")
	b, _ := os.ReadFile(got)
	if want := "\x1b[200~ABC\x1b[201~"; string(b) != want {
		t.Fatalf("the program got %q, want %q", b, want)
	}
}
