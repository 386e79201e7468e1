// Command gmux is a terminal multiplexer in the manner of GNU screen: programs
// run in sessions that survive the loss of the terminal (an SSH connection
// dropping), and the terminal can detach and resume them.
package main

import (
	"os"

	"github.com/gmux/gmux/client"
	"github.com/gmux/gmux/server"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == client.ServerCommand {
		os.Exit(serve())
	}
	if len(os.Args) > 1 && os.Args[1] == server.ResumeCommand {
		os.Exit(takeOver(os.Args[2:]))
	}
	os.Exit(run(os.Args[1:]))
}
