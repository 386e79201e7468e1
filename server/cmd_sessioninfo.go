package server

import (
	"encoding/json"
	"os"
	"runtime"

	"github.com/gmux/gmux/proto"
)

func init() {
	register(&command{
		name: "sessioninfo", guest: true, help: "print the session's state as JSON (used by -ls)", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) {
			b, err := json.Marshal(proto.SessionInfo{
				Name: x.s.Name, PID: os.Getpid(), Attached: x.s.attachedCount(),
				Windows: len(x.s.windows), Created: x.s.Created.Unix(), Goroutines: runtime.NumGoroutine(),
				Scope: x.s.Scope, Warning: x.s.LingerWarning,
				Version: proto.BuildVersion(), Built: buildUnix(), Protocol: proto.Version, AutoUpgrade: x.s.set.AutoUpgrade,
			})
			return string(b), err
		},
	})
}

func buildUnix() int64 {
	if t := proto.BuildTime(); !t.IsZero() {
		return t.Unix()
	}
	return 0
}
