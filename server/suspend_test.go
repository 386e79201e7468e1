package server

import (
	"fmt"
	"testing"
)

// statInForeground against the lines the kernel writes: the state, the
// process group against the terminal's foreground, and whether the terminal
// is the process's at all (tty_nr, whose minor is split around the major).
func TestStatInForeground(t *testing.T) {
	const major, minor = 136, 300 // /dev/pts/300 (tty_nr 1083436): the minor needs its high bits
	ttyNr := major<<8 | minor&0xff | (minor&^0xff)<<12
	line := func(comm, state string, pgrp, tty, tpgid int) []byte {
		return fmt.Appendf(nil, "4242 (%s) %s 4000 %d 4000 %d %d 4194304 120 0 0 0 0 0 0 20 0 1 0 99 0\n", comm, state, pgrp, tty, tpgid)
	}
	for _, c := range []struct {
		name string
		stat []byte
		want bool
	}{
		{"running, foreground", line("gmux", "S", 4242, ttyNr, 4242), true},
		{"running, shell took the terminal", line("gmux", "S", 4242, ttyNr, 4000), false},
		{"stopped", line("gmux", "T", 4242, ttyNr, 4242), false},
		{"stopped by a tracer", line("gmux", "t", 4242, ttyNr, 4242), false},
		{"another terminal: says nothing of this one", line("gmux", "S", 4242, 136<<8|5, 4000), true},
		{"no controlling terminal", line("gmux", "S", 4242, 0, -1), true},
		{"a name with ') T (' and spaces", line("x) T (y z", "S", 4242, ttyNr, 4242), true},
		{"a name with ') S (' while stopped", line("x) S (y", "T", 4242, ttyNr, 4242), false},
		{"cut short: taken as in the foreground", []byte("4242 (gmux) T 1"), true},
		{"ending at tpgid", []byte("4242 (gmux) S 1 4242 1 1083436 4242\n"), true},
		{"cut before the state", []byte("4242 (gmux)"), true},
		{"not a stat line", []byte("garbage"), true},
		{"tty_nr not a number", []byte("4242 (gmux) S 1 4242 1 x 4000\n"), true},
	} {
		if got := statInForeground(c.stat, major, minor); got != c.want {
			t.Errorf("%s: %q: got %v, want %v", c.name, c.stat, got, c.want)
		}
	}
	stat := line("gmux", "S", 4242, ttyNr, 4242)
	if n := testing.AllocsPerRun(100, func() { statInForeground(stat, major, minor) }); n != 0 {
		t.Errorf("%v allocations per look, want none", n)
	}
}
