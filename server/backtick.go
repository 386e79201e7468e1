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

// backticks are the session's backtick commands, by id.
type backticks map[int]*backtick

// value is the output of backtick id for %id`, starting a new run when it
// is stale.
func (bs backticks) value(s *session, id int) string {
	b := bs[id]
	if b == nil {
		return ""
	}
	if !b.persistent() && b.running == nil && !s.ending &&
		(b.ran.IsZero() || time.Since(b.ran) >= max(b.lifespan, minBacktickGap)) {
		b.run(s)
	}
	return b.value
}

// set defines (argv set) or removes backtick id.
func (bs *backticks) set(s *session, id int, lifespan, refresh time.Duration, argv []string) {
	if old := (*bs)[id]; old != nil {
		old.stop()
		delete(*bs, id)
	}
	if len(argv) == 0 {
		return
	}
	if *bs == nil {
		*bs = backticks{}
	}
	b := &backtick{id: id, lifespan: lifespan, refresh: refresh, argv: argv}
	(*bs)[id] = b
	if b.persistent() {
		b.run(s)
	}
	s.startClock()
}

// run starts the program; each line it prints becomes the value (the last
// one counts), and the bars are redrawn when it changes.
func (b *backtick) run(s *session) {
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
				s.post(func() { b.take(s, line) })
			}
		}
		out.Close()
		_ = proc.WaitProgram(cmd)
		s.post(func() {
			if b.running == cmd {
				b.running = nil
				if !b.persistent() {
					b.take(s, last)
				}
			}
		})
	}()
}

// take takes a line of the program's output as the value.
func (b *backtick) take(s *session, line string) {
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

// stop ends the program, if it runs.
func (b *backtick) stop() {
	if b.running != nil && b.running.Process != nil {
		_ = syscall.Kill(-b.running.Process.Pid, syscall.SIGTERM)
		_ = b.running.Process.Signal(os.Kill)
	}
	b.running = nil
}

// stopAll ends every backtick program (the session ends, or a hand-over).
func (bs backticks) stopAll() {
	for _, b := range bs {
		b.stop()
	}
}

// restartAll starts again the persistent programs stopped for a hand-over
// (their pipes would not survive exec).
func (bs backticks) restartAll(s *session) {
	for _, b := range bs {
		if b.persistent() && b.running == nil {
			b.run(s)
		}
	}
}
