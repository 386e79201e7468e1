package proto

import "testing"

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"work":               "work",
		"日本語":                "日本語",
		"a\x1b]0;X\a\x1b[2J": "a^[]0;X^G^[[2J",
		"two\nlines":         "two^Jlines",
		"c1\u009b2J":         `c1\u009b2J`,
		"del\x7f":            "del^?",
		"bad\xffutf8":        `bad\xffutf8`,
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
		if HasControl(in) != (in != want) {
			t.Errorf("HasControl(%q) = %v", in, HasControl(in))
		}
	}
}

func TestPrintableText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a\tb\nc\r\n", "a\tb\nc\r\n"},
		{"\x1b]0;x\a\x1b[2J\n", "^[]0;x^G^[[2J\n"},
		{"over\rwrite\n", "over^Mwrite\n"},
		{"\u009b1m", `\u009b1m`},
		{"\x9b1m", `\x9b1m`},
	} {
		if got := PrintableText(c.in); got != c.want {
			t.Errorf("PrintableText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
