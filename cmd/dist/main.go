// Command dist makes gmux's release archives (make dist): for each
// platform, a .tar.gz with the binaries, the man page, the completion
// scripts for bash, zsh and fish, README, LICENSE and the dependencies'
// licences; and SHA256SUMS. The archives are reproducible: the same commit
// and Go build byte-identical ones (-trimpath, every file's time the
// commit's, owner root, sorted, gzip without a name or time).
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Targets are the platforms released (docs/design.md, "Platforms", says what
// differs on each).
var Targets = []string{"linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64", "freebsd/amd64", "openbsd/amd64"}

func main() {
	out := flag.String("out", "dist", "directory for the archives")
	targets := flag.String("targets", strings.Join(Targets, ","), "comma-separated GOOS/GOARCH list")
	deb := flag.String("deb", "", "make a Debian package for this architecture (amd64, arm64) instead")
	flag.Parse()
	if *deb != "" {
		path, err := MakeDeb(*out, *deb)
		if err != nil {
			fmt.Fprintln(os.Stderr, "dist:", err)
			os.Exit(1)
		}
		fmt.Println(path)
		return
	}
	if err := Make(*out, strings.Split(*targets, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
}

// Make writes the archives for targets, and SHA256SUMS, into out; it runs
// in the module's root.
func Make(out string, targets []string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	version, when := source()
	tmp, err := os.MkdirTemp("", "gmux-dist")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	// The completion scripts, from a gmux for this machine.
	host := filepath.Join(tmp, "host")
	if err := build(host, runtime.GOOS+"/"+runtime.GOARCH, "./cmd/gmux"); err != nil {
		return err
	}
	common := map[string][]byte{}
	for shell, path := range map[string]string{
		"bash": "share/bash-completion/completions/gmux",
		"zsh":  "share/gmux/gmux.zsh", // sourced from .zshrc: it is the bash one over bashcompinit
		"fish": "share/fish/vendor_completions.d/gmux.fish",
	} {
		b, err := exec.Command(filepath.Join(host, "gmux"), "-completion", shell).Output()
		if err != nil {
			return fmt.Errorf("completion %s: %w", shell, err)
		}
		common[path] = b
	}
	for src, path := range map[string]string{"docs/gmux.1": "share/man/man1/gmux.1", "README.md": "README.md", "LICENSE": "LICENSE", "docs/licenses.md": "licenses.md"} {
		b, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		common[path] = b
	}
	var sums []string
	for _, t := range targets {
		name := fmt.Sprintf("gmux-%s-%s", version, strings.ReplaceAll(t, "/", "-"))
		bins := filepath.Join(tmp, name)
		pkgs := []string{"./cmd/gmux", "./cmd/gmux-server"}
		if err := build(bins, t, pkgs...); err != nil {
			return err
		}
		files := map[string][]byte{}
		for k, v := range common {
			files[k] = v
		}
		for _, p := range pkgs {
			b, err := os.ReadFile(filepath.Join(bins, filepath.Base(p)))
			if err != nil {
				return err
			}
			files["bin/"+filepath.Base(p)] = b
		}
		archive, err := tarGz(name, files, when)
		if err != nil {
			return err
		}
		file := name + ".tar.gz"
		if err := os.WriteFile(filepath.Join(out, file), archive, 0o644); err != nil {
			return err
		}
		sum := sha256.Sum256(archive)
		sums = append(sums, hex.EncodeToString(sum[:])+"  "+file)
	}
	slices.Sort(sums)
	return os.WriteFile(filepath.Join(out, "SHA256SUMS"), []byte(strings.Join(sums, "\n")+"\n"), 0o644)
}

// source is the version archives are named by (git describe) and the time
// of the commit, which every file in them carries (SOURCE_DATE_EPOCH, as
// reproducible-builds.org has it, when set).
func source() (string, time.Time) {
	version := "dev"
	if b, err := exec.Command("git", "describe", "--tags", "--always", "--dirty").Output(); err == nil {
		version = strings.TrimSpace(string(b))
	}
	when := time.Unix(0, 0)
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			when = time.Unix(n, 0)
		}
	} else if b, err := exec.Command("git", "log", "-1", "--format=%ct").Output(); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64); err == nil {
			when = time.Unix(n, 0)
		}
	}
	return version, when.UTC()
}

// build builds pkgs for target into dir, as a release is built: static,
// stripped, without the builder's paths, the commit stamped from git.
func build(dir, target string, pkgs ...string) error {
	goos, goarch, _ := strings.Cut(target, "/")
	args := append([]string{"build", "-trimpath", "-buildvcs=auto", "-ldflags=-s -w", "-o", dir + "/"}, pkgs...)
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("build %s for %s: %v\n%s", strings.Join(pkgs, " "), target, err, out)
	}
	return nil
}

// tarGz is files under top/, in name order, each as root's, at when.
func tarGz(top string, files map[string][]byte, when time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(zw)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	dirs := map[string]bool{}
	for _, n := range names {
		for d := filepath.Dir(n); d != "."; d = filepath.Dir(d) {
			dirs[d] = true
		}
	}
	var all []string
	for d := range dirs {
		all = append(all, d+"/")
	}
	all = append(all, names...)
	slices.Sort(all)
	for _, n := range append([]string{""}, all...) {
		h := &tar.Header{Name: top + "/" + n, ModTime: when, Format: tar.FormatPAX, Uname: "root", Gname: "root"}
		switch {
		case n == "" || strings.HasSuffix(n, "/"):
			h.Typeflag, h.Mode = tar.TypeDir, 0o755
		case strings.HasPrefix(n, "bin/"):
			h.Typeflag, h.Mode, h.Size = tar.TypeReg, 0o755, int64(len(files[n]))
		default:
			h.Typeflag, h.Mode, h.Size = tar.TypeReg, 0o644, int64(len(files[n]))
		}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if h.Typeflag == tar.TypeReg {
			if _, err := io.Copy(tw, bytes.NewReader(files[n])); err != nil {
				return nil, err
			}
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
