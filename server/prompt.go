package server

import "unicode/utf8"

// prompt is an input line on a client's last line (C-a :, C-a A, y/n
// questions). Keys go to it instead of the window until it is done.
type prompt struct {
	label  string
	buf    []rune
	single bool // a one-key answer (y/n): done at the first key
	secret bool // what is typed is not shown (passwords)
	// complete, if set, ends the prompt as soon as it says the text is
	// enough (a digraph's two keys).
	complete func(buf []rune) bool
	done     func(text string)
	history  *[]string
	histPos  int
}

func (p *prompt) line() string {
	if p.secret {
		return p.label
	}
	return p.label + string(p.buf)
}

// key feeds input to the prompt; it returns the bytes it did not use and
// whether the prompt is finished.
func (p *prompt) key(data []byte) (rest []byte, finished bool, accepted bool) {
	for i := 0; i < len(data); {
		b := data[i]
		if p.single {
			r, n := utf8.DecodeRune(data[i:])
			p.buf = []rune{r}
			return data[i+n:], true, true
		}
		switch {
		case b == '\r' || b == '\n':
			return data[i+1:], true, true
		case len(nextKey(data[i:])) > 1:
			// Arrow keys: up and down walk the history.
			key := nextKey(data[i:])
			switch key[len(key)-1] {
			case 'A':
				p.walkHistory(-1)
			case 'B':
				p.walkHistory(+1)
			}
			i += len(key)
			continue
		case b == 0x1b || b == 0x07 || b == 0x03: // Esc, C-g, C-c abort
			return data[i+1:], true, false
		case b == 0x7f || b == 0x08:
			if len(p.buf) > 0 {
				p.buf = p.buf[:len(p.buf)-1]
			}
		case b == 0x15: // C-u
			p.buf = p.buf[:0]
		case b == 0x17: // C-w: the word before the cursor
			for len(p.buf) > 0 && p.buf[len(p.buf)-1] == ' ' {
				p.buf = p.buf[:len(p.buf)-1]
			}
			for len(p.buf) > 0 && p.buf[len(p.buf)-1] != ' ' {
				p.buf = p.buf[:len(p.buf)-1]
			}
		case b >= 0x20:
			r, n := utf8.DecodeRune(data[i:])
			p.buf = append(p.buf, r)
			i += n
			if p.complete != nil && p.complete(p.buf) {
				return data[i:], true, true
			}
			continue
		}
		i++
	}
	return nil, false, false
}

func (p *prompt) walkHistory(dir int) {
	if p.history == nil || len(*p.history) == 0 {
		return
	}
	h := *p.history
	p.histPos = max(0, min(p.histPos+dir, len(h)))
	if p.histPos == len(h) {
		p.buf = p.buf[:0]
		return
	}
	p.buf = []rune(h[p.histPos])
}

// openPrompt starts a prompt on client c.
func (s *session) openPrompt(c *client, p *prompt) {
	if p.history != nil {
		p.histPos = len(*p.history)
	}
	c.prompt = p
	s.markDirty(c)
}

// promptInput passes input to c's open prompt and returns what is left.
func (s *session) promptInput(c *client, data []byte) []byte {
	p := c.prompt
	rest, finished, accepted := p.key(data)
	if finished {
		c.prompt = nil
		if accepted {
			text := string(p.buf)
			if p.history != nil && text != "" {
				*p.history = append(*p.history, text)
				if len(*p.history) > 100 {
					*p.history = (*p.history)[1:]
				}
			}
			p.done(text)
		}
	}
	s.markDirty(c)
	return rest
}
