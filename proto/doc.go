// Package proto is the wire protocol between a gmux client and a gmux session
// server: length-prefixed binary frames over a Unix socket. The first frame each
// way carries the protocol version, so a mismatch is reported, never misread.
// The format is documented in docs/protocol.md.
package proto
