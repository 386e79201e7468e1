package server

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
)

// Where systemd-logind kills a user's processes when their login ends
// (KillUserProcesses=yes), a server started from an SSH login would die with
// it whatever it does with setsid or SIGHUP: it is in the login's cgroup. So,
// as tmux learned to, the server moves itself and its first programs into a
// transient scope of their own under the user's systemd manager, before the
// rest of its windows start: StartTransientUnit on the user bus, unit
// gmux-PID-NAME.scope, properties Description ("gmux session NAME") and PIDs
// (the server and any window the config opened). Where there is no user
// manager, or it refuses, the session starts as before and its log says why.
// The scope outlives the login only while the user's manager does: where
// logind would kill it at logout (KillUserProcesses=yes and no lingering),
// the first attach and -ls say so, and name loginctl enable-linger.

// scopeMode reads systemdscope's setting, which the environment
// (GMUX_SYSTEMD_SCOPE) overrides.
func scopeMode(setting string) string {
	if env := os.Getenv("GMUX_SYSTEMD_SCOPE"); env != "" {
		return env
	}
	if setting == "" {
		return "auto"
	}
	return setting
}

// busTimeout bounds each D-Bus exchange: a stuck bus must not hold up the
// session's start.
const busTimeout = 2 * time.Second

// joinScope asks the user's systemd manager for a scope holding pids.
func joinScope(unit, description string, pids []uint32) error {
	conn, err := dbus.SessionBusPrivateNoAutoStartup()
	if err != nil {
		return fmt.Errorf("no user bus: %w", err)
	}
	defer conn.Close()
	if err := conn.Auth(nil); err != nil {
		return fmt.Errorf("user bus: %w", err)
	}
	if err := conn.Hello(); err != nil {
		return fmt.Errorf("user bus: %w", err)
	}
	type property struct {
		Name  string
		Value dbus.Variant
	}
	type aux struct {
		Name       string
		Properties []property
	}
	props := []property{
		{"Description", dbus.MakeVariant(description)},
		{"PIDs", dbus.MakeVariant(pids)},
	}
	ctx, cancel := context.WithTimeout(context.Background(), busTimeout)
	defer cancel()
	var job dbus.ObjectPath
	err = conn.Object("org.freedesktop.systemd1", "/org/freedesktop/systemd1").
		CallWithContext(ctx, "org.freedesktop.systemd1.Manager.StartTransientUnit", 0, unit, "fail", props, []aux{}).
		Store(&job)
	if err != nil {
		return fmt.Errorf("systemd: %w", err)
	}
	return nil
}

// lingerWarning asks logind whether it will kill the user's processes at
// logout; "" when it will not, or cannot be asked.
func lingerWarning() string {
	conn, err := dbus.SystemBusPrivate()
	if err != nil {
		return ""
	}
	defer conn.Close()
	if conn.Auth(nil) != nil || conn.Hello() != nil {
		return ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), busTimeout)
	defer cancel()
	login := conn.Object("org.freedesktop.login1", "/org/freedesktop/login1")
	var kill dbus.Variant
	if login.CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", 0, "org.freedesktop.login1.Manager", "KillUserProcesses").Store(&kill) != nil {
		return ""
	}
	if k, ok := kill.Value().(bool); !ok || !k {
		return ""
	}
	var user dbus.ObjectPath
	if login.CallWithContext(ctx, "org.freedesktop.login1.Manager.GetUser", 0, uint32(os.Getuid())).Store(&user) == nil {
		var linger dbus.Variant
		if conn.Object("org.freedesktop.login1", user).CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", 0,
			"org.freedesktop.login1.User", "Linger").Store(&linger) == nil {
			if l, ok := linger.Value().(bool); ok && l {
				return ""
			}
		}
	}
	return "this system ends your processes at logout (KillUserProcesses=yes): sessions will not survive it until you run: loginctl enable-linger"
}

// unitName is gmux-PID-NAME.scope, the name escaped as systemd-escape does.
func unitName(pid int, name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '.' && i > 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, `\x%02x`, c)
		}
	}
	return fmt.Sprintf("gmux-%d-%s.scope", pid, b.String())
}

// enterScope moves the server, and the windows the config opened, into a
// scope of their own, as scopeMode says; what happened goes to the log.
func (s *session) enterScope() {
	mode := scopeMode(s.set.SystemdScope)
	if mode == "off" {
		s.log.Printf("systemd scope: off")
		return
	}
	pids := []uint32{uint32(os.Getpid())}
	for _, w := range s.windows {
		pids = append(pids, uint32(w.PID))
	}
	unit := unitName(os.Getpid(), s.opts.Name)
	if err := joinScope(unit, "gmux session "+s.opts.Name, pids); err != nil {
		s.log.Printf("systemd scope: not moved into one (%v); the session lives as long as its login does where logind ends a login's processes", err)
		if mode == "on" {
			s.startupErrors = append(s.startupErrors, "systemdscope on: "+err.Error())
		}
		return
	}
	s.Scope = unit
	s.log.Printf("systemd scope: %s", unit)
	s.LingerWarning = lingerWarning()
	if s.LingerWarning != "" {
		s.log.Printf("systemd: %s", s.LingerWarning)
	}
}
