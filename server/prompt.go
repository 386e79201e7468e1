package server

import (
	"strings"
	"unicode/utf8"

	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/lineedit"
	"github.com/gmux/gmux/server/vt"
)

// prompt is an input line on a client's last line (C-a :, C-a A, y/n
// questions). Keys go to it instead of the window until it is done; they
// edit the line as screen's input line does (lineedit), with the terminal's
// cursor where the typing goes.
type prompt struct {
	label  string
	text   string // what the line starts with
	single bool   // a one-key answer (y/n): done at the first key
	secret bool   // what is typed is not shown (passwords)
	// complete, if set, ends the prompt as soon as it says the text is
	// enough (a digraph's two keys).
	complete func(text string) bool
	// candidates, if set, are the words Tab completes the word before the
	// cursor from (words: the line's words before it; index: which word it
	// is, from 0); unset, Tab does nothing.
	candidates func(words []string, index int) []string
	done       func(text string)
	history    *lineedit.History
	// onKey, if set, is offered each key first (an incremental search's
	// C-s and C-r); true: it took the key.
	onKey func(k []byte) bool
	// onChange, if set, is told the line after each key that changed it.
	onChange func(text string)

	edit *lineedit.Line
	hint string // what Tab found when it could not choose; shown until the next key
	// afterEscape: the last key was the command key, which the line took
	// as itself (C-a: to the start); the literal key after it (a) is then
	// taken with it, so that screen's way to type C-a there (C-a a) works
	// as in screen.
	afterEscape bool
}

// view returns the prompt's line for a terminal cols wide and the column of
// its cursor.
func (p *prompt) view(cols int) (line string, cursor int) {
	label := vt.TextWidth(p.label)
	if p.secret {
		return p.label, label
	}
	text, at := p.edit.View(label, cols)
	line = p.label + text
	if p.hint != "" {
		line += "   " + p.hint
	}
	return line, label + at
}

// key feeds input to the prompt (escape and literal: the command key and
// the key that types it); it returns the bytes it did not use and whether
// the prompt is finished.
func (p *prompt) key(data []byte, escape, literal byte) (rest []byte, finished bool, accepted bool) {
	p.hint = ""
	if p.single {
		r, n := utf8.DecodeRune(data)
		p.edit = lineedit.New(string(r), nil)
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
		if p.onKey != nil && p.onKey(k) {
			continue
		}
		var before string
		if p.onChange != nil {
			before = p.edit.Text()
		}
		res := p.edit.Key(k)
		if p.onChange != nil && res == lineedit.Editing && p.edit.Text() != before {
			p.onChange(p.edit.Text())
		}
		switch res {
		case lineedit.Accepted:
			return data, true, true
		case lineedit.Aborted:
			return data, true, false
		case lineedit.Complete:
			p.tab()
		}
		if p.complete != nil && p.complete(p.edit.Text()) {
			return data, true, true
		}
	}
	return nil, false, false
}

// tab completes the word before the cursor; when the candidates leave a
// choice, they are shown after the line (screen's "Possible commands").
func (p *prompt) tab() {
	if p.candidates == nil {
		return
	}
	_, index := p.edit.Word()
	words := strings.Fields(p.edit.Text())[:index]
	if several := p.edit.Complete(p.candidates(words, index)); len(several) > 0 {
		p.hint = strings.Join(several, " ")
	}
}

// openPrompt starts a prompt on client c.
func (s *session) openPrompt(c *client, p *prompt) {
	p.edit = lineedit.New(p.text, p.history)
	c.prompt = p
	c.markDirty(s)
}

// handle is the prompt as an input layer: modal, it takes everything.
func (p *prompt) handle(s *session, c *client, ev input.Event) bool {
	switch ev.Kind {
	case input.Key, input.Text:
		// What follows the key that ended the prompt in one event (Esc and
		// a key typed right after it come as Alt+key) goes on as typed.
		if rest := p.input(s, c, ev.Bytes); len(rest) > 0 {
			kind := input.Text
			if rest[0] == 0x1b {
				kind = input.Key
			}
			s.dispatch(c, input.Event{Kind: kind, Bytes: rest})
		}
	case input.Paste:
		p.paste(s, c, ev.Bytes)
	}
	return true // the rest (mouse, paste marks, replies) means nothing here
}

// input passes keys to the prompt, open on c, and returns what is left.
func (p *prompt) input(s *session, c *client, data []byte) []byte {
	rest, finished, accepted := p.key(data, s.set.Escape, s.set.Literal)
	if finished {
		c.prompt = nil
		if accepted {
			p.done(p.edit.Text())
		}
	}
	c.markDirty(s)
	return rest
}

// paste puts pasted text on the prompt, open on c, as typed but without
// acting on any key in it: a pasted line's end does not run it.
func (p *prompt) paste(s *session, c *client, text []byte) {
	if !p.single {
		p.hint = ""
		before := p.edit.Text()
		p.edit.Insert(string(text))
		if p.onChange != nil && p.edit.Text() != before {
			p.onChange(p.edit.Text())
		}
		c.markDirty(s)
	}
}
