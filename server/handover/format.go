package handover

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// magic starts every state.
const magic = "gmuxstate\n"

// FormatVersion is the version this gmux writes. Raise it when a field's
// meaning changes or a field a reader must understand is added; a field a
// reader may ignore needs no new version (JSON skips what it does not know).
const FormatVersion = 1

// oldestReadable is the oldest version this gmux reads. A string, so that
// a test can build a gmux that refuses today's states (-ldflags -X).
var oldestReadable = "1"

// Limits keep a damaged state from making the reader allocate without bound.
const (
	maxJSON   = 256 << 20
	maxScreen = 1 << 30
	maxCount  = 1 << 16
)

// ErrState is returned for a state that cannot be read.
var ErrState = errors.New("cannot read the session state")

// Encode writes st.
func Encode(w io.Writer, st *State) error {
	js, err := json.Marshal(st)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(magic)
	putUvarint(bw, FormatVersion)
	putUvarint(bw, uint64(len(js)))
	bw.Write(js)
	putUvarint(bw, uint64(len(st.Screens)))
	for _, s := range st.Screens {
		putUvarint(bw, uint64(len(s)))
		bw.Write(s)
	}
	return bw.Flush()
}

func putUvarint(w *bufio.Writer, v uint64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutUvarint(b[:], v)])
}

// Decode reads a state written by Encode of this or an older readable
// version. Its errors wrap ErrState.
func Decode(r io.Reader) (*State, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("%w: not a gmux session state", ErrState)
	}
	version, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrState, err)
	}
	oldest, _ := strconv.Atoi(oldestReadable)
	if version < uint64(oldest) || version > FormatVersion {
		return nil, fmt.Errorf("%w: it is format %d, this gmux reads formats %d to %d", ErrState, version, oldest, FormatVersion)
	}
	js, err := readBlob(br, maxJSON)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrState, err)
	}
	st := &State{}
	if err := json.Unmarshal(js, st); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrState, err)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > maxCount {
		return nil, fmt.Errorf("%w: bad screen count", ErrState)
	}
	for range n {
		s, err := readBlob(br, maxScreen)
		if err != nil {
			return nil, fmt.Errorf("%w: screen: %v", ErrState, err)
		}
		st.Screens = append(st.Screens, s)
	}
	for _, w := range st.Windows {
		if w.Screen < 0 || w.Screen >= len(st.Screens) {
			return nil, fmt.Errorf("%w: window %d has no screen", ErrState, w.Number)
		}
	}
	return st, nil
}

// readBlob reads a length and that many bytes, at most limit. The bytes are
// read as they come, so a length that lies cannot allocate more than what
// is there.
func readBlob(r *bufio.Reader, limit int) ([]byte, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if n > uint64(limit) {
		return nil, fmt.Errorf("%d bytes is more than %d", n, limit)
	}
	var b []byte
	for len(b) < int(n) {
		chunk := min(int(n)-len(b), 1<<20)
		b = append(b, make([]byte, chunk)...)
		if _, err := io.ReadFull(r, b[len(b)-chunk:]); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
	}
	return b, nil
}
