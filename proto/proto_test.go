package proto

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestFrameRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	frames := []Frame{
		{TypeInput, []byte("hello\x1b[A\x00")},
		{TypeOutput, nil},
		{TypeResize, EncodeResize(200, 50)},
		{TypeOutput, bytes.Repeat([]byte("x"), MaxPayload)},
	}
	for _, f := range frames {
		if err := WriteFrame(&buf, f.Type, f.Payload); err != nil {
			t.Fatal(err)
		}
	}
	r := NewReader(&buf)
	for i, want := range frames {
		got, err := r.ReadFrame()
		if err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if got.Type != want.Type || !bytes.Equal(got.Payload, want.Payload) {
			t.Fatalf("frame %d: got %v want %v", i, got, want)
		}
	}
	if _, err := r.ReadFrame(); err != io.EOF {
		t.Fatalf("after last frame: %v, want EOF", err)
	}
}

func TestWriteTooLarge(t *testing.T) {
	err := WriteFrame(io.Discard, TypeOutput, make([]byte, MaxPayload+1))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
}

// oddFrames is a corpus of broken input; each must be refused with the error
// named, never a panic or an allocation of the declared size.
var oddFrames = []struct {
	name string
	data []byte
	want error
}{
	{"huge length", []byte{byte(TypeInput), 0xff, 0xff, 0xff, 0xff}, ErrTooLarge},
	{"just over max", append([]byte{byte(TypeInput)}, be32(MaxPayload+1)...), ErrTooLarge},
	{"unknown type", []byte{0, 0, 0, 0, 0}, ErrUnknownType},
	{"unknown type 255", []byte{255, 0, 0, 0, 1, 'x'}, ErrUnknownType},
	{"truncated payload", []byte{byte(TypeInput), 0, 0, 0, 9, 'a'}, io.ErrUnexpectedEOF},
	{"truncated header", []byte{byte(TypeInput), 0, 0}, io.ErrUnexpectedEOF},
}

func be32(n uint32) []byte { b := make([]byte, 4); binary.BigEndian.PutUint32(b, n); return b }

func TestOddFrames(t *testing.T) {
	for _, tc := range oddFrames {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewReader(bytes.NewReader(tc.data)).ReadFrame()
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}

func TestHelloRoundTrip(t *testing.T) {
	h := Hello{Mode: ModeAttach, Term: "xterm-256color", Cols: 80, Rows: 24, PID: 42, Shared: true, Features: Features}
	got, err := DecodeHello(EncodeHello(h))
	if err != nil {
		t.Fatal(err)
	}
	h.Version, h.MaxVersion = MinVersion, Version // the range this build speaks
	if !reflect.DeepEqual(got, h) {
		t.Fatalf("got %+v want %+v", got, h)
	}
}

// Each side announces the versions it speaks, and the newest both speak is
// chosen: an older client (no range), a newer one whose range reaches down
// to this build's, and one that speaks only newer versions.
func TestNegotiate(t *testing.T) {
	for _, c := range []struct {
		h    Hello
		want int
		ok   bool
	}{
		{Hello{Version: Version}, Version, true},                             // a client of this version, or one before ranges
		{Hello{Version: MinVersion, MaxVersion: Version + 3}, Version, true}, // a newer client that still speaks ours
		{Hello{Version: Version + 1, MaxVersion: Version + 2}, 0, false},     // only newer ones
	} {
		v, ok := Negotiate(c.h)
		if ok != c.ok || ok && v != c.want {
			t.Errorf("Negotiate(%+v) = %d %v, want %d %v", c.h, v, ok, c.want, c.ok)
		}
	}
	// A welcome in a version the client speaks is read; one beyond is a
	// VersionError naming both.
	if w, err := DecodeWelcome(EncodeWelcome(Welcome{Session: "1.x", Version: MinVersion})); err != nil || w.Version != MinVersion {
		t.Fatalf("a welcome of version %d: %v %v", MinVersion, w, err)
	}
	var ve *VersionError
	if _, err := DecodeWelcome(EncodeWelcome(Welcome{Version: Version + 1})); !errors.As(err, &ve) || ve.Peer != Version+1 {
		t.Fatalf("a welcome of a newer version: %v", err)
	}
}

// A frame of an unknown type in the optional range is read (and skipped by
// its receiver); outside it, it ends the connection.
func TestOptionalFrameTypes(t *testing.T) {
	r := NewReader(bytes.NewReader([]byte{100, 0, 0, 0, 2, 'h', 'i', byte(TypeInput), 0, 0, 0, 1, 'x'}))
	f, err := r.ReadFrame()
	if err != nil || f.Type != 100 || string(f.Payload) != "hi" {
		t.Fatalf("optional frame: %v %v", f, err)
	}
	if f, err = r.ReadFrame(); err != nil || f.Type != TypeInput {
		t.Fatalf("frame after it: %v %v", f, err)
	}
	if !Type(64).Optional() || Type(128).Optional() || Type(63).Optional() {
		t.Fatal("optional range is 64-127")
	}
	if got := Common([]string{"a", "b", "c"}, []string{"c", "a"}); !reflect.DeepEqual(got, []string{"a", "c"}) {
		t.Fatalf("Common: %v", got)
	}
}

func TestVersionMismatch(t *testing.T) {
	p := EncodeHello(Hello{Mode: ModeAttach})
	binary.BigEndian.PutUint16(p, Version+1)
	_, err := DecodeHello(p)
	var ve *VersionError
	if !errors.As(err, &ve) || ve.Peer != Version+1 {
		t.Fatalf("got %v, want VersionError", err)
	}
	if !strings.Contains(err.Error(), "protocol v2") {
		t.Fatalf("message does not name the versions: %v", err)
	}
	w := EncodeWelcome(Welcome{Session: "x"})
	binary.BigEndian.PutUint16(w, 7)
	if _, err := DecodeWelcome(w); !errors.As(err, &ve) || !strings.Contains(err.Error(), "server speaks protocol v7") {
		t.Fatalf("welcome mismatch: %v", err)
	}
}

func TestMalformedPayloads(t *testing.T) {
	for _, p := range [][]byte{nil, {0}, {0, 1}, {0, 1, '{'}, append([]byte{0, 1}, `{"mode":"bogus"}`...)} {
		if _, err := DecodeHello(p); err == nil {
			t.Errorf("DecodeHello(%q) accepted", p)
		}
	}
	for _, p := range [][]byte{nil, {0, 1, 0}, {0, 0, 0, 5}, {0, 5, 0, 0}} {
		if _, _, err := DecodeResize(p); !errors.Is(err, ErrMalformed) {
			t.Errorf("DecodeResize(%v) = %v", p, err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, tc := range oddFrames {
		f.Add(tc.data)
	}
	f.Add(AppendFrame(nil, TypeHello, EncodeHello(Hello{Mode: ModeAttach, Term: "xterm"})))
	f.Add(AppendFrame(nil, TypeResize, EncodeResize(80, 24)))
	f.Add(AppendFrame(nil, TypeCommand, EncodeJSON(Command{Args: []string{"select", "1"}})))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data))
		for {
			fr, err := r.ReadFrame()
			if err != nil {
				return
			}
			if len(fr.Payload) > MaxPayload {
				t.Fatalf("payload of %d bytes accepted", len(fr.Payload))
			}
			switch fr.Type {
			case TypeHello:
				_, _ = DecodeHello(fr.Payload)
			case TypeWelcome:
				_, _ = DecodeWelcome(fr.Payload)
			case TypeResize:
				if c, r, err := DecodeResize(fr.Payload); err == nil && (c == 0 || r == 0) {
					t.Fatal("zero size accepted")
				}
			case TypeCommand:
				var c Command
				_ = DecodeJSON(fr.Payload, &c)
			}
		}
	})
}

func TestSkipToMagic(t *testing.T) {
	frame := AppendFrame(nil, TypePong, nil)
	r := NewReader(strings.NewReader("Welcome!\n\x00\x01" + ProxyMagic + string(frame)))
	if err := r.SkipTo(ProxyMagic, 100); err != nil {
		t.Fatal(err)
	}
	if f, err := r.ReadFrame(); err != nil || f.Type != TypePong {
		t.Fatalf("after the magic: %v %v", f, err)
	}
	var noise *NoiseError
	if err := NewReader(strings.NewReader(strings.Repeat("x", 200))).SkipTo(ProxyMagic, 100); !errors.As(err, &noise) {
		t.Fatalf("200 bytes of noise: %v", err)
	}
	if err := NewReader(strings.NewReader("")).SkipTo(ProxyMagic, 100); err != io.EOF {
		t.Fatalf("nothing at all: %v", err)
	}
	if err := NewReader(strings.NewReader("partial")).SkipTo(ProxyMagic, 100); err != io.ErrUnexpectedEOF {
		t.Fatalf("noise then the end: %v", err)
	}
}

func TestOlderBuild(t *testing.T) {
	if !OlderBuild("", 0) {
		t.Error("a server reporting no version predates versions: older")
	}
	if a, _ := semver("v0.3.1"); !less(a, [3]int{0, 10, 0}) {
		t.Error("v0.3.1 < v0.10.0")
	}
	if _, ok := semver("dev-abc"); ok {
		t.Error("a dev build is not a semantic version")
	}
	if OlderBuild(BuildVersion(), 0) {
		t.Error("this very build is not older than itself")
	}
}

// A frame cut by a read deadline is not lost: the next ReadFrame finishes it,
// and Unread returns it with what follows.
func TestReaderKeepsAFrameCutByADeadline(t *testing.T) {
	a, b := net.Pipe()
	defer a.Close()
	defer b.Close()
	whole := AppendFrame(nil, TypeInput, []byte("hello"))
	go b.Write(whole[:3])
	r := NewReader(a)
	a.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	if _, err := r.ReadFrame(); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("ReadFrame = %v, want a deadline", err)
	}
	if got := r.Unread(); !bytes.Equal(got, whole[:3]) {
		t.Fatalf("Unread = %q, want %q", got, whole[:3])
	}
	a.SetReadDeadline(time.Time{})
	go b.Write(append(whole[3:], whole...))
	f, err := r.ReadFrame()
	if err != nil || f.Type != TypeInput || string(f.Payload) != "hello" {
		t.Fatalf("ReadFrame after the deadline = %v %v", f, err)
	}
	f, err = r.ReadFrame()
	if err != nil || string(f.Payload) != "hello" {
		t.Fatalf("second frame = %v %v", f, err)
	}
}
