package main

import (
	"os"
	"strings"
	"testing"
)

// A new binary that passes the trial and then dies taking the session over
// (it exits, is killed, hits a fatal runtime error) or hangs loses nothing:
// the keeper holding the session's descriptors takes it back with the old
// binary. The programs run on, the same processes; the attached display
// goes on; whoever asked hears that the upgrade failed and why.
func TestUpgradeFaultsKeepTheSession(t *testing.T) {
	faults := []struct{ kind, why string }{
		{"exit", "died taking the session over"},
		{"kill", "died taking the session over"},
		{"fatal", "died taking the session over"},
	}
	if os.Getenv("GMUX_STRESS") != "" {
		faults = append(faults, struct{ kind, why string }{"hang", "did not answer within"})
	}
	buildOthers(t)
	for _, f := range faults {
		t.Run(f.kind, func(t *testing.T) {
			e := newEnv(t)
			e.env = append(e.env, "GMUX_TAKEOVER_FAULT="+f.kind)
			tm, _, kids := upgradeSceneIn(t, e)
			t.Cleanup(func() { e.run("-S", "up", "-X", "quit") }) // its server is the keeper now, not the PID in its name
			out, code := e.run("-S", "up", "-X", "upgrade", faultyGmux)
			if code == 0 || !strings.Contains(out, f.why) || !strings.Contains(out, "goes on") {
				t.Fatalf("upgrade to a binary that fails (%s): %d %q", f.kind, code, out)
			}
			for _, pid := range kids {
				if !alive(pid) || isZombie(pid) {
					t.Fatalf("program %d died with the failed upgrade", pid)
				}
			}
			tm.send("echo after-fault-$((6*7))\r")
			tm.waitText("after-fault-42")
			if out, code := e.run("-S", "up", "-Q", "windows"); code != 0 || !strings.Contains(out, "editor") {
				t.Fatalf("windows after the failed upgrade: %d %q", code, out)
			}
			// And it can still be upgraded for real.
			if out, code := e.run("-S", "up", "-X", "upgrade", newerGmux); code != 0 || !strings.Contains(out, "now runs") {
				t.Fatalf("a good upgrade after the failed one: %d %q", code, out)
			}
			tm.send("echo upgraded-$((6*8))\r")
			tm.waitText("upgraded-48")
		})
	}
}
