package vt

import (
	"bytes"
	"encoding/base64"
	"strings"
)

// OSC 52: a program sets the clipboard ("52;Pc;Pd", Pd the text in base64)
// or asks for it (Pd "?"). The emulator cannot reach a clipboard; it keeps
// the latest request for its owner, who decides what a real clipboard sees
// (server/clipboard.go). Until the owner allows it (SetClipboard), requests
// are dropped and XTGETTCAP's Ms, by which programs such as Neovim learn
// that OSC 52 works, goes unanswered: a terminal that says it takes a copy
// and drops it loses the user's yank.

// maxClipboardOSC bounds one OSC 52 (its base64, ~768 kB of text): larger
// than any other OSC, since a yank of a file is a common use.
const maxClipboardOSC = 1 << 20

// msCapability is terminfo's Ms, the OSC 52 a terminal takes.
const msCapability = "\x1b]52;%p1%s;%p2%s\a"

// ClipboardRequest is what a program asked of the clipboard since the last
// TakeClipboard.
type ClipboardRequest struct {
	Set       bool   // Text is to go to the clipboard
	Text      []byte // the text set
	Selection string // the program's Pc (c, p, q, s, 0-7), "c" when it named none
	Query     bool   // it asked for the clipboard's contents
	QueryEnd  string // the end of its question (BEL or ST), for the answer's
}

// SetClipboard lets programs use the clipboard through OSC 52 (off by
// default).
func (s *Screen) SetClipboard(on bool) {
	s.clipboardOn = on
	if !on {
		s.clip = ClipboardRequest{}
	}
}

// TakeClipboard returns and forgets what programs asked of the clipboard.
func (s *Screen) TakeClipboard() (ClipboardRequest, bool) {
	r := s.clip
	s.clip = ClipboardRequest{}
	return r, r.Set || r.Query
}

// clipboardOSC acts on OSC 52's argument: "Pc;Pd".
func (s *interp) clipboardOSC(arg []byte, end string) {
	if !s.clipboardOn {
		return
	}
	sel, data, ok := cutByte(arg, ';')
	if !ok {
		return
	}
	selection := "c"
	if len(sel) > 0 && len(sel) <= 8 && strings.Trim(string(sel), "cpqs01234567") == "" {
		selection = string(sel)
	}
	if string(data) == "?" {
		s.clip.Query, s.clip.QueryEnd = true, end
		return
	}
	text, err := base64.StdEncoding.DecodeString(string(data))
	if err != nil {
		// Some programs leave the padding off.
		text, err = base64.RawStdEncoding.DecodeString(string(bytes.TrimRight(data, "=")))
	}
	if err != nil || len(text) == 0 {
		return // not base64; xterm's empty Pd (clear) has no use here
	}
	s.clip.Set, s.clip.Text, s.clip.Selection = true, text, selection
}

// clipboardPassthrough reads an OSC 52 out of screen's passthrough, the
// DCS whose content screen sends its terminal as is. Programs that see
// TERM=screen* (gmux's default) wrap their OSC 52 in it, in chunks since
// screen bounds a string: vim-oscyank and Chromium's osc52.sh send
// ESC P ESC ] 52;c;<76 chars> ESC \ ESC P <76 chars> ESC \ ... ESC P <last> BEL ESC \
// (the parser drops each ESC inside the string, and BEL ends one). Other
// passthrough stays dropped: raw bytes would break the picture of the
// screen gmux keeps for each terminal.
func (s *interp) clipboardPassthrough() bool {
	if !s.clipboardOn {
		return false
	}
	d := s.p.dcs
	switch {
	case bytes.HasPrefix(d, []byte("]52;")):
		s.clipPass = append(s.clipPass[:0], d[4:]...)
	case s.clipPassing && isBase64Text(d):
		s.clipPass = append(s.clipPass, d...)
	default:
		s.clipPass, s.clipPassing = nil, false
		return false
	}
	switch {
	case s.p.dcsCut: // too long: dropped whole, never cut
		s.clipPass, s.clipPassing = nil, false
	case s.p.strEnd == "\a": // the OSC's end
		s.clipboardOSC(s.clipPass, "\a")
		s.clipPass, s.clipPassing = nil, false
	default:
		s.clipPassing = true
	}
	if cap(s.p.dcs) > maxDCS {
		s.p.dcs = nil
	}
	return true
}

func isBase64Text(b []byte) bool {
	for _, c := range b {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=') {
			return false
		}
	}
	return true
}

// dcsRoom reports whether the DCS being read may grow by another byte: an
// OSC 52 in screen's passthrough may be as long as one of its own.
func (s *interp) dcsRoom() bool {
	p := &s.p
	if len(p.dcs) < maxDCS {
		return true
	}
	return s.clipboardOn && len(p.dcs)+len(s.clipPass) < maxClipboardOSC &&
		(s.clipPassing || bytes.HasPrefix(p.dcs, []byte("]52;")))
}

// oscRoom reports whether the OSC being read may grow by another byte.
func (s *interp) oscRoom() bool {
	p := &s.p
	if len(p.osc) < maxOSC {
		return true
	}
	return s.clipboardOn && len(p.osc) < maxClipboardOSC && bytes.HasPrefix(p.osc, []byte("52;"))
}
