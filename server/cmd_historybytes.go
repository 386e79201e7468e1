package server

import (
	"fmt"
	"strconv"
	"strings"
)

// historybytes: a budget in bytes for each window's scrollback, beside
// screen's budget in lines (defscrollback, scrollback). Long sessions with
// big line limits are what grow multiplexers to gigabytes (tmux#4859 asks
// for this); with a byte budget the oldest lines go first when either is
// reached. The bytes counted are what the history takes in memory, cold
// lines compressed.
func init() {
	register(&command{
		name: "historybytes", usage: "[size]", maxArgs: 1,
		help: "most memory each window's scrollback takes, as 20M, 512k or bytes (0: no limit); this window and new ones",
		run: func(x *cmdContext, args []string) (string, error) {
			if len(args) == 0 {
				if x.s.set.HistoryBytes == 0 {
					return "historybytes 0 (no limit)", nil
				}
				return "historybytes " + formatBytes(x.s.set.HistoryBytes), nil
			}
			n, err := parseSize(args[0])
			if err != nil {
				return "", err
			}
			x.s.set.HistoryBytes = n
			if x.w != nil {
				x.w.Screen.History().SetByteLimit(n)
			}
			return "", nil
		},
	})
}

// parseSize reads a size in bytes: a number with an optional k, M or G
// (powers of 1024).
func parseSize(s string) (int, error) {
	mult := 1
	t := strings.TrimSuffix(strings.TrimSuffix(s, "B"), "b")
	if t != "" {
		switch t[len(t)-1] {
		case 'k', 'K':
			mult, t = 1<<10, t[:len(t)-1]
		case 'm', 'M':
			mult, t = 1<<20, t[:len(t)-1]
		case 'g', 'G':
			mult, t = 1<<30, t[:len(t)-1]
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n < 0 || n*float64(mult) > 1<<40 {
		return 0, fmt.Errorf("a size is bytes with an optional k, M or G (20M), not %q", s)
	}
	return int(n * float64(mult)), nil
}

// formatBytes is n bytes for people: 812 B, 12.3 kB, 4.0 MB.
func formatBytes(n int) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	case n < 1<<30:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
}
