package server

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/gmux/gmux/server/proc"
)

// backtick is screen's backtick command: a program whose last line of output
// a status line shows with %N`. A persistent one (lifespan and autorefresh
// both 0) runs from its definition on and each line it prints replaces the
// value; the others run when a bar shows their value after it has grown
// older than lifespan, and autorefresh redraws the bars that often.
type backtick struct {
	id       int
	lifespan time.Duration
	refresh  time.Duration
	argv     []string
	value    string
	ran      time.Time // when the last run started
	running  *exec.Cmd
}

// minBacktickGap keeps a lifespan of 0 from running a program at every frame.
const minBacktickGap = time.Second

func (b *backtick) persistent() bool { return b.lifespan == 0 && b.refresh == 0 }

// backtickValue is the output of backtick id for %id`, starting a new run
// when it is stale.
func (s *session) backtickValue(id int) string {
	b := s.backticks[id]
	if b == nil {
		return ""
	}
	if !b.persistent() && b.running == nil && !s.ending &&
		(b.ran.IsZero() || time.Since(b.ran) >= max(b.lifespan, minBacktickGap)) {
		s.runBacktick(b)
	}
	return b.value
}

// setBacktick defines (argv set) or removes backtick id.
func (s *session) setBacktick(id int, lifespan, refresh time.Duration, argv []string) {
	if old := s.backticks[id]; old != nil {
		stopBacktick(old)
		delete(s.backticks, id)
	}
	if len(argv) == 0 {
		return
	}
	if s.backticks == nil {
		s.backticks = map[int]*backtick{}
	}
	b := &backtick{id: id, lifespan: lifespan, refresh: refresh, argv: argv}
	s.backticks[id] = b
	if b.persistent() {
		s.runBacktick(b)
	}
	s.startClock()
}

// runBacktick starts b's program; each line it prints becomes the value
// (the last one counts), and the bars are redrawn when it changes.
func (s *session) runBacktick(b *backtick) {
	cmd := exec.Command(b.argv[0], b.argv[1:]...)
	cmd.Env, cmd.Dir = s.set.Env, s.set.Dir
	cmd.Stdin = nil
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, err := cmd.StdoutPipe()
	if err == nil {
		err = cmd.Start()
	}
	b.ran = time.Now()
	if err != nil {
		b.value = ""
		s.log.Printf("backtick %d: %v", b.id, err)
		return
	}
	b.running = cmd
	go func() {
		sc := bufio.NewScanner(out)
		last := ""
		for sc.Scan() {
			last = sc.Text()
			if b.persistent() {
				line := last
				s.post(func() { s.backtickLine(b, cmd, line) })
			}
		}
		out.Close()
		_ = proc.WaitProgram(cmd)
		s.post(func() {
			if b.running == cmd {
				b.running = nil
				if !b.persistent() {
					s.backtickLine(b, cmd, last)
				}
			}
		})
	}()
}

// backtickLine takes a line of cmd's output as b's value.
func (s *session) backtickLine(b *backtick, cmd *exec.Cmd, line string) {
	if s.backticks[b.id] != b {
		return // redefined or removed since
	}
	line = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1 // a status line shows text, never control sequences
		}
		return r
	}, line)
	if line == b.value {
		return
	}
	b.value = line
	s.redrawBars()
}

// stopBacktick ends b's program, if it runs.
func stopBacktick(b *backtick) {
	if b.running != nil && b.running.Process != nil {
		_ = syscall.Kill(-b.running.Process.Pid, syscall.SIGTERM)
		_ = b.running.Process.Signal(os.Kill)
	}
	b.running = nil
}

// stopBackticks ends every backtick program (the session ends).
func (s *session) stopBackticks() {
	for _, b := range s.backticks {
		stopBacktick(b)
	}
}
