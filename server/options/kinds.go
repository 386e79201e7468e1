package options

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The kinds of setting. Each takes the field it writes as a function from
// the settings struct to the field's address, so that a row names its field
// once and the compiler checks it.

// Switch is an on|off setting held as true for on.
func Switch[T any](name, help string, field func(*T) *bool) *Option[T] {
	return switchOf(name, help, field, false)
}

// SwitchOff is an on|off setting held as true for off, so that the zero
// value of the settings struct is on (NoWrap for defwrap).
func SwitchOff[T any](name, help string, field func(*T) *bool) *Option[T] {
	return switchOf(name, help, field, true)
}

func switchOf[T any](name, help string, field func(*T) *bool, off bool) *Option[T] {
	o := &Option[T]{Name: name, Help: help, value: "on|off", words: []string{"on", "off"}}
	o.get = func(t *T) string {
		if *field(t) != off {
			return "on"
		}
		return "off"
	}
	o.set = func(t *T, v string) error {
		if v != "on" && v != "off" {
			return o.wants("on or off", v)
		}
		*field(t) = (v == "on") != off
		return nil
	}
	return o
}

// Choice is one word of words, held as the word itself; the field's zero
// value, "", reads as blank (the default).
func Choice[T any](name, help string, field func(*T) *string, blank string, words ...string) *Option[T] {
	o := &Option[T]{Name: name, Help: help, value: strings.Join(words, "|"), words: words}
	o.get = func(t *T) string {
		if v := *field(t); v != "" {
			return v
		}
		return blank
	}
	o.set = func(t *T, v string) error {
		if !slices.Contains(words, v) {
			return o.wants(orList(words), v)
		}
		*field(t) = v
		return nil
	}
	return o
}

// Enum is one word of words, held as its index.
func Enum[T any](name, help string, field func(*T) *int, words ...string) *Option[T] {
	o := &Option[T]{Name: name, Help: help, value: strings.Join(words, "|"), words: words}
	o.get = func(t *T) string {
		if i := *field(t); i >= 0 && i < len(words) {
			return words[i]
		}
		return ""
	}
	o.set = func(t *T, v string) error {
		i := slices.Index(words, v)
		if i < 0 {
			return o.wants(orList(words), v)
		}
		*field(t) = i
		return nil
	}
	return o
}

// Text is any text; check, if set, refuses what the field must not hold.
func Text[T any](name, value, help string, field func(*T) *string, check func(string) error) *Option[T] {
	o := &Option[T]{Name: name, Help: help, value: value}
	o.get = func(t *T) string { return *field(t) }
	o.set = func(t *T, v string) error {
		if check != nil {
			if err := check(v); err != nil {
				return err
			}
		}
		*field(t) = v
		return nil
	}
	return o
}

// Number is a whole number from least to most (0: no bound); unit names it
// in the usage line and errors ("lines").
func Number[T any](name, unit, help string, field func(*T) *int, least, most int) *Option[T] {
	o := &Option[T]{Name: name, Help: help, value: unit}
	o.get = func(t *T) string { return strconv.Itoa(*field(t)) }
	o.set = func(t *T, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < least || most > 0 && n > most {
			return o.wants(rangeText(least, most, unit), v)
		}
		*field(t) = n
		return nil
	}
	return o
}

// Duration is a time written in unit (time.Second: "seconds", fractions
// allowed; time.Millisecond: "msec", whole), from least to most (0: no
// bound).
func Duration[T any](name, help string, field func(*T) *time.Duration, unit, least, most time.Duration) *Option[T] {
	word := "seconds"
	if unit == time.Millisecond {
		word = "msec"
	}
	o := &Option[T]{Name: name, Help: help, value: word}
	o.get = func(t *T) string {
		return strconv.FormatFloat(float64(*field(t))/float64(unit), 'f', -1, 64)
	}
	o.set = func(t *T, v string) error {
		f, err := strconv.ParseFloat(v, 64)
		if unit != time.Second && err == nil && f != math.Trunc(f) {
			err = strconv.ErrSyntax // whole milliseconds only
		}
		d := time.Duration(f * float64(unit))
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || d < least || most > 0 && d > most {
			return o.wants(rangeText(int(least/unit), int(most/unit), word), v)
		}
		*field(t) = d
		return nil
	}
	return o
}

// rangeText says what a number must be: "a number of lines", "0 to 1000
// msec", "1 to 100", "at least 1 seconds".
func rangeText(least, most int, unit string) string {
	switch {
	case most > 0 && least == 0:
		return "0 to " + strconv.Itoa(most) + " " + unit
	case most > 0:
		return strconv.Itoa(least) + " to " + strconv.Itoa(most)
	case least > 0:
		return "at least " + strconv.Itoa(least) + " " + unit
	}
	return "a number of " + unit
}
