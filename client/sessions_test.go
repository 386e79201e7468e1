package client

import (
	"testing"
)

func TestMatch(t *testing.T) {
	all := []Session{{Name: "101.work"}, {Name: "102.workshop"}, {Name: "203.play"}}
	tests := []struct {
		name string
		want []string
	}{
		{"", []string{"101.work", "102.workshop", "203.play"}},
		{"work", []string{"101.work"}}, // exact name beats a prefix
		{"wor", []string{"101.work", "102.workshop"}},
		{"102", []string{"102.workshop"}},            // by PID
		{"203.play", []string{"203.play"}},           // full name
		{"pl", []string{"203.play"}},                 // prefix of the name
		{"10", []string{"101.work", "102.workshop"}}, // prefix of PID.NAME
		{"nosuch", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, s := range Match(all, tc.name) {
			got = append(got, s.Name)
		}
		if len(got) != len(tc.want) {
			t.Errorf("Match(%q) = %v, want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Match(%q) = %v, want %v", tc.name, got, tc.want)
			}
		}
	}
}

func TestListMissingDir(t *testing.T) {
	got, err := List(t.TempDir() + "/absent")
	if err != nil || len(got) != 0 {
		t.Fatalf("List of a missing directory: %v %v", got, err)
	}
}
