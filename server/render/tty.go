package render

import (
	"bytes"
	"io"
	"sync"

	"github.com/gdamore/tcell/v2"
)

// connTty is the tcell.Tty of one client: output is collected in memory and
// sent by the session loop as frames; input never comes through tcell (raw
// bytes go straight to the window), so Read just blocks until Drain or Close.
type connTty struct {
	mu         sync.Mutex
	buf        bytes.Buffer
	cols, rows int
	stop       chan struct{}
	stopOnce   sync.Once
}

var _ tcell.Tty = (*connTty)(nil)

func newConnTty(cols, rows int) *connTty {
	return &connTty{cols: cols, rows: rows, stop: make(chan struct{})}
}

// Keyboard protocols tcell turns on for xterm-like terminals at Init (and
// off at Fini). A terminal that honours them sends keys a shell cannot read,
// and gmux forwards keys raw, so they are dropped from what Init and Fini wrote.
var droppedSequences = [][]byte{
	[]byte("\x1b[>4;2m"), []byte("\x1b[>1u"), []byte("\x1b[?9001h"),
	[]byte("\x1b[?9001l"), []byte("\x1b[<u"), []byte("\x1b[>4;0m"),
}

func (t *connTty) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.Write(p)
}

// dropKeyboardProtocols removes droppedSequences from what is waiting.
func (t *connTty) dropKeyboardProtocols() {
	t.mu.Lock()
	defer t.mu.Unlock()
	b := t.buf.Bytes()
	for _, seq := range droppedSequences {
		b = bytes.ReplaceAll(b, seq, nil)
	}
	t.buf = *bytes.NewBuffer(b)
}

// take returns and clears what has been written.
func (t *connTty) take() []byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.buf.Len() == 0 {
		return nil
	}
	out := bytes.Clone(t.buf.Bytes())
	t.buf.Reset()
	return out
}

func (t *connTty) Read([]byte) (int, error) {
	<-t.stop
	return 0, io.EOF
}

func (t *connTty) Drain() error {
	t.stopOnce.Do(func() { close(t.stop) })
	return nil
}

func (t *connTty) Close() error           { return t.Drain() }
func (t *connTty) Start() error           { return nil }
func (t *connTty) Stop() error            { return nil }
func (t *connTty) NotifyResize(func())    {}
func (t *connTty) setSize(cols, rows int) { t.mu.Lock(); t.cols, t.rows = cols, rows; t.mu.Unlock() }

func (t *connTty) WindowSize() (tcell.WindowSize, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return tcell.WindowSize{Width: t.cols, Height: t.rows}, nil
}
