package proto

import (
	"bytes"
	"io"
	"testing"
)

// BenchmarkFrameRoundTrip writes and reads 32 KiB output frames, the bulk of
// what a busy session sends.
func BenchmarkFrameRoundTrip(b *testing.B) {
	payload := bytes.Repeat([]byte("x"), 32<<10)
	var buf bytes.Buffer
	b.SetBytes(int64(len(payload)))
	for range b.N {
		buf.Reset()
		if err := WriteFrame(&buf, TypeOutput, payload); err != nil {
			b.Fatal(err)
		}
		if _, err := NewReader(&buf).ReadFrame(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInputFrame is one keystroke on its way to the server.
func BenchmarkInputFrame(b *testing.B) {
	key := []byte("a")
	for range b.N {
		if err := WriteFrame(io.Discard, TypeInput, key); err != nil {
			b.Fatal(err)
		}
	}
}
