package server

import (
	"os"
	"os/exec"

	"github.com/creack/pty"
	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/proc"
)

// displayProgram is a program drawing on one display instead of a window:
// the blanker's blankerprg, the lock's $LOCKPRG. It has a terminal of its
// own, the display's size; what it prints goes straight to the display.
type displayProgram struct {
	cmd *exec.Cmd
	tty *os.File
}

// runOnDisplay starts argv for display c. Its output reaches c while
// showing says so; ended runs on the loop, with its exit, once it is gone.
func (s *session) runOnDisplay(c *client, argv []string, showing func() bool, ended func(error)) (*displayProgram, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env, cmd.Dir = s.set.Env, s.set.Dir
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(c.cols), Rows: uint16(c.rows)})
	if err != nil {
		return nil, err
	}
	go func() {
		buf := make([]byte, 16<<10)
		for {
			n, err := f.Read(buf)
			if n > 0 {
				out := append([]byte(nil), buf[:n]...)
				s.post(func() {
					if showing() && !c.Gone {
						s.send(c, proto.TypeOutput, out)
					}
				})
			}
			if err != nil {
				break
			}
		}
		werr := proc.WaitProgram(cmd)
		s.post(func() {
			f.Close()
			if ended != nil {
				ended(werr)
			}
		})
	}()
	return &displayProgram{cmd: cmd, tty: f}, nil
}

// stop ends the program; its terminal closes once it is gone.
func (p *displayProgram) stop() {
	if p.cmd.Process != nil {
		_ = p.cmd.Process.Kill()
	}
}
