package park

import (
	"errors"
	"os"
	"sync/atomic"
)

// Flag marks a goroutine that is parked.
type Flag = atomic.Bool

// Freeze is the session's freeze switch, safe for every goroutine. Its zero
// value is not frozen, and ready.
type Freeze struct {
	on       atomic.Pointer[chan struct{}] // closed when the freeze is lifted, or nil
	starting atomic.Pointer[chan struct{}] // closed when a freeze starts
}

// Frozen returns a channel that is closed when a freeze starts: for
// goroutines that wait on something other than a descriptor.
func (f *Freeze) Frozen() <-chan struct{} { return *f.startChannel() }

// startChannel is the channel a freeze's start closes, made at first use.
func (f *Freeze) startChannel() *chan struct{} {
	if ch := f.starting.Load(); ch != nil {
		return ch
	}
	ch := make(chan struct{})
	f.starting.CompareAndSwap(nil, &ch)
	return f.starting.Load()
}

// On reports whether a freeze is on.
func (f *Freeze) On() bool { return f.on.Load() != nil }

// Park stops the calling goroutine while a freeze is on, with flag set, and
// returns true once the freeze is lifted; without a freeze it returns false
// at once (the deadline or wake-up was not the freeze's).
func (f *Freeze) Park(flag *Flag) bool {
	resume := f.on.Load()
	if resume == nil {
		return false
	}
	flag.Store(true)
	<-*resume
	flag.Store(false)
	return true
}

// Stopped reports whether err is a freeze's deadline.
func (f *Freeze) Stopped(err error) bool {
	return f.On() && errors.Is(err, os.ErrDeadlineExceeded)
}

// Start begins a freeze; the caller then sets the deadlines that wake the
// goroutines waiting on descriptors.
func (f *Freeze) Start() {
	resume := make(chan struct{})
	f.on.Store(&resume)
	close(*f.startChannel())
}

// Lift ends a freeze: Frozen gets a new channel, and the parked goroutines
// go on. The caller clears the deadlines first.
func (f *Freeze) Lift() {
	resume := f.on.Load()
	if resume == nil {
		return
	}
	next := make(chan struct{})
	f.starting.Store(&next)
	f.on.Store(nil)
	close(*resume)
}
