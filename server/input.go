package server

// input handles keys typed on client c: the command key and the key after it
// are the user's; everything else goes to the window unchanged.
func (s *session) input(c *client, data []byte) {
	start := 0
	for i := 0; i < len(data); i++ {
		if c.menu != nil {
			s.sendInput(c, data[start:i])
			rest, closed := c.menu.key(data[i:])
			if closed {
				c.menu = nil
			}
			s.markDirty(c)
			data = rest
			i, start = -1, 0
			continue
		}
		if c.copy != nil && c.prompt == nil && !(s.mousetrack && data[i] == 0x1b && s.mouseInput(c, data[i:]) > 0) {
			s.sendInput(c, data[start:i])
			n := s.copyInput(c, data[i:])
			i, start = i+n-1, i+n
			continue
		}
		if c.prompt != nil {
			s.sendInput(c, data[start:i])
			data = s.promptInput(c, data[i:])
			i, start = -1, 0
			continue
		}
		b := data[i]
		if b == 0x1b && s.mousetrack {
			if n := s.mouseInput(c, data[i:]); n > 0 {
				s.sendInput(c, data[start:i])
				i, start = i+n-1, i+n
				continue
			}
		}
		if c.prefix {
			c.prefix = false
			key := nextKey(data[i:])
			i += len(key) - 1
			start = i + 1
			s.runKey(c, key)
			if c.gone || !c.attached {
				return
			}
			continue
		}
		if b == s.escape {
			s.sendInput(c, data[start:i])
			start = i + 1
			c.prefix = true
		}
	}
	if start < len(data) {
		s.sendInput(c, data[start:])
	}
}

// nextKey returns the first key in data: one byte, or a whole CSI or SS3
// sequence (an arrow, a function key) when data starts with one.
func nextKey(data []byte) []byte {
	if len(data) > 2 && data[0] == 0x1b && (data[1] == '[' || data[1] == 'O') {
		j := 2
		for j < len(data) && (data[j] < 0x40 || data[j] > 0x7e) {
			j++
		}
		return data[:min(j+1, len(data))]
	}
	return data[:1]
}

func (s *session) sendInput(c *client, b []byte) {
	if len(b) == 0 || c.win == nil {
		return
	}
	if c.win.exited {
		if s.zombie != "" {
			s.zombieKey(c, b[0])
		}
		return
	}
	c.win.send(b)
	c.fed = c.win
}

// runKey runs the command bound to key (typed after the command key).
func (s *session) runKey(c *client, key []byte) {
	if len(key) != 1 {
		s.showMessage(c, "no command bound to that key")
		return
	}
	args, ok := s.bindings[key[0]]
	if !ok {
		c.bells++
		s.markDirty(c)
		return
	}
	out, err := s.runCommand(&cmdContext{s: s, c: c, w: c.win}, args)
	switch {
	case err != nil:
		s.showMessage(c, err.Error())
	case out != "":
		s.showMessage(c, out)
	}
}
