package proc

import (
	"os/exec"
	"testing"

	"golang.org/x/sys/unix"
)

func TestReapReportsHowAProgramEnded(t *testing.T) {
	exited := exec.Command("sh", "-c", "exit 3")
	killed := exec.Command("sleep", "60")
	for _, c := range []*exec.Cmd{exited, killed} {
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
	}
	killed.Process.Signal(unix.SIGTERM)
	ws, err := Reap(exited.Process.Pid)
	if err != nil || !ws.Exited() || ws.ExitStatus() != 3 {
		t.Errorf("exit 3: status %v, err %v", ws, err)
	}
	ws, err = Reap(killed.Process.Pid)
	if err != nil || !ws.Signaled() || ws.Signal() != unix.SIGTERM {
		t.Errorf("killed: status %v, err %v", ws, err)
	}
	if _, err := Reap(exited.Process.Pid); err == nil {
		t.Error("reaping a reaped PID again succeeded")
	}
}
