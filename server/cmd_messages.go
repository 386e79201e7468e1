package server

import (
	"strings"
	"time"
)

func init() {
	register(&command{
		name: "messages", guest: true, help: "the last messages shown, with their times (as tmux's show-messages)",
		run: func(x *cmdContext, _ []string) (string, error) {
			if len(x.s.messageLog) == 0 {
				return "no messages", nil
			}
			var b strings.Builder
			for i, m := range x.s.messageLog {
				if i > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(m.at.Format("15:04:05") + " " + m.text)
			}
			return b.String(), nil
		},
	})
}

// loggedMessage is a message as the messages command lists it.
type loggedMessage struct {
	at   time.Time
	text string
}

// maxLoggedMessages is how many messages the session remembers.
const maxLoggedMessages = 100

// logMessage remembers a message shown; the same one shown to several
// displays at once is remembered once.
func (s *session) logMessage(msg string) {
	now := time.Now()
	if n := len(s.messageLog); n > 0 && s.messageLog[n-1].text == msg && now.Sub(s.messageLog[n-1].at) < time.Second {
		return
	}
	if len(s.messageLog) >= maxLoggedMessages {
		s.messageLog = append(s.messageLog[:0], s.messageLog[1:]...)
	}
	s.messageLog = append(s.messageLog, loggedMessage{at: now, text: msg})
}
