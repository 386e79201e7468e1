package main

import (
	"fmt"
	"log"
	"os"
	"strconv"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server"
	"github.com/gmux/gmux/server/proc"
)

// takeOver is a live upgrade's entry (proto.ResumeCommand): the session's
// server, exec'd with its state, or a trial run on a state ("-check").
func takeOver(args []string) int {
	if len(args) == 1 && args[0] == "-check" {
		if err := server.CheckState(os.Stdin); err != nil {
			fmt.Fprintf(os.Stderr, "gmux %s: %v\n", proto.BuildVersion(), err)
			return 1
		}
		fmt.Printf("ok %s\n", proto.BuildVersion())
		return 0
	}
	if len(args) < 2 {
		fmt.Fprintln(os.Stderr, "gmux: a session is handed over by gmux itself (-X upgrade)")
		return 2
	}
	stateFD, err1 := strconv.Atoi(args[0])
	exeFD, err2 := strconv.Atoi(args[1])
	if err1 != nil || err2 != nil {
		fmt.Fprintln(os.Stderr, "gmux: bad hand-over arguments")
		return 2
	}
	failure := ""
	if len(args) > 2 {
		failure = args[2]
	}
	// The server's stderr is its log file already (serve): the same
	// process, the same descriptors.
	logger := log.New(os.Stderr, "", log.LstdFlags)
	// A clean end removes the log (server.serve); a failed hand-over keeps
	// it, as the only record of what happened.
	status, err := server.Resume(stateFD, exeFD, failure, logger)
	if err != nil {
		logger.Printf("upgrade: %v", err)
	}
	return status
}

// keep is a live upgrade's keeper (proto.KeepCommand, server/proc/keeper.go).
func keep(args []string) int {
	if len(args) != 4 {
		fmt.Fprintln(os.Stderr, "gmux: a keeper is started by gmux itself (-X upgrade)")
		return 2
	}
	pid, err1 := strconv.Atoi(args[0])
	stateFD, err2 := strconv.Atoi(args[2])
	exeFD, err3 := strconv.Atoi(args[3])
	if err1 != nil || err2 != nil || err3 != nil {
		fmt.Fprintln(os.Stderr, "gmux: bad keeper arguments")
		return 2
	}
	logger := log.New(os.Stderr, "", log.LstdFlags) // the server's log
	if err := proc.Keep(pid, args[1], stateFD, exeFD, logger); err != nil {
		logger.Printf("upgrade: %v", err)
		return 1
	}
	return 0
}
