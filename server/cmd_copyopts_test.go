package server

import "testing"

// markkeys takes screen's chains: old=new=new2 gives old's action to both
// new keys (a real rc: markkeys ' '=v=y).
func TestMarkKeysChains(t *testing.T) {
	s := &session{}
	if _, err := s.runCommand(&cmdContext{s: s}, []string{"markkeys", " =v=y:h=^B"}); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[byte]byte{'v': ' ', 'y': ' ', 0x02: 'h'} {
		if got, ok := s.set.MarkKeys[k]; !ok || got != want {
			t.Errorf("key %q acts as %q, want %q", k, got, want)
		}
	}
	if _, err := s.runCommand(&cmdContext{s: s}, []string{"markkeys", "h"}); err == nil {
		t.Error("markkeys h: no error")
	}
}

// time FORMAT sets what time says, as a status string.
func TestTimeFormat(t *testing.T) {
	s := &session{}
	x := &cmdContext{s: s}
	if _, err := s.runCommand(x, []string{"time", "it is %Y, %%"}); err != nil {
		t.Fatal(err)
	}
	out, err := s.runCommand(x, []string{"time"})
	if err != nil || len(out) != len("it is 2026, %") || out[:6] != "it is " || out[10:] != ", %" {
		t.Fatalf("time: %q %v", out, err)
	}
}
