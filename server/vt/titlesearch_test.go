package vt

import "testing"

func TestTitleSearch(t *testing.T) {
	s := New(40, 5, 0)
	s.SetTitleSearch("$ ")
	prompt := "\x1bk\x1b\\$ "
	s.Write([]byte(prompt + "/usr/bin/vim notes.txt\r\n"))
	if got := s.Title(); got != "vim" {
		t.Fatalf("after the command: %q, want vim", got)
	}
	s.Write([]byte(prompt))
	if got := s.Title(); got != "" {
		t.Fatalf("at the prompt: %q, want the window's own (empty)", got)
	}
	s.Write([]byte("\r\n"))
	if got := s.Title(); got != "" {
		t.Fatalf("after an empty command: %q", got)
	}
	// History expansion: the shell echoes the command on the next line.
	s.Write([]byte(prompt + "!!\r\nless file\r\nout\r\n"))
	if got := s.Title(); got != "less" {
		t.Fatalf("after !!: %q, want less", got)
	}
	// A named title still works; without a search nothing is armed.
	s.Write([]byte("\x1bkname\x1b\\"))
	if got := s.Title(); got != "name" {
		t.Fatalf("ESC k name: %q", got)
	}
	s.SetTitleSearch("")
	s.Write([]byte(prompt + "top\r\n"))
	if got := s.Title(); got != "" {
		t.Fatalf("no search: %q", got)
	}
}
