package prompt

import (
	"strings"
	"unicode/utf8"

	"github.com/gmux/gmux/server/lineedit"
	"github.com/gmux/gmux/server/vt"
)

// Prompt is an input line on a display's last line (C-a :, C-a A, y/n
// questions). Keys go to it instead of the window until it is done; they
// edit the line as screen's input line does (lineedit), with the terminal's
// cursor where the typing goes.
type Prompt struct {
	Label  string
	Text   string // what the line starts with
	Single bool   // a one-key answer (y/n): done at the first key
	Secret bool   // what is typed is not shown (passwords)
	// Complete, if set, ends the prompt as soon as it says the text is
	// enough (a digraph's two keys).
	Complete func(text string) bool
	// Candidates, if set, are the words Tab completes the word before the
	// cursor from (words: the line's words before it; index: which word it
	// is, from 0); unset, Tab does nothing.
	Candidates func(words []string, index int) []string
	Done       func(text string)
	History    *lineedit.History
	// OnKey, if set, is offered each key first (an incremental search's
	// C-s and C-r); true: it took the key.
	OnKey func(k []byte) bool
	// OnChange, if set, is told the line after each key that changed it.
	OnChange func(text string)

	// Edit is the line being typed, from Open.
	Edit *lineedit.Line
	Hint string // what Tab found when it could not choose; shown until the next key
	// afterEscape: the last key was the command key, which the line took
	// as itself (C-a: to the start); the literal key after it (a) is then
	// taken with it, so that screen's way to type C-a there (C-a a) works
	// as in screen.
	afterEscape bool
}

// View returns the prompt's line for a terminal cols wide and the column of
// its cursor.
func (p *Prompt) View(cols int) (line string, cursor int) {
	label := vt.TextWidth(p.Label)
	if p.Secret {
		return p.Label, label
	}
	text, at := p.Edit.View(label, cols)
	line = p.Label + text
	if p.Hint != "" {
		line += "   " + p.Hint
	}
	return line, label + at
}

// Key feeds input to the prompt (escape and literal: the command key and
// the key that types it); it returns the bytes it did not use and whether
// the prompt is finished.
func (p *Prompt) Key(data []byte, escape, literal byte) (rest []byte, finished bool, accepted bool) {
	p.Hint = ""
	if p.Single {
		r, n := utf8.DecodeRune(data)
		p.Edit = lineedit.New(string(r), nil)
		return data[n:], true, true
	}
	for len(data) > 0 {
		k := lineedit.NextKey(data)
		data = data[len(k):]
		after := p.afterEscape
		p.afterEscape = len(k) == 1 && k[0] == escape
		if after && len(k) == 1 && k[0] == literal {
			continue // C-a a: one C-a, taken already
		}
		if p.OnKey != nil && p.OnKey(k) {
			continue
		}
		var before string
		if p.OnChange != nil {
			before = p.Edit.Text()
		}
		res := p.Edit.Key(k)
		if p.OnChange != nil && res == lineedit.Editing && p.Edit.Text() != before {
			p.OnChange(p.Edit.Text())
		}
		switch res {
		case lineedit.Accepted:
			return data, true, true
		case lineedit.Aborted:
			return data, true, false
		case lineedit.Complete:
			p.tab()
		}
		if p.Complete != nil && p.Complete(p.Edit.Text()) {
			return data, true, true
		}
	}
	return nil, false, false
}

// tab completes the word before the cursor; when the candidates leave a
// choice, they are shown after the line (screen's "Possible commands").
func (p *Prompt) tab() {
	if p.Candidates == nil {
		return
	}
	_, index := p.Edit.Word()
	words := strings.Fields(p.Edit.Text())[:index]
	if several := p.Edit.Complete(p.Candidates(words, index)); len(several) > 0 {
		p.Hint = strings.Join(several, " ")
	}
}

// Open readies the prompt to be typed in: its line starts as Text, over
// History.
func (p *Prompt) Open() { p.Edit = lineedit.New(p.Text, p.History) }

// Paste puts pasted text on the line, as typed but without acting on any
// key in it: a pasted line's end does not run it. It reports whether the
// line is to be drawn again.
func (p *Prompt) Paste(text []byte) bool {
	if p.Single {
		return false
	}
	p.Hint = ""
	before := p.Edit.Text()
	p.Edit.Insert(string(text))
	if p.OnChange != nil && p.Edit.Text() != before {
		p.OnChange(p.Edit.Text())
	}
	return true
}
