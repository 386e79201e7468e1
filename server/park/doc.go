// Package park stops the goroutines that move bytes between descriptors and
// the session loop, for a live upgrade's hand-over, at points where nothing
// is half done, and lets them go on if the hand-over fails.
//
// Each such goroutine is woken by a deadline on its descriptor (or by the
// channel of Frozen, where it waits for something else), sees that the
// deadline was the freeze's (Stopped), and parks (Park) with its flag set,
// which is how the loop knows it is at rest. What it had read and not handed
// on, or had to write and not written, it leaves where the loop can take it
// for the state. A successful hand-over replaces the process, so only a
// failed one lifts the freeze.
//
// It owns the freeze alone: which descriptors get deadlines, and when every
// goroutine has parked, are the session's to know.
package park
