package digraph

import "testing"

func TestDigraph(t *testing.T) {
	user := map[string]rune{"sm": '☺'}
	for keys, want := range map[string]rune{
		"a:": 'ä', "e'": 'é', "e!": 'è', "o>": 'ô', "n?": 'ñ', "c,": 'ç', "s<": 'š', "u0": 'ů',
		":a": 'ä', // either order, as screen
		"ss": 'ß', "Eu": '€', "a*": 'α', "W*": 'Ω', "<<": '«',
		"0101": 'A', "U+263A": '☺', "sm": '☺',
	} {
		if got, ok := Lookup(keys, user); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", keys, got, ok, want)
		}
	}
	for _, keys := range []string{"qq", "x", "U+zz"} {
		if got, ok := Lookup(keys, nil); ok {
			t.Errorf("%q: %q, want none", keys, got)
		}
	}
	for buf, want := range map[string]bool{"a": false, "a:": true, "01": false, "0101": true, "U+": false, "U+26": false} {
		if got := Complete(buf); got != want {
			t.Errorf("complete %q: %v", buf, got)
		}
	}
}
