package server

// A config file that splits (screen users write `split`, `focus` and
// `screen` lines in .screenrc to arrange their first display) runs before
// any terminal is attached. Its display commands act on a boot display: a
// display of the size the session started with, never attached, whose
// regions the `screen` and `select` lines after them fill. When the config
// is done its regions are the session's last, so the first terminal to
// attach gets them, with each window where the config put it.

// bootCommands act on the boot display when run from a config.
var bootCommands = map[string]bool{
	"split": true, "focus": true, "only": true, "remove": true, "resize": true, "layout": true,
	"screen": true, "select": true, "next": true, "prev": true, "other": true,
}

// configContext is the context a config line runs in.
func (s *session) configContext(name string) *cmdContext {
	x := &cmdContext{s: s, w: s.lastWin}
	if !bootCommands[name] {
		return x
	}
	if s.boot == nil {
		if name != "split" && name != "layout" {
			return x // nothing split yet: as without a display
		}
		s.boot = &client{s: s, display: display{cols: s.opts.Cols, rows: s.opts.Rows}}
		s.boot.win = s.lastWin
	}
	x.c = s.boot
	if s.boot.win != nil {
		x.w = s.boot.win
	}
	return x
}

// bootDone hands the boot display's regions and layout to the first
// terminal that attaches.
func (s *session) bootDone() {
	if s.boot == nil {
		return
	}
	s.lastRegions = s.boot.saveRegions()
	if s.boot.named != nil {
		s.layouts.last = s.boot.named
	}
	if s.boot.win != nil {
		s.setLastWin(s.boot.win)
	}
	s.boot = nil
}
