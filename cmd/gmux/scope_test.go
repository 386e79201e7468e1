package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/godbus/dbus/v5"
)

// busProperty is one (sv) of StartTransientUnit's properties.
type busProperty struct {
	Name  string
	Value dbus.Variant
}

// fakeSystemd stands in for the user's systemd manager (and logind) on a
// private bus: it records the scopes asked for.
type fakeSystemd struct {
	mu     sync.Mutex
	calls  []scopeCall
	refuse bool
}

type scopeCall struct {
	unit, mode  string
	description string
	pids        []uint32
	children    string // the asking process's children at the time
}

func (f *fakeSystemd) StartTransientUnit(unit, mode string, props []busProperty, aux []struct {
	Name  string
	Props []busProperty
}) (dbus.ObjectPath, *dbus.Error) {
	call := scopeCall{unit: unit, mode: mode}
	for _, p := range props {
		switch p.Name {
		case "Description":
			call.description, _ = p.Value.Value().(string)
		case "PIDs":
			call.pids, _ = p.Value.Value().([]uint32)
		}
	}
	if len(call.pids) > 0 {
		tasks, _ := filepath.Glob("/proc/" + strconv.Itoa(int(call.pids[0])) + "/task/*/children")
		for _, t := range tasks {
			b, _ := os.ReadFile(t)
			call.children += string(b)
		}
	}
	f.mu.Lock()
	f.calls = append(f.calls, call)
	refuse := f.refuse
	f.mu.Unlock()
	if refuse {
		return "", dbus.MakeFailedError(errors.New("Access denied"))
	}
	return "/org/freedesktop/systemd1/job/1", nil
}

// fakeLogind answers the properties gmux asks logind for: it kills a user's
// processes at logout, and this user does not linger.
type fakeLogind struct{}

func (fakeLogind) Get(iface, name string) (dbus.Variant, *dbus.Error) {
	switch iface + "." + name {
	case "org.freedesktop.login1.Manager.KillUserProcesses":
		return dbus.MakeVariant(true), nil
	case "org.freedesktop.login1.User.Linger":
		return dbus.MakeVariant(false), nil
	}
	return dbus.Variant{}, dbus.MakeFailedError(errors.New("no such property"))
}

func (fakeLogind) GetUser(uid uint32) (dbus.ObjectPath, *dbus.Error) {
	return dbus.ObjectPath("/org/freedesktop/login1/user/_" + strconv.Itoa(int(uid))), nil
}

// startFakeSystemd runs a private dbus-daemon with the fakes on it and
// returns its address, for both the user and the system bus.
func startFakeSystemd(t *testing.T, e *env) (string, *fakeSystemd) {
	t.Helper()
	sock := filepath.Join(e.home, "bus")
	addr := "unix:path=" + sock
	daemon := exec.Command("dbus-daemon", "--session", "--nofork", "--nopidfile", "--address="+addr)
	if err := daemon.Start(); err != nil {
		t.Skipf("dbus-daemon: %v", err)
	}
	t.Cleanup(func() { daemon.Process.Kill(); daemon.Wait() })
	waitFor(t, "the bus", func() bool { _, err := os.Stat(sock); return err == nil })
	conn, err := dbus.Dial(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if err := conn.Auth(nil); err != nil {
		t.Fatal(err)
	}
	if err := conn.Hello(); err != nil {
		t.Fatal(err)
	}
	f := &fakeSystemd{}
	conn.Export(f, "/org/freedesktop/systemd1", "org.freedesktop.systemd1.Manager")
	conn.Export(fakeLogind{}, "/org/freedesktop/login1", "org.freedesktop.login1.Manager")
	conn.Export(fakeLogind{}, "/org/freedesktop/login1", "org.freedesktop.DBus.Properties")
	conn.Export(fakeLogind{}, dbus.ObjectPath("/org/freedesktop/login1/user/_"+strconv.Itoa(os.Getuid())), "org.freedesktop.DBus.Properties")
	for _, name := range []string{"org.freedesktop.systemd1", "org.freedesktop.login1"} {
		if reply, err := conn.RequestName(name, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
			t.Fatalf("request %s: %v %v", name, reply, err)
		}
	}
	return addr, f
}

// The server asks the user's systemd manager for a scope of its own, with
// its PID, before its first window exists; -ls and info name the scope, and
// -ls says once that logind will end it at logout without lingering.
func TestSystemdScope(t *testing.T) {
	e := newEnv(t)
	addr, fake := startFakeSystemd(t, e)
	withEnv(e, []string{"DBUS_SESSION_BUS_ADDRESS=" + addr, "DBUS_SYSTEM_BUS_ADDRESS=" + addr}, func() {
		e.startDetached("sc")
	})
	fake.mu.Lock()
	calls := slices.Clone(fake.calls)
	fake.mu.Unlock()
	if len(calls) != 1 {
		t.Fatalf("%d StartTransientUnit calls, want 1", len(calls))
	}
	c := calls[0]
	if len(c.pids) == 0 {
		t.Fatalf("no PIDs in %+v", c)
	}
	pid := c.pids[0]
	want := "gmux-" + strconv.Itoa(int(pid)) + "-sc.scope"
	if c.unit != want || c.mode != "fail" || c.description != "gmux session sc" {
		t.Errorf("call %+v, want unit %s, mode fail, description \"gmux session sc\"", c, want)
	}
	if strings.TrimSpace(c.children) != "" {
		t.Errorf("the server had children (%s) when it asked for the scope", c.children)
	}
	out, _ := e.run("-ls")
	if !strings.Contains(out, strconv.Itoa(int(pid))+".sc") || !strings.Contains(out, want) {
		t.Errorf("-ls does not show the scope:\n%s", out)
	}
	if !strings.Contains(out, "loginctl enable-linger") {
		t.Errorf("-ls does not warn about logout:\n%s", out)
	}
	if out, _ := e.run("-S", "sc", "-Q", "info"); !strings.Contains(out, "scope "+want) {
		t.Errorf("info: %q", out)
	}
}

// A bus whose systemd refuses, and no bus at all, leave the session as it
// was: it starts and works, and its log says why there is no scope.
func TestSystemdScopeRefused(t *testing.T) {
	e := newEnv(t)
	addr, fake := startFakeSystemd(t, e)
	fake.mu.Lock()
	fake.refuse = true // under the lock: the bus's goroutines read it
	fake.mu.Unlock()
	withEnv(e, []string{"DBUS_SESSION_BUS_ADDRESS=" + addr}, func() {
		e.startDetached("ref")
	})
	if out, code := e.run("-S", "ref", "-Q", "windows"); code != 0 || !strings.Contains(out, "0*") {
		t.Fatalf("the session does not work: %d %q", code, out)
	}
	logText, _ := os.ReadFile(serverLog(t, e))
	if !strings.Contains(string(logText), "systemd scope: not moved into one") || !strings.Contains(string(logText), "Access denied") {
		t.Errorf("the log does not say why:\n%s", logText)
	}
	if out, _ := e.run("-ls"); strings.Contains(out, ".scope") {
		t.Errorf("-ls shows a scope that was refused:\n%s", out)
	}
}
