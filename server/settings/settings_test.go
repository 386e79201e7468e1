package settings

import (
	"strings"
	"testing"
)

// Every setting in the table takes each word it offers, and reads back as
// set; the list of a fresh session's settings names every one.
func TestTableRowsTakeTheirWords(t *testing.T) {
	var set Settings
	for _, name := range Table.Names() {
		o, _ := Table.Lookup(name)
		for _, w := range o.Words() {
			if _, _, err := o.Run(&set, []string{w}); err != nil {
				t.Errorf("%s %s: %v", name, w, err)
			} else if got := o.Value(&set); got != w {
				t.Errorf("%s %s reads back %q", name, w, got)
			}
		}
	}
	list := Table.List(&Settings{})
	for _, name := range Table.Names() {
		if !strings.Contains(list, "\n"+name+" ") && !strings.HasPrefix(list, name+" ") {
			t.Errorf("the list lacks %s", name)
		}
	}
}

// bindkey: a key bound again replaces its binding, bound to nothing it is
// removed, and the copy mode table is apart.
func TestKeymap(t *testing.T) {
	var km Keymap
	km.Bind(KeyBinding{Seqs: []string{"\x1bOP"}, Name: "k1", Args: []string{"select", "1"}})
	km.Bind(KeyBinding{Seqs: []string{"\x1bOP"}, Name: "k1", Args: []string{"select", "2"}})
	km.Bind(KeyBinding{Seqs: []string{"\x1bOP"}, Name: "k1", CopyMode: true, Args: []string{"stuff", " "}})
	if b := km.Bound([]byte("\x1bOP"), false); b == nil || strings.Join(b.Args, " ") != "select 2" {
		t.Fatalf("bound: %+v", b)
	}
	if b := km.Bound([]byte("\x1bOP"), true); b == nil || b.Args[0] != "stuff" {
		t.Fatalf("copy mode table: %+v", b)
	}
	if !km.StartsKey([]byte("ab\x1b")) || km.StartsKey([]byte("plain")) {
		t.Error("StartsKey")
	}
	km.Bind(KeyBinding{Name: "k1"})
	if km.Bound([]byte("\x1bOP"), false) != nil || len(km) != 1 {
		t.Fatalf("unbound: %+v", km)
	}
}
