package vt

import "strconv"

// DECRQM (CSI Ps $ p, CSI ? Ps $ p): a program asks whether a mode is set.
// The answer is 1 set, 2 reset, 4 permanently reset (a mode gmux knows but
// never has, such as ECMA-48's editing modes), 0 unknown. Below conformance
// level 3 DECRQM does not exist and is not answered, as on a VT220.

// permanentlyResetANSI are ECMA-48 modes no terminal of this family has.
var permanentlyResetANSI = map[int]bool{
	1: true, 5: true, 7: true, 10: true, 11: true, 13: true, 14: true,
	15: true, 16: true, 17: true, 18: true, 19: true,
}

// resetDEC are DEC modes gmux knows and keeps reset: 132 columns, smooth
// scroll, print form feed and extent, the Hebrew and national replacement
// character sets, backarrow sending BS, and so on.
var resetDEC = map[int]bool{
	3: true, 4: true, 18: true, 19: true, 35: true,
	40: true, 41: true, 42: true, 44: true, 67: true,
}

func (s *interp) reportMode(private bool, mode int) {
	if s.level < 3 || len(s.replies) >= maxReplies {
		return
	}
	var v int
	r := "\x1b["
	if private {
		r += "?"
		v = s.decModeState(mode)
	} else {
		v = s.ansiModeState(mode)
	}
	s.replies = append(s.replies, r+strconv.Itoa(mode)+";"+strconv.Itoa(v)+"$y"...)
}

// modeState is DECRQM's answer for a mode gmux keeps.
func modeState(on bool) int {
	if on {
		return 1
	}
	return 2
}

// decModeState is DECRQM's answer for DEC private mode n.
func (s *interp) decModeState(mode int) int {
	m := s.modes
	switch mode {
	case 1:
		return modeState(m.AppCursor)
	case 5:
		return modeState(m.ReverseVideo)
	case 6:
		return modeState(m.Origin)
	case 7:
		return modeState(m.Autowrap)
	case 12:
		return modeState(m.CursorBlink)
	case 25:
		return modeState(m.CursorVisible)
	case 45, 1045:
		return modeState(m.ReverseWrap)
	case 60:
		return 4 // DECHCCM: the cursor is never allowed off the page
	case 66:
		return modeState(m.AppKeypad) // DECNKM
	case 69:
		return modeState(m.LRMargins)
	case 95:
		return modeState(s.noClearOnColumns)
	case 9, 1000, 1002, 1003:
		return modeState(m.Mouse == mode)
	case 1005, 1006, 1015:
		return modeState(m.MouseEncoding == mode)
	case 1004:
		return modeState(m.FocusEvents)
	case 2004:
		return modeState(m.BracketedPaste)
	case 2026:
		return modeState(s.syncOutput)
	case 47, 1047, 1049:
		return modeState(s.altActive)
	}
	if resetDEC[mode] {
		return 2
	}
	return 0
}

// ansiModeState is DECRQM's answer for ANSI mode n.
func (s *interp) ansiModeState(mode int) int {
	switch mode {
	case 2, 12: // KAM, SRM: the keyboard is not locked; local echo is off
		return 2
	case 4:
		return modeState(s.modes.Insert)
	case 20:
		return modeState(s.modes.NewlineMode)
	}
	if permanentlyResetANSI[mode] {
		return 4
	}
	return 0
}

// saveModes is XTSAVE (CSI ? Pm s): remember the DEC modes named.
func (s *interp) saveModes() {
	p := &s.p
	for i := range max(p.nparams, 1) {
		mode := p.raw(i)
		if v := s.decModeState(mode); v == 1 || v == 2 {
			if s.savedModes == nil {
				s.savedModes = map[int]bool{}
			}
			if len(s.savedModes) < 64 || s.savedModes[mode] {
				s.savedModes[mode] = v == 1
			}
		}
	}
}

// restoreModes is XTRESTORE (CSI ? Pm r): set the DEC modes named back to
// what XTSAVE remembered.
func (s *interp) restoreModes() {
	p := &s.p
	for i := range max(p.nparams, 1) {
		mode := p.raw(i)
		if on, ok := s.savedModes[mode]; ok {
			s.setDECMode(mode, on)
		}
	}
}
