package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// MakeDeb writes a Debian package of gmux for arch (amd64, arm64) into out,
// and returns its path: the binaries in /usr/bin, the man page, the bash
// and fish completions where those shells look, the copyright and licences,
// and a systemd user unit that keeps a named session (gmux@NAME.service).
// It needs dpkg-deb; it is as reproducible as the archives.
func MakeDeb(out, arch string) (string, error) {
	version, when := source()
	tmp, err := os.MkdirTemp("", "gmux-deb")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	root := filepath.Join(tmp, "root")
	if err := build(filepath.Join(root, "usr/bin"), "linux/"+arch, "./cmd/gmux", "./cmd/gmux-server"); err != nil {
		return "", err
	}
	files := map[string][]byte{}
	for shell, path := range map[string]string{
		"bash": "usr/share/bash-completion/completions/gmux",
		"fish": "usr/share/fish/vendor_completions.d/gmux.fish",
	} {
		host := filepath.Join(tmp, "host")
		if _, err := os.Stat(filepath.Join(host, "gmux")); err != nil {
			if err := build(host, hostTarget(), "./cmd/gmux"); err != nil {
				return "", err
			}
		}
		b, err := exec.Command(filepath.Join(host, "gmux"), "-completion", shell).Output()
		if err != nil {
			return "", fmt.Errorf("completion %s: %w", shell, err)
		}
		files[path] = b
	}
	man, err := os.ReadFile("docs/gmux.1")
	if err != nil {
		return "", err
	}
	files["usr/share/man/man1/gmux.1.gz"] = gzipped(man, when)
	// gmux-server is started by gmux, and a complete gmux too: its page
	// is gmux's.
	files["usr/share/man/man1/gmux-server.1.gz"] = gzipped([]byte(".so man1/gmux.1\n"), when)
	// Go binaries are static by design (CGO_ENABLED=0: nothing in gmux needs
	// libc, and each starts sooner); lintian is told so, as Debian's own Go
	// packages tell it.
	files["usr/share/lintian/overrides/gmux"] = []byte("gmux: statically-linked-binary [usr/bin/gmux]\ngmux: statically-linked-binary [usr/bin/gmux-server]\n")
	license, err := os.ReadFile("LICENSE")
	if err != nil {
		return "", err
	}
	licenses, err := os.ReadFile("docs/licenses.md")
	if err != nil {
		return "", err
	}
	files["usr/share/doc/gmux/copyright"] = copyright(license, licenses)
	files["usr/share/doc/gmux/changelog.gz"] = gzipped([]byte(fmt.Sprintf(
		"gmux (%s) unstable; urgency=medium\n\n  * Built from the gmux repository.\n\n -- The gmux authors <gmux@users.noreply.github.com>  %s\n",
		debVersion(version, when), when.Format(time.RFC1123Z))), when)
	files["usr/lib/systemd/user/gmux@.service"] = []byte(userUnit)
	for path, b := range files {
		full := filepath.Join(root, path)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			return "", err
		}
	}
	installed, err := exec.Command("du", "-sk", "--apparent-size", filepath.Join(root, "usr")).Output()
	if err != nil {
		return "", err
	}
	size, _, _ := strings.Cut(string(installed), "\t")
	control := fmt.Sprintf(`Package: gmux
Version: %s
Architecture: %s
Maintainer: The gmux authors <gmux@users.noreply.github.com>
Installed-Size: %s
Section: utils
Priority: optional
Homepage: https://github.com/gmux/gmux
Description: terminal multiplexer that keeps programs alive when SSH drops
 gmux runs programs in sessions owned by a background server, as GNU screen
 does, with screen's keys and flags: a dropped connection or a closed laptop
 leaves them running, and gmux -r brings the screen back exactly. Sessions on
 other hosts reconnect by themselves over the user's own ssh.
`, debVersion(version, when), arch, strings.TrimSpace(size))
	if err := os.MkdirAll(filepath.Join(root, "DEBIAN"), 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(root, "DEBIAN/control"), []byte(control), 0o644); err != nil {
		return "", err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	deb := filepath.Join(out, fmt.Sprintf("gmux_%s_%s.deb", debVersion(version, when), arch))
	cmd := exec.Command("dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, deb)
	cmd.Env = append(os.Environ(), fmt.Sprintf("SOURCE_DATE_EPOCH=%d", when.Unix()))
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("dpkg-deb: %v\n%s", err, b)
	}
	return deb, nil
}

// debVersion is a Debian version for a git describe: it must start with a
// digit, so a bare commit is 0~gitDATE.COMMIT.
func debVersion(version string, when time.Time) string {
	if regexp.MustCompile(`^v?[0-9]+\.[0-9]+`).MatchString(version) {
		return strings.NewReplacer("-", "~", "v", "").Replace(version)
	}
	return "0~git" + when.Format("20060102") + "." + strings.ReplaceAll(version, "-", ".")
}

func hostTarget() string { return goEnv("GOOS") + "/" + goEnv("GOARCH") }

func goEnv(name string) string {
	b, _ := exec.Command("go", "env", name).Output()
	return strings.TrimSpace(string(b))
}

// gzipped is b gzipped as Debian wants it: best, without a name or time.
func gzipped(b []byte, when time.Time) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.ModTime = time.Time{}
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// copyright is the package's copyright file: gmux's licence, then the
// linked modules' (docs/licenses.md).
func copyright(license, licenses []byte) []byte {
	return []byte("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: gmux\n\nFiles: *\nCopyright: The gmux authors\nLicense: ISC\n" +
		indent(string(license)) + "\nComment: the licences of the Go modules linked into the binaries:\n" + indent(string(licenses)))
}

func indent(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if l == "" {
			l = "."
		}
		b.WriteString(" " + l + "\n")
	}
	return b.String()
}

// userUnit keeps a named session for a user: systemctl --user enable --now
// gmux@work starts session "work" detached at login, and gmux -r work
// attaches to it. gmux -dmS returns once the session answers (its server
// may move to a scope of its own, systemdscope), so the unit is a oneshot
// that stays active; stopping it ends the session.
const userUnit = `[Unit]
Description=gmux session %i
Documentation=man:gmux(1)

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/bin/gmux -dmS %i
ExecStop=/usr/bin/gmux -S %i -X quit

[Install]
WantedBy=default.target
`
