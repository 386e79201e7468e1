package options

import (
	"fmt"
	"slices"
	"strings"
)

// Table is every setting of the settings struct T, by name.
type Table[T any] struct {
	byName map[string]*Option[T]
}

// NewTable makes a table of rows; a name given twice is a programming
// error.
func NewTable[T any](rows ...*Option[T]) *Table[T] {
	t := &Table[T]{byName: make(map[string]*Option[T], len(rows))}
	for _, o := range rows {
		if _, dup := t.byName[o.Name]; dup {
			panic("options: " + o.Name + " twice")
		}
		if o.get == nil || o.set == nil || o.Help == "" {
			panic("options: " + o.Name + " is not a whole row")
		}
		t.byName[o.Name] = o
	}
	return t
}

// Lookup finds a setting by name.
func (t *Table[T]) Lookup(name string) (*Option[T], bool) {
	o, ok := t.byName[name]
	return o, ok
}

// Names are the table's names, sorted.
func (t *Table[T]) Names() []string {
	names := make([]string, 0, len(t.byName))
	for n := range t.byName {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// List renders every setting's value in v, one a line, as the config file
// would set it, with its scope and help: what the options command shows.
func (t *Table[T]) List(v *T) string {
	var b strings.Builder
	for _, name := range t.Names() {
		o := t.byName[name]
		fmt.Fprintf(&b, "%-18s %-14s # %s; %s\n", name, quote(o.get(v)), o.Scope, o.Help)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// quote writes a value so that the config file reads it back as it is.
func quote(v string) string {
	if v != "" && !strings.ContainsAny(v, " \t\"'\\#$^;") {
		return v
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`, `^`, `\^`).Replace(v) + `"`
}
