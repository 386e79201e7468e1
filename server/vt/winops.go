package vt

import "strconv"

// XTWINOPS (CSI Ps t), the parts a multiplexer can answer truthfully and
// safely: the window is not iconified (11), sits at 0,0 (13), its text area
// and screen are this many characters (18, 19), and the title stack (22,
// 23). Pixel sizes (14, 16) are the outer terminal's, which gmux does not
// know; title reports (20, 21) would let a program type text of its choice
// into its own input, so they are never answered.

// maxTitleStack is xterm's depth for XTPUSHTITLE.
const maxTitleStack = 10

func (s *interp) windowOp() {
	p := &s.p
	switch p.raw(0) {
	case 11:
		s.replies = append(s.replies, "\x1b[1t"...)
	case 13:
		s.replies = append(s.replies, "\x1b[3;0;0t"...)
	case 18, 19:
		code := "8;"
		if p.raw(0) == 19 {
			code = "9;"
		}
		s.replies = append(s.replies, "\x1b["+code+strconv.Itoa(s.rows)+";"+strconv.Itoa(s.cols)+"t"...)
	case 22:
		if len(s.titleStack) == maxTitleStack {
			s.titleStack = s.titleStack[1:]
		}
		s.titleStack = append(s.titleStack, s.title)
	case 23:
		if n := len(s.titleStack); n > 0 {
			s.title, s.titleStack = s.titleStack[n-1], s.titleStack[:n-1]
			s.changed = true
		}
	}
}
