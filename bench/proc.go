package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// rssKiB returns a process's resident set (VmRSS).
func rssKiB(pid int) int { return procKiB(fmt.Sprintf("/proc/%d/status", pid), "VmRSS:") }

// pssKiB returns a process's proportional set size: its pages, each shared
// one divided among the processes that map it. Summed over a server and its
// client it counts the pages they share (the same binary, for gmux, tmux and
// screen alike) once instead of twice, which the sum of their resident sets
// does.
func pssKiB(pid int) int { return procKiB(fmt.Sprintf("/proc/%d/smaps_rollup", pid), "Pss:") }

// procKiB returns the figure on the line of file that starts with field
// (0 if there is none).
func procKiB(file, field string) int {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, field) {
			n, _ := strconv.Atoi(strings.Fields(l)[1])
			return n
		}
	}
	return 0
}

type procSample struct{ ticks, switches, cpuNs int }

// procStat sums CPU ticks (utime+stime), context switches (wake-ups) and
// time on a CPU in nanoseconds (schedstat: exact where ticks are 10 ms)
// over all of a process's threads.
func procStat(pid int) procSample {
	var s procSample
	if pid <= 0 {
		return s
	}
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*", pid))
	for _, task := range tasks {
		if b, err := os.ReadFile(task + "/stat"); err == nil {
			f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
			if len(f) > 12 {
				u, _ := strconv.Atoi(f[11])
				st, _ := strconv.Atoi(f[12])
				s.ticks += u + st
			}
		}
		if b, err := os.ReadFile(task + "/schedstat"); err == nil {
			f := strings.Fields(string(b))
			if len(f) > 0 {
				ns, _ := strconv.Atoi(f[0])
				s.cpuNs += ns
			}
		}
		if b, err := os.ReadFile(task + "/status"); err == nil {
			for _, l := range strings.Split(string(b), "\n") {
				if strings.HasPrefix(l, "voluntary_ctxt_switches:") || strings.HasPrefix(l, "nonvoluntary_ctxt_switches:") {
					n, _ := strconv.Atoi(strings.Fields(l)[1])
					s.switches += n
				}
			}
		}
	}
	return s
}
