package proto

import (
	"bufio"
	"bytes"
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

// Reader reads frames from a stream. A read that fails in the middle of a
// frame (a deadline) keeps what it read: the next ReadFrame goes on with the
// same frame, and Unread hands it over (a live upgrade carries it to the
// next server).
type Reader struct {
	r    *bufio.Reader
	part []byte // the frame read so far, header first
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader) *Reader { return &Reader{r: bufio.NewReaderSize(r, 64<<10)} }

// ReadFrame reads the next frame. The length is checked against MaxPayload
// before anything is allocated, and unknown types are rejected, so a peer that
// speaks garbage is detected on its first frame.
func (r *Reader) ReadFrame() (Frame, error) {
	if err := r.fill(headerLen); err != nil {
		return Frame{}, err
	}
	t := Type(r.part[0])
	n := binary.BigEndian.Uint32(r.part[1:])
	if !t.Known() && !t.Optional() {
		return Frame{}, fmt.Errorf("%w %d", ErrUnknownType, r.part[0])
	}
	if n > MaxPayload {
		return Frame{}, fmt.Errorf("%s: %w (%d bytes)", t, ErrTooLarge, n)
	}
	if err := r.fill(headerLen + int(n)); err != nil {
		return Frame{}, fmt.Errorf("%s payload: %w", t, err)
	}
	p := r.part[headerLen:]
	r.part = nil
	return Frame{Type: t, Payload: p}, nil
}

// fill reads until the frame so far is n bytes long.
func (r *Reader) fill(n int) error {
	if cap(r.part) < n {
		r.part = append(make([]byte, 0, n), r.part...)
	}
	for len(r.part) < n {
		k, err := r.r.Read(r.part[len(r.part):n])
		r.part = r.part[:len(r.part)+k]
		if err != nil {
			if err == io.EOF && len(r.part) > 0 {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
	}
	return nil
}

// Unread returns what was read from the stream and not yet returned as a
// frame: a frame cut by a deadline, and what is buffered after it.
func (r *Reader) Unread() []byte {
	rest, _ := r.r.Peek(r.r.Buffered())
	return append(bytes.Clone(r.part), rest...)
}

func readFrame(r io.Reader) (Frame, error) {
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
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return Frame{}, fmt.Errorf("%s payload: %w", t, err)
	}
	return Frame{Type: t, Payload: p}, nil
}

// ReadOneFrame reads exactly one frame from r, and not a byte more: what
// follows stays unread for whoever takes r next (a proxy hands its stdin on).
func ReadOneFrame(r io.Reader) (Frame, error) { return readFrame(r) }

// ProxyMagic is what the far end of a remote attach writes before anything
// else: the near side skips what precedes it — whatever a login script on the
// far host printed before gmux started (.bashrc is read even for ssh's
// non-interactive commands) — instead of taking it for frames.
const ProxyMagic = "\x00gmux-proxy\x00"

// NoiseError is a stream that did not show ProxyMagic within its limit.
type NoiseError struct {
	Seen string // the start of what came instead
}

func (e *NoiseError) Error() string { return fmt.Sprintf("no gmux answer, instead: %q", e.Seen) }

// SkipTo reads and drops everything up to and including magic, reading at
// most limit bytes; a stream that ends first says io.EOF (or
// io.ErrUnexpectedEOF after some bytes), one that goes past limit
// *NoiseError.
func (r *Reader) SkipTo(magic string, limit int) error {
	var seen []byte
	for {
		b, err := r.r.ReadByte()
		if err != nil {
			if err == io.EOF && len(seen) > 0 {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		seen = append(seen, b)
		if len(seen) >= len(magic) && string(seen[len(seen)-len(magic):]) == magic {
			return nil
		}
		if len(seen) > limit {
			return &NoiseError{Seen: string(seen[:min(len(seen), 60)])}
		}
	}
}
