package vt

// DECSCL (CSI Pl ; Pc " p) selects the conformance level: 61 VT100, 62
// VT200, 63 VT300, 64 VT400, 65 VT500 (gmux's own, the default). A lower
// level takes away what that terminal lacked: DECRQM below level 3,
// left/right margins below level 4. Changing level resets the terminal, as
// the VT300 and later manuals say; the history stays.
func (s *interp) setConformanceLevel() {
	level := s.p.raw(0) - 60
	if level < 1 || level > 5 {
		return
	}
	s.scr().reset()
	s.level = level
}
