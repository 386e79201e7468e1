package main

import (
	"encoding/base64"
	"strings"
	"testing"
)

// A program's copy (OSC 52, as Neovim over ssh makes it, or wrapped in
// screen's passthrough, as vim-oscyank does for TERM=screen) goes on to the
// terminal's clipboard and into the paste buffer; a program's read of the
// clipboard gets the paste buffer; programclipboard off stops both.
func TestProgramClipboard(t *testing.T) {
	e := newEnv(t)
	tm := startSession(t, e, "clip")
	copied := "from a program"
	b64 := base64.StdEncoding.EncodeToString([]byte(copied))
	tm.send(`printf '\e]52;c;%s\a' "$(printf '` + copied + `' | base64)"` + "\r")
	waitFor(t, "the copy sent on to the terminal", func() bool {
		return strings.Contains(tm.rawOutput(), "\x1b]52;c;"+b64+"\a")
	})
	tm.send("clear\r")
	tm.waitText("$ ")
	tm.send("\x01]")
	tm.waitText("$ " + copied)
	tm.send("\x15") // C-u: the pasted line is not run

	tm.send(`printf '\e]52;c;?\a'; IFS= read -rs -d $'\a' reply; echo "read:$(printf %s "${reply##*;}" | base64 -d)"` + "\r")
	tm.waitText("read:" + copied)

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
	tm.send("clear\r")
	tm.waitText("$ ")
	tm.send("\x01]")
	tm.waitText("$ via screen") // the buffer is what it was
}
