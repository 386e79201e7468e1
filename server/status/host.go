package status

import (
	"os"
	"strings"
)

// Hostname is %H: the host's name, up to its first dot.
func Hostname() string {
	h, err := os.Hostname()
	if err != nil {
		return "?"
	}
	h, _, _ = strings.Cut(h, ".")
	return h
}

// LoadAvg is %l: the load averages.
func LoadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}
