package cli

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"github.com/gmux/gmux/client"
)

// remoteHost reports the host a command line names a session on (HOST:NAME
// given to -S, or as the session argument of -r, -x, -R, -d, -D, -ls), and
// rewrites the name to the part after the colon.
func remoteHost(f *flags) (string, bool) {
	if f.proxy || f.help || f.version {
		return "", false
	}
	if host, name, ok := client.SplitRemote(f.name); ok {
		f.name = name
		return host, true
	}
	takesName := f.list || f.wipe || f.resume || f.resumeOr || f.multi || f.detach || f.powerDetach
	if takesName && !f.command && f.name == "" && len(f.args) > 0 {
		if host, name, ok := client.SplitRemote(f.args[0]); ok {
			f.args[0] = name
			return host, true
		}
	}
	return "", false
}

// remote is gmux's command line for a session on another host: listing,
// commands and detaching run gmux there over ssh; attaching runs the
// reconnecting client here.
func remote(host string, f *flags) int {
	switch {
	case f.list || f.wipe:
		args := []string{"-ls"}
		if f.wipe {
			args = []string{"-wipe"}
		}
		return remoteRun(f, host, append(args, f.args...)...)
	case f.command:
		args := []string{}
		if f.name != "" {
			args = append(args, "-S", f.name)
		}
		if f.window >= 0 {
			args = append(args, "-p", strconv.Itoa(f.window))
		}
		verb := "-X"
		if f.query {
			verb = "-Q"
		}
		return remoteRun(f, host, append(append(args, verb), f.args...)...)
	case f.resume || f.resumeOr || f.multi:
		return remoteResume(host, f)
	case (f.detach || f.powerDetach) && !f.detached:
		verb := "-d"
		if f.powerDetach {
			verb = "-D"
		}
		return remoteRun(f, host, append([]string{verb}, f.args...)...)
	}
	return remoteCreate(host, f)
}

// remoteRun runs gmux on host with args and returns its status.
func remoteRun(f *flags, host string, args ...string) int {
	status, err := client.RemoteRun(host, args...)
	if err != nil {
		return fail(f, "%v", err)
	}
	return status
}

// remoteResume is -r, -x, -R (and -d/-D with them) for HOST:NAME.
func remoteResume(host string, f *flags) int {
	name := firstArg(f)
	takeover := f.detach || f.powerDetach
	code, err := remoteAttach(host, name, f, takeover)
	if errors.Is(err, client.ErrNoSession) && f.resumeOr {
		if f.name == "" && len(f.args) > 0 {
			f.name, f.args = f.args[0], f.args[1:]
		}
		return remoteCreate(host, f)
	}
	if err != nil {
		return fail(f, "%v", err)
	}
	return code
}

// remoteCreate is -S HOST:NAME [cmd]: the session is started there,
// detached, and attached to from here.
func remoteCreate(host string, f *flags) int {
	if f.name == "" {
		return fail(f, "a remote session needs a name: gmux -S %s:NAME", host)
	}
	args := []string{"-dmS", f.name}
	for _, o := range []struct{ flag, v string }{{"-t", f.title}, {"-T", f.term}, {"-s", f.shell}, {"-e", f.escape}, {"-c", f.config}} {
		if o.v != "" {
			args = append(args, o.flag, o.v)
		}
	}
	if f.scrollback > 0 {
		args = append(args, "-h", strconv.Itoa(f.scrollback))
	}
	if f.login {
		args = append(args, "-l")
	}
	if f.logAll {
		args = append(args, "-L")
	}
	if len(f.args) > 0 {
		args = append(append(args, "--"), f.args...)
	}
	if code := remoteRun(f, host, args...); code != 0 || f.detach && f.detached {
		return code
	}
	code, err := remoteAttach(host, f.name, f, false)
	if err != nil {
		return fail(f, "%v", err)
	}
	return code
}

// remoteAttach attaches this terminal to a session on host.
func remoteAttach(host, name string, f *flags, takeover bool) (int, error) {
	if err := checkTerminal(); err != nil {
		return 1, err
	}
	res, err := client.AttachRemote(host, name, client.AttachOptions{Shared: f.multi, Takeover: takeover, ForceUTF8: f.utf8})
	if errors.Is(err, client.ErrNotATerminal) {
		return 1, errNotATerminal
	}
	if err != nil {
		return 1, fmt.Errorf("attach %s:%s: %w", host, name, err)
	}
	return finishAttach(res), nil
}

// errNotATerminal is screen's words for an attach without a terminal.
var errNotATerminal = errors.New("Must be connected to a terminal.") //lint:ignore ST1005 screen's message, word for word

// proxy is --proxy NAME, run by ssh on the far side of a remote attach.
func proxy(dir, name string) int {
	if err := client.Proxy(dir, name, os.Stdin, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "gmux: %v\n", err)
		return 1
	}
	return 0
}
