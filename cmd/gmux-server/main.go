// Command gmux-server is gmux's session server: it owns a session's
// programs, their terminals and screens, and draws them on the clients that
// attach. gmux starts it (the hidden first arguments of proto/binaries.go);
// it is installed beside gmux.
//
// It is a complete gmux besides, so the very binary a session runs
// (/proc/PID/exe) can always attach to it, whatever replaced gmux on disk
// since: that is what gmux advises for a session of another protocol.
package main

import (
	"os"

	"github.com/gmux/gmux/client"
	"github.com/gmux/gmux/client/cli"
	"github.com/gmux/gmux/proto"
)

func main() {
	client.HasServer = true
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case proto.ServerCommand:
			os.Exit(serve())
		case proto.ResumeCommand:
			os.Exit(takeOver(os.Args[2:]))
		case proto.KeepCommand:
			os.Exit(keep(os.Args[2:]))
		}
	}
	os.Exit(cli.Run(os.Args[1:]))
}
