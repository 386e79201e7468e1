package server

import (
	"testing"

	"github.com/gmux/gmux/server/render"
)

func TestLayoutScreen(t *testing.T) {
	for _, tc := range []struct {
		name                          string
		status, top, caption, message bool
		want                          render.Layout
	}{
		{"bare", false, false, false, false, render.Layout{Top: 0, WinRows: 24, StatusY: -1, CaptionY: -1, MessageY: -1}},
		{"status", true, false, false, false, render.Layout{Top: 0, WinRows: 23, StatusY: 23, CaptionY: -1, MessageY: -1}},
		{"status top", true, true, false, false, render.Layout{Top: 1, WinRows: 23, StatusY: 0, CaptionY: -1, MessageY: -1}},
		{"caption and status", true, false, true, false, render.Layout{Top: 0, WinRows: 22, StatusY: 23, CaptionY: 22, MessageY: -1}},
		{"caption, status top", true, true, true, false, render.Layout{Top: 1, WinRows: 22, StatusY: 0, CaptionY: 23, MessageY: -1}},
		{"message alone", false, false, false, true, render.Layout{Top: 0, WinRows: 23, StatusY: -1, CaptionY: -1, MessageY: 23}},
		{"message over status", true, false, false, true, render.Layout{Top: 0, WinRows: 23, StatusY: 23, CaptionY: -1, MessageY: 23}},
		{"message over top status", true, true, false, true, render.Layout{Top: 1, WinRows: 23, StatusY: 0, CaptionY: -1, MessageY: 0}},
	} {
		got := render.LayoutScreen(80, 24, tc.status, tc.top, tc.caption, tc.message)
		tc.want.Cols, tc.want.Rows = 80, 24
		if got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if l := render.LayoutScreen(80, 1, true, false, true, true); l.WinRows != 0 {
		t.Errorf("one row with every line: %+v", l)
	}
}
