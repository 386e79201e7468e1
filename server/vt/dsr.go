package vt

import "strconv"

// DEC-private device status reports (CSI ? Ps n): each answer is a fixed
// statement of what gmux is, built here, never text a program supplied.
// gmux has no printer, no user-defined keys, no locator device and one
// session per terminal; its macro space is empty.
func (s *interp) privateStatusReport() {
	p := &s.p
	var reply string
	switch p.raw(0) {
	case 6: // DECXCPR: the cursor, and the page (always 1) from level 4 on
		x, y := s.cursorForReport()
		reply = "\x1b[?" + strconv.Itoa(y+1) + ";" + strconv.Itoa(x+1)
		if s.level >= 4 {
			reply += ";1"
		}
		reply += "R"
	case 15: // printer: none
		reply = "\x1b[?13n"
	case 25: // user-defined keys: locked (gmux has none to set)
		reply = "\x1b[?21n"
	case 26: // keyboard: language unknown, ready, LK201-class; shorter below level 4
		switch {
		case s.level <= 2:
			reply = "\x1b[?27;0n"
		case s.level == 3:
			reply = "\x1b[?27;0;0n"
		default:
			reply = "\x1b[?27;0;0;0n"
		}
	case 53, 55: // locator status: none
		reply = "\x1b[?50n"
	case 56: // locator type: unknown
		reply = "\x1b[?57;0n"
	case 62: // DECMSR: no macro space
		reply = "\x1b[0*{"
	case 63: // DECCKSR: the checksum of the (empty) macro space
		reply = "\x1bP" + strconv.Itoa(p.raw(1)) + "!~0000\x1b\\"
	case 75: // data integrity: no errors
		reply = "\x1b[?70n"
	case 85: // multiple sessions: not configured
		reply = "\x1b[?83n"
	default:
		return
	}
	if len(s.replies) < maxReplies {
		s.replies = append(s.replies, reply...)
	}
}
