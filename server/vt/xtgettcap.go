package vt

import (
	"encoding/hex"
	"strings"
)

// upperHex encodes as xterm does, in capitals.
func upperHex(b []byte) string { return strings.ToUpper(hex.EncodeToString(b)) }

// XTGETTCAP (DCS + q Pt ST, Pt hex-encoded capability names separated by
// ';'): a program asks the terminal for a terminfo capability. gmux answers
// the ones that describe its own emulator: the number of colours, and Ms
// (OSC 52) where programs may use the clipboard (clipboard.go). A name
// it does not know gets no answer at all, since xterm's "invalid" answer
// repeats the name and so would type program-chosen text into its input.
var termcaps = map[string]string{
	"Co":     "256",
	"colors": "256",
}

func (s *interp) termcapQuery(names string) {
	for _, h := range strings.Split(names, ";") {
		name, err := hex.DecodeString(h)
		if err != nil {
			continue
		}
		val, ok := termcaps[string(name)]
		if string(name) == "Ms" {
			val, ok = msCapability, s.clipboardOn
		}
		if !ok {
			continue
		}
		s.replies = append(s.replies, "\x1bP1+r"+upperHex(name)+"="+upperHex([]byte(val))+"\x1b\\"...)
	}
}
