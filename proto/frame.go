package proto

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
)

// Frame is one message on the wire.
type Frame struct {
	Type    Type
	Payload []byte
}

func (f Frame) String() string { return fmt.Sprintf("%s[%d]", f.Type, len(f.Payload)) }

// AppendFrame appends the wire form of a frame to dst.
func AppendFrame(dst []byte, t Type, payload []byte) []byte {
	var h [headerLen]byte
	h[0] = byte(t)
	binary.BigEndian.PutUint32(h[1:], uint32(len(payload)))
	dst = append(dst, h[:]...)
	return append(dst, payload...)
}

// WriteFrame writes one frame with a single Write call, so frames written by one
// goroutine are never interleaved.
func WriteFrame(w io.Writer, t Type, payload []byte) error {
	if len(payload) > MaxPayload {
		return fmt.Errorf("write %s: %w (%d bytes)", t, ErrTooLarge, len(payload))
	}
	_, err := w.Write(AppendFrame(make([]byte, 0, headerLen+len(payload)), t, payload))
	return err
}

// Reader reads frames from a stream.
type Reader struct {
	r *bufio.Reader
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader) *Reader { return &Reader{r: bufio.NewReaderSize(r, 64<<10)} }

// ReadFrame reads the next frame. The length is checked against MaxPayload
// before anything is allocated, and unknown types are rejected, so a peer that
// speaks garbage is detected on its first frame.
func (r *Reader) ReadFrame() (Frame, error) {
	var h [headerLen]byte
	if _, err := io.ReadFull(r.r, h[:]); err != nil {
		return Frame{}, err
	}
	t := Type(h[0])
	n := binary.BigEndian.Uint32(h[1:])
	if !t.Known() && !t.Optional() {
		return Frame{}, fmt.Errorf("%w %d", ErrUnknownType, h[0])
	}
	if n > MaxPayload {
		return Frame{}, fmt.Errorf("%s: %w (%d bytes)", t, ErrTooLarge, n)
	}
	p := make([]byte, n)
	if _, err := io.ReadFull(r.r, p); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return Frame{}, fmt.Errorf("%s payload: %w", t, err)
	}
	return Frame{Type: t, Payload: p}, nil
}

// ReadOneFrame reads exactly one frame from r, and not a byte more: what
// follows stays unread for whoever takes r next (a proxy hands its stdin on).
func ReadOneFrame(r io.Reader) (Frame, error) {
	var h [headerLen]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return Frame{}, err
	}
	t := Type(h[0])
	n := binary.BigEndian.Uint32(h[1:])
	if !t.Known() && !t.Optional() {
		return Frame{}, fmt.Errorf("%w %d", ErrUnknownType, h[0])
	}
	if n > MaxPayload {
		return Frame{}, fmt.Errorf("%s: %w (%d bytes)", t, ErrTooLarge, n)
	}
	p := make([]byte, n)
	if _, err := io.ReadFull(r, p); err != nil {
		return Frame{}, fmt.Errorf("%s payload: %w", t, err)
	}
	return Frame{Type: t, Payload: p}, nil
}
