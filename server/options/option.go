package options

import (
	"fmt"
	"slices"
	"strings"
)

// Scope is what a setting applies to.
type Scope uint8

const (
	// Session settings change the session as a whole, at once.
	Session Scope = iota
	// NewWindows settings are the defaults of windows made from now on
	// (screen's def… commands); windows already open keep theirs.
	NewWindows
)

func (s Scope) String() string {
	if s == NewWindows {
		return "new windows"
	}
	return "session"
}

// bare is what a setting's name given alone does.
type bare uint8

const (
	needsValue bare = iota // an error: the value is required
	shows                  // tells the value
	toggles                // flips a switch, and tells what it is now
)

// Option is one row of the table: a setting of the settings struct T.
type Option[T any] struct {
	Name  string
	Help  string
	Scope Scope
	// value is what it takes, for the usage line: "on|off", "seconds".
	value string
	// words are the values it takes, for completion at the prompt; nil
	// when any text or number will do.
	words []string
	get   func(*T) string
	set   func(*T, string) error
	bare  bare
	// says is what the name alone answers, given the value (after a
	// toggle, the new one); "" for the default, "name value".
	says func(value string) string
}

// Usage is the argument part of the usage line: "[on|off]" when the value
// may be left out, "on|off" when it is required.
func (o *Option[T]) Usage() string {
	if o.bare == needsValue {
		return o.value
	}
	return "[" + o.value + "]"
}

// Words are the values it takes, for completion.
func (o *Option[T]) Words() []string { return slices.Clone(o.words) }

// Required reports whether the value must be given.
func (o *Option[T]) Required() bool { return o.bare == needsValue }

// Value reads the setting from t, as it would be written.
func (o *Option[T]) Value(t *T) string { return o.get(t) }

// Run sets the option in t from args (one value), or does what its name
// alone does. changed reports whether t was written, for the caller's
// on-change work; out is what to tell the user.
func (o *Option[T]) Run(t *T, args []string) (out string, changed bool, err error) {
	switch {
	case len(args) > 1:
		return "", false, fmt.Errorf("usage: %s %s", o.Name, o.Usage())
	case len(args) == 1:
		if err := o.set(t, args[0]); err != nil {
			return "", false, err
		}
		return "", true, nil
	}
	switch o.bare {
	case shows:
		return o.report(o.get(t)), false, nil
	case toggles:
		next := "on"
		if o.get(t) == "on" {
			next = "off"
		}
		if err := o.set(t, next); err != nil {
			return "", false, err
		}
		return o.report(next), true, nil
	}
	return "", false, fmt.Errorf("usage: %s %s", o.Name, o.Usage())
}

func (o *Option[T]) report(v string) string {
	if o.says != nil {
		return o.says(v)
	}
	return o.Name + " " + v
}

// Shows makes the name alone tell the value ("name value", or says's).
func (o *Option[T]) Shows(says func(value string) string) *Option[T] {
	o.bare, o.says = shows, says
	return o
}

// Toggles makes the name alone flip a switch and tell the new value
// ("name on", or says's).
func (o *Option[T]) Toggles(says func(value string) string) *Option[T] {
	o.bare, o.says = toggles, says
	return o
}

// ForNewWindows marks a default for windows made from now on.
func (o *Option[T]) ForNewWindows() *Option[T] {
	o.Scope = NewWindows
	return o
}

// wants is the error for a value the option does not take.
func (o *Option[T]) wants(what, got string) error {
	return fmt.Errorf("%s wants %s, not %q", o.Name, what, got)
}

// orList names words as prose: "on, off or auto".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
