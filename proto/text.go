package proto

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Names and titles come from users and programs and end up printed on
// terminals (-ls, -X windows, messages). A control character in one would be
// acted on by the terminal that prints it: ESC ] 0 retitles it, ESC [ 2 J
// clears it, a newline forges a line of -ls. So they are shown, never sent.

// isControl reports whether r is a C0 or C1 control or DEL.
func isControl(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f }

// HasControl reports whether s holds a control character or is not UTF-8.
func HasControl(s string) bool {
	return !utf8.ValidString(s) || strings.IndexFunc(s, isControl) >= 0
}

// Printable returns s with control characters made visible: C0 and DEL in
// caret notation (^[, ^?), C1 as \u0080..\u009f, bytes that are not UTF-8 as
// \xNN.
func Printable(s string) string {
	if !HasControl(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
		case r < 0x20:
			b.WriteByte('^')
			b.WriteByte(byte(r) + '@')
		case r == 0x7f:
			b.WriteString("^?")
		case isControl(r):
			b.WriteString(`\u00` + strconv.FormatUint(uint64(r), 16))
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// PrintableText is Printable for text of several lines: newlines, tabs and
// the carriage return of a "\r\n" are kept, every other control is made
// visible.
func PrintableText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		cr := i < len(lines)-1 && strings.HasSuffix(l, "\r")
		if cr {
			l = l[:len(l)-1]
		}
		fields := strings.Split(l, "\t")
		for j, f := range fields {
			fields[j] = Printable(f)
		}
		lines[i] = strings.Join(fields, "\t")
		if cr {
			lines[i] += "\r"
		}
	}
	return strings.Join(lines, "\n")
}
