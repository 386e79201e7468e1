//go:build portable

package main

// With the portable tag (go test -tags portable), the binaries the tests run
// are built with it too: the code macOS and the BSDs run where it can run on
// Linux (proto/quietfd's Go-poller build), exercised end to end.
func init() { buildFlags = append(buildFlags, "-tags", "portable") }
