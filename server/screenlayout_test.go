package server

import "testing"

func TestLayoutScreen(t *testing.T) {
	for _, tc := range []struct {
		name                          string
		status, top, caption, message bool
		want                          screenLayout
	}{
		{"bare", false, false, false, false, screenLayout{top: 0, winRows: 24, statusY: -1, captionY: -1, messageY: -1}},
		{"status", true, false, false, false, screenLayout{top: 0, winRows: 23, statusY: 23, captionY: -1, messageY: -1}},
		{"status top", true, true, false, false, screenLayout{top: 1, winRows: 23, statusY: 0, captionY: -1, messageY: -1}},
		{"caption and status", true, false, true, false, screenLayout{top: 0, winRows: 22, statusY: 23, captionY: 22, messageY: -1}},
		{"caption, status top", true, true, true, false, screenLayout{top: 1, winRows: 22, statusY: 0, captionY: 23, messageY: -1}},
		{"message alone", false, false, false, true, screenLayout{top: 0, winRows: 23, statusY: -1, captionY: -1, messageY: 23}},
		{"message over status", true, false, false, true, screenLayout{top: 0, winRows: 23, statusY: 23, captionY: -1, messageY: 23}},
		{"message over top status", true, true, false, true, screenLayout{top: 1, winRows: 23, statusY: 0, captionY: -1, messageY: 0}},
	} {
		got := layoutScreen(80, 24, tc.status, tc.top, tc.caption, tc.message)
		tc.want.cols, tc.want.rows = 80, 24
		if got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if l := layoutScreen(80, 1, true, false, true, true); l.winRows != 0 {
		t.Errorf("one row with every line: %+v", l)
	}
}
