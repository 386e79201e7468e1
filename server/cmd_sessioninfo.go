package server

import (
	"encoding/json"
	"os"
	"runtime"
)

// SessionInfo is what `gmux -ls` asks each server for.
type SessionInfo struct {
	Name     string `json:"name"`
	PID      int    `json:"pid"`
	Attached int    `json:"attached"`
	Windows  int    `json:"windows"`
	Created  int64  `json:"created"`
	// Goroutines is the server's count: one that grows as clients come and
	// go is a leak.
	Goroutines int `json:"goroutines"`
}

func init() {
	register(&command{
		name: "sessioninfo", help: "print the session's state as JSON (used by -ls)", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			b, err := json.Marshal(SessionInfo{
				Name: x.s.name, PID: os.Getpid(), Attached: x.s.attachedCount(),
				Windows: len(x.s.windows), Created: x.s.created.Unix(), Goroutines: runtime.NumGoroutine(),
			})
			return string(b), err
		},
	})
}
