// Package link is a client's transport: its connection (a Unix socket, or
// the stream a proxy handed over), its terminal when it passed it, and the
// goroutines that read and write them. Everything sent goes through Send and
// is written in order, first straight from the loop as far as the kernel
// takes it, the rest by the writer goroutine, so the loop never blocks on a
// slow client.
//
// A link owns its descriptors, its queue of what is not written yet, and its
// reader and writer goroutines. It knows nothing of displays or sessions:
// what a frame means is the caller's. Its goroutines reach the loop only
// through the post function they are given, and stop for a live upgrade's
// freeze (server/park) as the panes' do.
package link
