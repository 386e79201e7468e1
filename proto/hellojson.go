package proto

import (
	"strconv"
	"unicode/utf8"
)

// The hello is the one JSON a client must write before anything appears on
// a reattach, and a client is a fresh process: encoding/json's first
// Marshal in a process costs 0.5-0.8 ms (its reflection and the code pages
// it touches the first time), against ~5 µs once warm. So the hello is
// written by hand, in the same form json.Marshal gives it (the same keys,
// order and omissions: a test holds the two to the same decoded value);
// the server decodes it with encoding/json as before.

// appendJSON appends h as a JSON object.
func (h Hello) appendJSON(b []byte) []byte {
	b = append(b, '{')
	if h.MaxVersion != 0 {
		b = appendIntField(b, "max_version", h.MaxVersion)
	}
	b = appendStringField(b, "mode", h.Mode)
	b = appendStringField(b, "term", h.Term)
	b = appendStringField(b, "colorterm", h.ColorTerm)
	b = appendStringField(b, "locale", h.Locale)
	b = appendIntField(b, "cols", h.Cols)
	b = appendIntField(b, "rows", h.Rows)
	b = appendIntField(b, "pid", h.PID)
	b = appendBoolField(b, "shared", h.Shared)
	b = appendBoolField(b, "takeover", h.Takeover)
	if h.PowerDetach {
		b = appendBoolField(b, "power_detach", true)
	}
	b = appendBoolField(b, "readonly", h.ReadOnly)
	b = appendBoolField(b, "force_utf8", h.ForceUTF8)
	b = appendBoolField(b, "tty", h.TTY)
	if h.Stream {
		b = appendBoolField(b, "stream", true)
	}
	if len(h.Features) > 0 {
		b = appendStringsField(b, "features", h.Features)
	}
	if len(h.Env) > 0 {
		b = appendStringsField(b, "env", h.Env)
	}
	if h.Exe != "" {
		b = appendStringField(b, "exe", h.Exe)
	}
	if h.Dir != "" {
		b = appendStringField(b, "dir", h.Dir)
	}
	if h.Replaces != 0 {
		b = appendIntField(b, "replaces", h.Replaces)
	}
	return append(b[:len(b)-1], '}') // the last field's comma
}

func appendKey(b []byte, key string) []byte {
	b = append(b, '"')
	b = append(b, key...)
	return append(b, '"', ':')
}

func appendIntField(b []byte, key string, v int) []byte {
	return append(strconv.AppendInt(appendKey(b, key), int64(v), 10), ',')
}

func appendBoolField(b []byte, key string, v bool) []byte {
	return append(strconv.AppendBool(appendKey(b, key), v), ',')
}

func appendStringField(b []byte, key, v string) []byte {
	return append(appendJSONString(appendKey(b, key), v), ',')
}

func appendStringsField(b []byte, key string, v []string) []byte {
	b = append(appendKey(b, key), '[')
	for i, s := range v {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']', ',')
}

// appendJSONString appends s as a JSON string: quotes, backslashes and
// control characters escaped, and bytes that are not UTF-8 as U+FFFD, as
// encoding/json writes them (it would refuse nothing a hello holds).
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
