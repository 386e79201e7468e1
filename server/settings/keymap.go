package settings

import (
	"bytes"
	"strings"
)

// KeyBinding is one bindkey entry.
type KeyBinding struct {
	Seqs     []string `json:"Seqs"`     // what the terminal may send for the key
	Name     string   `json:"Name"`     // as given: the string, or the termcap name after -k
	CopyMode bool     `json:"CopyMode"` // -m
	Args     []string `json:"Args"`
}

// TermcapKeys are the termcap names bindkey -k knows, with every sequence
// xterm-like terminals (xterm, VTE, kitty, iTerm2, the Linux console, tmux
// and screen themselves) send for the key, in normal and application mode.
var TermcapKeys = map[string][]string{
	"ku": {"\x1b[A", "\x1bOA"}, "kd": {"\x1b[B", "\x1bOB"}, "kr": {"\x1b[C", "\x1bOC"}, "kl": {"\x1b[D", "\x1bOD"},
	"kh": {"\x1b[H", "\x1bOH", "\x1b[1~", "\x1b[7~"}, "@7": {"\x1b[F", "\x1bOF", "\x1b[4~", "\x1b[8~"},
	"kP": {"\x1b[5~"}, "kN": {"\x1b[6~"}, "kI": {"\x1b[2~"}, "kD": {"\x1b[3~"},
	"kb": {"\x7f", "\x08"}, "kB": {"\x1b[Z"},
	"k1": {"\x1bOP", "\x1b[11~", "\x1b[[A"}, "k2": {"\x1bOQ", "\x1b[12~", "\x1b[[B"},
	"k3": {"\x1bOR", "\x1b[13~", "\x1b[[C"}, "k4": {"\x1bOS", "\x1b[14~", "\x1b[[D"},
	"k5": {"\x1b[15~", "\x1b[[E"}, "k6": {"\x1b[17~"}, "k7": {"\x1b[18~"}, "k8": {"\x1b[19~"},
	"k9": {"\x1b[20~"}, "k;": {"\x1b[21~"}, "F1": {"\x1b[23~"}, "F2": {"\x1b[24~"},
}

// Keymap is bindkey's table.
type Keymap []KeyBinding

// Bind adds, replaces or (with no args) removes a binding.
func (km *Keymap) Bind(b KeyBinding) {
	kept := (*km)[:0:0]
	for _, old := range *km {
		if old.Name != b.Name || old.CopyMode != b.CopyMode {
			kept = append(kept, old)
		}
	}
	if len(b.Args) > 0 {
		kept = append(kept, b)
	}
	*km = kept
}

// Bound returns the binding for the key k in the table for copy mode or
// not, or nil.
func (km Keymap) Bound(k []byte, copyMode bool) *KeyBinding {
	for i := range km {
		b := &km[i]
		if b.CopyMode != copyMode {
			continue
		}
		for _, seq := range b.Seqs {
			if string(k) == seq {
				return b
			}
		}
	}
	return nil
}

// StartsKey reports whether text holds a byte that begins a binding, so
// that dispatch hands it over key by key.
func (km Keymap) StartsKey(text []byte) bool {
	for _, b := range km {
		for _, seq := range b.Seqs {
			if bytes.IndexByte(text, seq[0]) >= 0 {
				return true
			}
		}
	}
	return false
}

// List is bindkey with no arguments: the bindings, one per line.
func (km Keymap) List() string {
	var lines []string
	for _, b := range km {
		flag := ""
		if b.CopyMode {
			flag = "-m "
		}
		lines = append(lines, flag+PrintableKeys(b.Name)+" "+strings.Join(b.Args, " "))
	}
	if len(lines) == 0 {
		return "no bindkey bindings"
	}
	return strings.Join(lines, "\n")
}

// PrintableKeys shows a key string as screen writes it: ^X for control
// characters.
func PrintableKeys(k string) string {
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		switch c := k[i]; {
		case c < 0x20:
			b.WriteString("^" + string(rune(c+'@')))
		case c == 0x7f:
			b.WriteString("^?")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
