// Command gmux is a terminal multiplexer in the manner of GNU screen: programs
// run in sessions that survive the loss of the terminal (an SSH connection
// dropping), and the terminal can detach and resume them.
package main

import (
	"os"

	"github.com/gmux/gmux/client"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == client.ServerCommand {
		os.Exit(serve())
	}
	os.Exit(run(os.Args[1:]))
}
