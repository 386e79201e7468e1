// Package vt is gmux's terminal emulator: it parses the byte stream a program
// writes (DEC/ECMA-48 escape sequences, UTF-8) into a screen model that the
// server renders for each client and keeps across detach and resume.
//
// The model is built for throughput: screen lines sit in a ring so a full-screen
// scroll moves an index, not cells; runs of printable ASCII take a fast path;
// lines that scroll away are stored compactly (text plus style runs), so history
// costs memory in proportion to its content, not to the window width.
//
// A Screen is not safe for concurrent use; the session loop owns it.
package vt
