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
		help: "run this session on another gmux binary (a relative path is from the directory of the gmux sending -X; default: the gmux-server that goes with the gmux sending -X, else the file this server was started from), keeping its programs, screens and clients",
		run: func(x *cmdContext, args []string) (string, error) {
			path := ""
			if len(args) == 1 {
				path = args[0]
				if !filepath.IsAbs(path) {
					// From the caller's directory, or not at all: the
					// server's own may be a shared one (cd /tmp; gmux),
					// where anyone can leave a gmux-server.
					if x.from == nil || !filepath.IsAbs(x.from.hello.Dir) {
						return "", fmt.Errorf("upgrade: %q is not an absolute path", path)
					}
					path = filepath.Join(x.from.hello.Dir, path)
				}
			} else if x.from != nil && x.from.hello.Exe != "" {
				path = x.from.hello.Exe // the binary that sent -X upgrade
			} else {
				exe, err := os.Executable()
				if err != nil {
					return "", fmt.Errorf("upgrade: which binary? %w", err)
				}
				path = exe
			}
			if !filepath.IsAbs(path) {
				return "", fmt.Errorf("upgrade: %q is not an absolute path", path)
			}
			abs := filepath.Clean(path)
			if x.from != nil {
				asker := x.from
				x.s.upgrade(abs, asker, func(err error) {
					// Only a failure is answered here: success is the new server's to tell.
					x.s.send(asker, proto.TypeReply, proto.EncodeJSON(proto.Reply{Output: err.Error()}))
				})
				return "", errReplyLater
			}
			c := x.c
			x.s.upgrade(abs, nil, func(err error) {
				if c != nil && !c.Gone {
					c.showMessage(x.s, err.Error())
				}
			})
			return "", nil
		},
	})
}
