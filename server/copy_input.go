package server

import (
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/gmux/gmux/server/copymode"
	"github.com/gmux/gmux/server/input"
	"github.com/gmux/gmux/server/prompt"
	"github.com/gmux/gmux/server/userfile"
)

// handle is copy mode as an input layer: it takes every key.
func (m *copyMode) handle(s *session, c *client, ev input.Event) bool {
	if ev.Kind == input.Key || ev.Kind == input.Text {
		m.input(s, c, ev.Bytes)
	}
	return true
}

// input feeds one key to the copy mode, open on c.
func (m *copyMode) input(s *session, c *client, key []byte) {
	if len(key) == 1 {
		if as, ok := s.set.MarkKeys[key[0]]; ok {
			key = []byte{as} // markkeys: this key does what another does
		}
	}
	res, text := m.Key(key)
	switch res {
	case copymode.Exit:
		c.copy = nil
	case copymode.Done:
		c.copy = nil
		msg := fmt.Sprintf("Copied %d characters into buffer", len([]rune(text)))
		if m.Appending {
			msg = fmt.Sprintf("Appended %d characters to buffer", len([]rune(text)))
			text = s.Buffer + text
		}
		s.keepCopy(c, text)
		if m.WriteFile {
			path := s.exchangeFile(nil)
			if err := userfile.Write(path, []byte(s.Buffer)); err != nil {
				msg = err.Error()
			} else {
				msg = fmt.Sprintf("Copied %d characters into %s", len(s.Buffer), path)
			}
		}
		c.showMessage(s, msg)
	case copymode.Note:
		c.showMessage(s, text)
	case copymode.AskISearch:
		m.openISearch(s, c)
	case copymode.AskSearch:
		label := "/"
		if m.Backward {
			label = "?"
		}
		c.openPrompt(&prompt.Prompt{Label: label, History: s.searchHistory, Done: func(pat string) {
			if pat == "" {
				pat = m.Search
			}
			m.Search = pat
			if !m.Find(pat, m.Backward) {
				c.showMessage(s, fmt.Sprintf("Pattern not found: %s", pat))
			}
			m.Clamp()
		}})
	}
	c.markDirty(s)
}

// setBuffer stores copied text in the paste buffer and offers it to the
// terminal's clipboard (OSC 52) where that is on.
func (s *session) setBuffer(c *client, text string) {
	s.keepCopy(c, text)
	c.showMessage(s, fmt.Sprintf("Copied %d characters into buffer", len([]rune(text))))
}

// keepCopy is setBuffer without its message. A read-only guest's copy goes
// to its own terminal's clipboard only: the buffer is everyone's.
func (s *session) keepCopy(c *client, text string) {
	if c == nil || actorOf(c).mayChange() {
		s.Buffer = text
	}
	if c != nil {
		s.offerClipboard(c, "c", []byte(text))
	}
}

// offerClipboard sends text to c's terminal clipboard (OSC 52, selection
// sel) with its next frame, where c's terminal takes it and it is not too
// long for terminals.
func (s *session) offerClipboard(c *client, sel string, text []byte) {
	if !c.clipboardFor() || len(text) > maxOSC52 {
		return
	}
	c.extra = append(c.extra, "\x1b]52;"+sel+";"+base64.StdEncoding.EncodeToString(text)+"\a"...)
	c.markDirty(s)
}

// maxOSC52 bounds what is offered to the terminal's clipboard; terminals cap
// OSC 52 payloads too (xterm's default is about 100 kB).
const maxOSC52 = 74000

// clipboardFor reports whether copies go to c's terminal clipboard: on by
// default where TERM names a terminal known to take OSC 52.
func (c *client) clipboardFor() bool {
	s := c.s
	switch s.set.Clipboard {
	case "on":
		return true
	case "off":
		return false
	}
	t := c.hello.Term
	for _, p := range []string{"xterm", "tmux", "alacritty", "kitty", "foot", "wezterm", "st-", "contour", "ghostty"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}
