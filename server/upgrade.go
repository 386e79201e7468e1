package server

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/gmux/gmux/proto"
	"github.com/gmux/gmux/server/handover"
)

// checkTimeout bounds the trial run of the new binary.
const checkTimeout = 20 * time.Second

// settleTimeout bounds the freeze's wait for every goroutine to stop.
const settleTimeout = 3 * time.Second

// upgrade replaces the server's binary with path, keeping the session; done
// hears of a failure, on the loop (a success is told by the new server,
// which the state tells which client asked).
//
// 1. A trial: path is run with the state on stdin and must say it can take
// it. A file that is not gmux, a gmux that fails, one that cannot read this
// state: the session goes on as it was.
// 2. The freeze (freeze.go), the final state into a memfd, the descriptors
// kept open, exec. Should exec fail, the freeze is lifted.
func (s *session) upgrade(path string, asker *client, done func(error)) {
	if s.upgrading {
		done(fmt.Errorf("an upgrade is already under way"))
		return
	}
	st, err := s.captureState(false)
	if err != nil {
		done(fmt.Errorf("upgrade: %w", err))
		return
	}
	var trial bytes.Buffer
	if err := handover.Encode(&trial, st); err != nil {
		done(fmt.Errorf("upgrade: %w", err))
		return
	}
	s.upgrading = true
	go func() {
		version, err := tryBinary(path, trial.Bytes())
		s.post(func() {
			if err != nil {
				s.upgrading = false
				done(fmt.Errorf("upgrade to %s refused, the session goes on unchanged: %w", path, err))
				return
			}
			s.handOver(path, version, asker, done)
		})
	}()
}

// tryBinary runs path on a state and returns the version it says it is.
func tryBinary(path string, state []byte) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), checkTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, proto.ResumeCommand, "-check")
	cmd.Stdin = bytes.NewReader(state)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	answer := strings.TrimSpace(out.String())
	version, ok := strings.CutPrefix(answer, "ok ")
	switch {
	case ctx.Err() != nil:
		return "", fmt.Errorf("it did not answer within %v", checkTimeout)
	case err == nil && ok:
		return version, nil
	case err == nil:
		return "", fmt.Errorf("it is not a gmux that takes sessions over (it said %q)", firstLine(answer))
	}
	why := firstLine(strings.TrimSpace(errOut.String()))
	if why == "" {
		why = firstLine(answer)
	}
	if why != "" {
		return "", fmt.Errorf("%v: %s", err, why)
	}
	return "", fmt.Errorf("%v", err)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// handOver freezes the session and execs path with its state.
func (s *session) handOver(path, version string, asker *client, done func(error)) {
	start := time.Now()
	s.startFreeze()
	s.awaitSettled(settleTimeout, func(err error) {
		if err == nil {
			err = s.execWithState(path, version, asker, start)
		}
		// Only a failure comes back here.
		s.liftFreeze()
		s.upgrading = false
		s.backticks.restartAll(s)
		done(fmt.Errorf("upgrade to %s failed, the session goes on unchanged: %w", path, err))
	})
}

func clientID(c *client) int {
	if c == nil {
		return 0
	}
	return c.id
}
