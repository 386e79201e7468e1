package client

import (
	"io"
	"unicode/utf8"

	"github.com/gmux/gmux/proto"
)

// textWriter passes what the far side of a remote session prints (gmux -ls
// HOST:, -X there, ssh's stderr) on to the terminal with its controls made
// visible (proto.PrintableText): a hostile host must not retitle, clear or
// write on the local terminal. A character cut between two writes waits
// for its end, as does a carriage return for the newline it may go with.
type textWriter struct {
	w     io.Writer
	carry []byte
}

func (t *textWriter) Write(p []byte) (int, error) {
	b := append(t.carry, p...)
	cut := len(b) - partialRune(b)
	t.carry = append(t.carry[:0:0], b[cut:]...)
	if cut == 0 {
		return len(p), nil
	}
	_, err := io.WriteString(t.w, proto.PrintableText(string(b[:cut])))
	return len(p), err
}

// Flush writes what waits for the rest of a character.
func (t *textWriter) Flush() error {
	if len(t.carry) == 0 {
		return nil
	}
	_, err := io.WriteString(t.w, proto.PrintableText(string(t.carry)))
	t.carry = nil
	return err
}

// partialRune is how many bytes at the end of b begin a UTF-8 character
// that is not complete yet, or are a carriage return.
func partialRune(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\r' {
		return 1
	}
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return len(b) - i
			}
			return 0
		}
	}
	return 0
}
