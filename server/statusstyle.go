package server

import (
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
