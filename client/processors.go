package client

import (
	"os"
	"runtime"
)

// A client mostly waits: for the server's frames, which a direct client does
// not even relay, or for a command's reply. Each processor Go may use lets
// its scheduler start a thread whenever a goroutine starts or a system call
// blocks, and on a VM where a thread's start and the page faults of its
// stack are dear that was a measurable part of every attach (client context
// switches during an attach 144-206 → 104-140; reattach of a full screen
// 2-12% sooner in five side-by-side runs). The remote client is the exception: it relays
// both ways at once, and its echo over ssh was 8-14% slower on one.

// allProcessors is what Go chose before OneProcessor (or the user's
// GOMAXPROCS).
var allProcessors = runtime.GOMAXPROCS(0)

// OneProcessor runs the client on one processor, unless the user set
// GOMAXPROCS. It is called first thing, before goroutines start.
func OneProcessor() {
	if os.Getenv("GOMAXPROCS") == "" {
		allProcessors = runtime.GOMAXPROCS(1)
	}
}

// useAllProcessors undoes OneProcessor, for a client that relays.
func useAllProcessors() { runtime.GOMAXPROCS(allProcessors) }
