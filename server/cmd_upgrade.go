package server

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gmux/gmux/proto"
)

func init() {
	register(&command{
		name: "upgrade", usage: "[path]", maxArgs: 1,
		help: "run this session on another gmux binary (default: the one sending -X, else the file this server was started from), keeping its programs, screens and clients",
		run: func(x *cmdContext, args []string) (string, error) {
			path := ""
			if len(args) == 1 {
				path = args[0]
			} else if x.from != nil && x.from.hello.Exe != "" {
				path = x.from.hello.Exe // the binary that sent -X upgrade
			} else {
				exe, err := os.Executable()
				if err != nil {
					return "", fmt.Errorf("upgrade: which binary? %w", err)
				}
				path = exe
			}
			abs, err := filepath.Abs(path)
			if err != nil {
				return "", err
			}
			if x.from != nil {
				asker := x.from
				x.s.upgrade(abs, asker, func(out string, err error) {
					reply := proto.Reply{OK: err == nil, Output: out}
					if err != nil {
						reply.Output = err.Error()
					}
					x.s.send(asker, proto.TypeReply, proto.EncodeJSON(reply))
				})
				return "", errReplyLater
			}
			c := x.c
			x.s.upgrade(abs, nil, func(_ string, err error) {
				if err != nil && c != nil && !c.gone {
					x.s.showMessage(c, err.Error())
				}
			})
			return "", nil
		},
	})
}
