package vt

import "testing"

func TestColorQueries(t *testing.T) {
	s := New(10, 2, 0)
	s.Write([]byte("\x1b]11;?\x07\x1b]10;?\x1b\\\x1b]11;#ffffff\x07\x1b]111\x07"))
	want := "\x1b]11;rgb:0000/0000/0000\x1b\\\x1b]10;rgb:e5e5/e5e5/e5e5\x1b\\"
	if got := string(s.TakeReplies()); got != want {
		t.Errorf("defaults: %q, want %q", got, want)
	}
	s.SetDefaultColors("rgb:1111/2222/3333", "rgb:fafa/fafa/fafa")
	s.Write([]byte("\x1b]11;?\x1b\\"))
	if got := string(s.TakeReplies()); got != "\x1b]11;rgb:fafa/fafa/fafa\x1b\\" {
		t.Errorf("set: %q", got)
	}
}

func TestParseColorReply(t *testing.T) {
	for in, want := range map[string]string{
		"\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\": "rgb:1e1e/1e1e/1e1e",
		"\x1b]11;rgb:ff/80/00\x07":         "rgb:ffff/8080/0000",
		"\x1b]10;rgb:f/0/8\x1b\\":          "rgb:ffff/0000/8888",
	} {
		if _, got, ok := ParseColorReply([]byte(in)); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"\x1b]11;evil\x1b[2J\x1b\\", "\x1b]11;rgb:zz/00/00\x07", "\x1b]4;1;rgb:0/0/0\x07", "\x1b]11;rgb:00000/0/0\x07"} {
		if _, _, ok := ParseColorReply([]byte(bad)); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestPaletteSetQueryReset(t *testing.T) {
	s := New(10, 2, 0)
	s.Write([]byte("\x1b]4;0;rgb:f0f0/f0f0/f0f0;1;#fff\x07\x1b]4;0;?;1;?;200;?\x07"))
	want := "\x1b]4;0;rgb:f0f0/f0f0/f0f0\x1b\\\x1b]4;1;rgb:f0f0/f0f0/f0f0\x1b\\\x1b]4;200;rgb:ffff/0000/d7d7\x1b\\"
	if got := string(s.TakeReplies()); got != want {
		t.Errorf("palette: %q, want %q", got, want)
	}
	if c, ok := s.PaletteColor(1); !ok || c != RGB(0xf0, 0xf0, 0xf0) {
		t.Errorf("PaletteColor(1) = %v %v", c, ok)
	}
	s.Write([]byte("\x1b]104;0\x07\x1b]4;0;?\x07\x1b]5;1;#123456\x07\x1b]5;1;?\x07\x1b]4;257;?\x07"))
	want = "\x1b]4;0;rgb:0000/0000/0000\x1b\\\x1b]5;1;rgb:1212/3434/5656\x1b\\\x1b]4;257;rgb:1212/3434/5656\x1b\\"
	if got := string(s.TakeReplies()); got != want {
		t.Errorf("reset and special: %q, want %q", got, want)
	}
	s.Write([]byte("\x1b]10;#aaaabbbbcccc;#102030\x07\x1b]10;?;?\x07\x1b]110\x07\x1b]10;?\x07"))
	want = "\x1b]10;rgb:aaaa/bbbb/cccc\x1b\\\x1b]11;rgb:1010/2020/3030\x1b\\\x1b]10;" + defaultFgColor + "\x1b\\"
	if got := string(s.TakeReplies()); got != want {
		t.Errorf("dynamic: %q, want %q", got, want)
	}
	if !s.HasPalette() {
		t.Error("HasPalette false with palette entry 1 set")
	}
	s.Write([]byte("\x1bc"))
	if s.HasPalette() {
		t.Error("RIS kept the palette")
	}
}
