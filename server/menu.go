package server

// menu is a full-screen list a client picks from (the window list). Keys go
// to it until a choice is made or it is left.
type menu struct {
	title string
	items []string
	ids   []int // the number each item answers to when typed (window numbers)
	sel   int
	done  func(index int) // -1 when left without a choice
}

// key handles input; it returns the unused rest and whether the menu closed.
func (m *menu) key(data []byte) ([]byte, bool) {
	for i := 0; i < len(data); i++ {
		b := data[i]
		switch {
		case len(nextKey(data[i:])) > 1: // an arrow or another sequence
			key := nextKey(data[i:])
			switch key[len(key)-1] {
			case 'A':
				m.move(-1)
			case 'B':
				m.move(+1)
			}
			i += len(key) - 1
		case b == 'k' || b == 0x10: // k, C-p
			m.move(-1)
		case b == 'j' || b == 0x0e || b == ' ': // j, C-n
			m.move(+1)
		case m.sel < 0:
			// A list without choices (help) closes on any key.
			m.done(-1)
			return data[i+1:], true
		case b == '\r' || b == '\n':
			m.done(m.sel)
			return data[i+1:], true
		case b >= '0' && b <= '9':
			for idx, id := range m.ids {
				if id == int(b-'0') {
					m.done(idx)
					return data[i+1:], true
				}
			}
		case b == 0x1b || b == 'q' || b == 0x07:
			m.done(-1)
			return data[i+1:], true
		}
	}
	return nil, false
}

func (m *menu) move(d int) {
	if len(m.items) == 0 || m.sel < 0 {
		return
	}
	m.sel = (m.sel + d + len(m.items)) % len(m.items)
}
