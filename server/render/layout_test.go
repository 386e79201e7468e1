package render

import "testing"

func TestLayoutScreen(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines Lines
		want  Layout
	}{
		{"bare", Lines{}, Layout{Top: 0, WinRows: 24, StatusY: -1, CaptionY: -1, MessageY: -1}},
		{"status", Lines{Status: true}, Layout{Top: 0, WinRows: 23, StatusY: 23, CaptionY: -1, MessageY: -1}},
		{"status top", Lines{Status: true, StatusTop: true}, Layout{Top: 1, WinRows: 23, StatusY: 0, CaptionY: -1, MessageY: -1}},
		{"caption and status", Lines{Status: true, Caption: true}, Layout{Top: 0, WinRows: 22, StatusY: 23, CaptionY: 22, MessageY: -1}},
		{"caption, status top", Lines{Status: true, StatusTop: true, Caption: true}, Layout{Top: 1, WinRows: 22, StatusY: 0, CaptionY: 23, MessageY: -1}},
		{"caption top", Lines{Caption: true, CaptionTop: true}, Layout{Top: 1, WinRows: 23, StatusY: -1, CaptionY: 0, MessageY: -1}},
		{"caption top and status", Lines{Status: true, Caption: true, CaptionTop: true}, Layout{Top: 1, WinRows: 22, StatusY: 23, CaptionY: 0, MessageY: -1}},
		{"caption top under a top status", Lines{Status: true, StatusTop: true, Caption: true, CaptionTop: true}, Layout{Top: 2, WinRows: 22, StatusY: 0, CaptionY: 1, MessageY: -1}},
		{"message under a top caption", Lines{Caption: true, CaptionTop: true, Message: true}, Layout{Top: 1, WinRows: 22, StatusY: -1, CaptionY: 0, MessageY: 23}},
		{"message alone", Lines{Message: true}, Layout{Top: 0, WinRows: 23, StatusY: -1, CaptionY: -1, MessageY: 23}},
		{"message over status", Lines{Status: true, Message: true}, Layout{Top: 0, WinRows: 23, StatusY: 23, CaptionY: -1, MessageY: 23}},
		{"message over top status", Lines{Status: true, StatusTop: true, Message: true}, Layout{Top: 1, WinRows: 23, StatusY: 0, CaptionY: -1, MessageY: 0}},
	} {
		got := LayoutScreen(80, 24, tc.lines)
		tc.want.Cols, tc.want.Rows = 80, 24
		if got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if l := LayoutScreen(80, 1, Lines{Status: true, Caption: true, CaptionTop: true, Message: true}); l.WinRows != 0 {
		t.Errorf("one row with every line: %+v", l)
	}
}
