package vt

import "testing"

// Mode 2026 is kept for the owner, reported by DECRQM (how programs learn
// the terminal has it), and cleared by a reset.
func TestSyncOutputMode(t *testing.T) {
	s := feed(10, 3, "\x1b[?2026$p")
	if r := string(s.TakeReplies()); r != "\x1b[?2026;2$y" {
		t.Fatalf("DECRQM 2026 before: %q", r)
	}
	s.TakeChanged()
	s.Write([]byte("\x1b[?2026hab"))
	if !s.SyncOutput() {
		t.Fatal("2026 h not kept")
	}
	s.Write([]byte("\x1b[?2026$p"))
	if r := string(s.TakeReplies()); r != "\x1b[?2026;1$y" {
		t.Fatalf("DECRQM 2026 inside: %q", r)
	}
	if screenText(s) != "ab" {
		t.Fatalf("output inside a frame not taken: %q", screenText(s))
	}
	s.TakeChanged()
	s.Write([]byte("\x1b[?2026l"))
	if s.SyncOutput() || !s.TakeChanged() {
		t.Fatal("the frame's end not kept, or not a change")
	}
	s.Write([]byte("\x1b[?2026h\x1bc"))
	if s.SyncOutput() {
		t.Fatal("RIS left synchronized output on")
	}
}
