package pane

import "sync/atomic"

// Gate holds a pane's reader while flow control has stopped its output
// (screen's flow on: C-s stops reading the program, which blocks once its
// terminal's buffer fills, as on a real terminal; C-q goes on).
type Gate struct{ ch atomic.Pointer[chan struct{}] }

// Hold stops the reader before its next read.
func (g *Gate) Hold() {
	ch := make(chan struct{})
	g.ch.CompareAndSwap(nil, &ch)
}

// Release lets the reader go on.
func (g *Gate) Release() {
	if p := g.ch.Swap(nil); p != nil {
		close(*p)
	}
}

// Held reports whether the gate holds the reader.
func (g *Gate) Held() bool { return g.ch.Load() != nil }

// wait returns true when the gate is open, false if stop is closed first.
func (g *Gate) wait(stop <-chan struct{}) bool {
	if p := g.ch.Load(); p != nil {
		select {
		case <-*p:
		case <-stop:
			return false
		}
	}
	return true
}
