package server

import (
	"github.com/gdamore/tcell/v2"
	"github.com/gmux/gmux/server/statusline"
)

// Status and caption lines carry their styles as zero-width markers
// (server/statusline/marks.go).

// statusStyle is a status line's style at a point.
type statusStyle = statusline.Style

// barStyle is a bar's style before any %{...}: reverse video, as screen's.
var barStyle = statusStyle{Attr: statusline.Reverse}

// applyStatusStyle reads one %{...} body (without the braces) over cur.
func applyStatusStyle(cur statusStyle, spec string) statusStyle {
	return statusline.ApplyStyle(cur, spec)
}

// tcellStatusStyle is st as tcell draws it.
func tcellStatusStyle(st statusStyle) tcell.Style {
	t := tcell.StyleDefault
	if st.FG > 0 {
		t = t.Foreground(tcell.PaletteColor(int(st.FG) - 1))
	}
	if st.BG > 0 {
		t = t.Background(tcell.PaletteColor(int(st.BG) - 1))
	}
	return t.Bold(st.Attr&statusline.Bold != 0).Underline(st.Attr&statusline.Underline != 0).Reverse(st.Attr&statusline.Reverse != 0).
		Blink(st.Attr&statusline.Blink != 0).Dim(st.Attr&statusline.Dim != 0)
}
