// Package handover is the state a session server hands to the binary that
// replaces it in a live upgrade (gmux -X upgrade): everything the session
// is, but for its programs and connections, which pass as descriptors kept
// open across exec, named here by number.
//
// The format is versioned. Each gmux writes FormatVersion and reads every
// version from OldestReadable to FormatVersion; a state it cannot read is
// refused before anything is touched, and the old server carries on.
//
// Its WindowModel and SessionModel are what the server embeds as they are:
// the hand-over copies them whole, and a later restore writes the same.
package handover
