package server

import (
	"io"
	"log"
	"testing"

	"github.com/gmux/gmux/server/vt"
)

func TestExpandStatus(t *testing.T) {
	s := &session{log: log.New(io.Discard, "", 0), opts: Options{}}
	s.opts.Name = "work"
	w0 := &window{number: 0, title: "bash", screen: vt.New(10, 2, 0)}
	w1 := &window{number: 1, title: "vim", screen: vt.New(10, 2, 0)}
	s.windows = []*window{w0, w1}
	for _, tc := range []struct{ format, want string }{
		{"[%S] %w", "[work] 0- bash  1* vim"},
		{"%-w|%n%f %t|%+w", "0 bash  |1* vim|"},
		{"a%?%+wb%?c", "ac"},            // nothing after window 1: the part goes
		{"a%?%-wb%?c", "a0 bash  bc"},   // something before it: the part stays
		{"%?%+w%:none%?", "none"},       // the else part
		{"%?%-w%:none%?!", "0 bash  !"}, // the first part
		{"%{= kw}x%{-}", "x"},           // colours ignored
		{"100%%", "100%"},
	} {
		if got := s.expandStatus(tc.format, w1, w0, 80); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.format, got, tc.want)
		}
	}
	if got := s.expandStatus("a%=b", w1, w0, 10); got != "a        b" {
		t.Errorf("%%=: %q", got)
	}
}
