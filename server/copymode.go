package server

import (
	"github.com/gmux/gmux/server/copymode"
	"github.com/gmux/gmux/server/window"
)

// copyMode is a display's copy mode (server/copymode: the keys, the
// cursor, marks, searches and the copy) and the window it is a copy of.
type copyMode struct {
	*copymode.Mode
	win *window.Window
}
