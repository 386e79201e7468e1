// Command gmux is a terminal multiplexer in the manner of GNU screen: programs
// run in sessions that survive the loss of the terminal (an SSH connection
// dropping), and the terminal can detach and resume them.
//
// This is the client, the command a user runs. The sessions are held by
// gmux-server (cmd/gmux-server), installed beside it: a client that does not
// link the server starts in half the time, and every attach, -X and -ls
// starts one (docs/design.md, "Two binaries").
package main

import (
	"fmt"
	"os"

	"github.com/gmux/gmux/client"
	"github.com/gmux/gmux/client/cli"
	"github.com/gmux/gmux/proto"
	"golang.org/x/sys/unix"
)

func init() { client.OneProcessor() } // docs in client/processors.go

func main() {
	if len(os.Args) > 1 && (os.Args[1] == proto.ServerCommand || os.Args[1] == proto.ResumeCommand) {
		os.Exit(handOn())
	}
	os.Exit(cli.Run(os.Args[1:]))
}

// handOn gives a server's role to gmux-server: this process becomes it
// (exec keeps the PID and the descriptors the role arrives with), so a
// server's binary may be named by this gmux's path, as -X upgrade PATH
// does. It returns only on failure.
func handOn() int {
	exe, err := client.ServerBinary()
	if err == nil {
		err = unix.Exec(exe, append([]string{exe}, os.Args[1:]...), os.Environ())
	}
	fmt.Fprintf(os.Stderr, "gmux: %v\n", err)
	return 2
}
