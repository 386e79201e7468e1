package prompt

import (
	"testing"

	"github.com/gmux/gmux/server/lineedit"
)

func open(p *Prompt) *Prompt { p.Open(); return p }

// Keys edit the line; Enter answers with it, Esc leaves without an answer;
// what follows the key that ended the line is given back.
func TestKeysAnswer(t *testing.T) {
	p := open(&Prompt{Label: ": ", Text: "sel"})
	rest, finished, accepted := p.Key([]byte("ect 2\rmore"), 0x01, 'a')
	if !finished || !accepted || p.Edit.Text() != "select 2" || string(rest) != "more" {
		t.Fatalf("Enter: finished %v accepted %v line %q rest %q", finished, accepted, p.Edit.Text(), rest)
	}
	p = open(&Prompt{Label: ": "})
	if _, finished, accepted := p.Key([]byte("x\x1b"), 0x01, 'a'); !finished || accepted {
		t.Fatalf("Esc: finished %v accepted %v", finished, accepted)
	}
}

// screen's way to type the command key on its line: C-a a is one C-a,
// which the line takes as "to the start".
func TestCommandKeyThenLiteral(t *testing.T) {
	p := open(&Prompt{Label: ": ", Text: "bc"})
	p.Key([]byte("\x01aA"), 0x01, 'a')
	if got := p.Edit.Text(); got != "Abc" {
		t.Fatalf("C-a a then A: %q, want Abc", got)
	}
}

// A one-key question is answered by the first key; a prompt with Complete
// ends as soon as it says the line is enough.
func TestSingleAndComplete(t *testing.T) {
	p := open(&Prompt{Label: "Really? ", Single: true})
	if rest, finished, accepted := p.Key([]byte("yes"), 0x01, 'a'); !finished || !accepted || p.Edit.Text() != "y" || string(rest) != "es" {
		t.Fatalf("single: %v %v %q %q", finished, accepted, p.Edit.Text(), rest)
	}
	p = open(&Prompt{Label: "Digraph: ", Complete: func(s string) bool { return len(s) == 2 }})
	if _, finished, accepted := p.Key([]byte("a:"), 0x01, 'a'); !finished || !accepted || p.Edit.Text() != "a:" {
		t.Fatalf("complete: %v %v %q", finished, accepted, p.Edit.Text())
	}
}

// Tab completes from the candidates, and shows them when several fit.
func TestTabCompletes(t *testing.T) {
	cands := func(words []string, index int) []string { return []string{"logfile", "logtstamp", "lockscreen"} }
	p := open(&Prompt{Label: ": ", Text: "lo", Candidates: cands})
	p.Key([]byte("\t"), 0x01, 'a')
	if p.Hint == "" {
		t.Fatalf("several fit and none is shown: line %q", p.Edit.Text())
	}
	p.Key([]byte("gf\t"), 0x01, 'a')
	if got := p.Edit.Text(); got != "logfile " && got != "logfile" {
		t.Fatalf("Tab: %q", got)
	}
}

// A secret line shows its label only; a paste is typed in but never ends
// the line.
func TestSecretAndPaste(t *testing.T) {
	p := open(&Prompt{Label: "Password: ", Secret: true})
	p.Key([]byte("hunter2"), 0x01, 'a')
	if line, cursor := p.View(40); line != "Password: " || cursor != 10 {
		t.Fatalf("secret shows %q (cursor %d)", line, cursor)
	}
	p = open(&Prompt{Label: ": ", History: lineedit.NewHistory(5)})
	if !p.Paste([]byte("echo a\rb")) || p.Edit.Text() != "echo ab" { // the line end is not a key here
		t.Fatalf("paste: %q", p.Edit.Text())
	}
}
