# gmux — see README.md. `make test` is what CI runs.
GO      ?= go
BIN     := bin/gmux
PREFIX  ?= /usr/local
STATICCHECK := $(shell $(GO) env GOPATH)/bin/staticcheck

.PHONY: all build run dist deb test test-portable test-short fuzz bench lint install clean golden stress conformance arch cross

all: build

# Binaries are static (CGO_ENABLED=0): nothing in gmux needs libc, and a
# static binary starts about 1.3 ms sooner, on every attach and every -X.
# (Tests keep cgo: the race detector needs it.)
# Two binaries, side by side: gmux, the client a user runs, and gmux-server,
# which it starts (docs/design.md, "Two binaries").
# -buildvcs=auto: the commit gmux -v names is stamped from git where there
# is a checkout, whatever GOFLAGS says.
build:
	CGO_ENABLED=0 $(GO) build -buildvcs=auto -o bin/ ./cmd/gmux ./cmd/gmux-server

# Build and start a session (attach with C-a d to detach, gmux -r to resume).
run: build
	./$(BIN)

# Unit, fuzz-corpus and end-to-end tests with the race detector, then short
# fuzz runs of every decoder.
# The end-to-end tests run four at a time (-parallel 4): they spend most of
# their time waiting on programs (serial: 18 minutes; four at a time: 7).
# Those that measure time or memory run alone, first (newSerialEnv).
test: lint cross
	$(GO) test -race -count=1 -timeout 30m -parallel 4 ./...
	$(MAKE) test-portable
	$(MAKE) fuzz FUZZTIME=50000x

# The code macOS and the BSDs run, where it can run on Linux (-tags portable:
# proto/quietfd in Go's own poller): its packages' tests, and the end-to-end
# tests of attaching, detaching, remote sessions and upgrades with binaries
# built so.
PORTABLE_E2E := ^Test(AttachFromInsideRefused|DetachResumeSameScreen|ReattachFromAnotherTerminal|DetachedStartAndCommands|RemoteAttachRidesOutLostLinks|RemoteSharedReconnectKeepsOthers|UpgradeKeepsTheSession|UpgradeKeepsARemoteClient)$$
test-portable:
	$(GO) test -race -count=1 -tags portable ./proto/... ./client/... ./server/...
	$(GO) test -race -count=1 -timeout 15m -parallel 4 -tags portable -run '$(PORTABLE_E2E)' ./cmd/gmux

# Release archives for every platform, and SHA256SUMS, in dist/
# (reproducible: cmd/dist; its test checks them).
dist:
	$(GO) run ./cmd/dist -out dist

# A Debian package for this machine's architecture, in dist/ (cmd/dist/deb.go;
# its test installs it into a root of its own, runs it, removes it, and asks
# lintian).
deb:
	$(GO) run ./cmd/dist -out dist -deb $$($(GO) env GOARCH)

# Every target builds, client and server, on Linux, macOS, FreeBSD and
# OpenBSD, and every package but the end-to-end tests' (Linux's) is vetted
# for each (make lint vets this machine's; docs/design.md, "Platforms", says
# what differs).
CLIENT_TARGETS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 freebsd/amd64 openbsd/amd64
SERVER_TARGETS := $(CLIENT_TARGETS)
cross:
	@for t in $(CLIENT_TARGETS); do \
		echo "cross: gmux for $$t"; \
		GOOS=$${t%/*} GOARCH=$${t#*/} CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/gmux || exit 1; \
		case $$t in linux/amd64) ;; *) GOOS=$${t%/*} GOARCH=$${t#*/} $(GO) vet ./client/... ./proto/... ./server/... ./cmd/gmux-server ./cmd/dist || exit 1;; esac; \
	done
	@for t in $(SERVER_TARGETS); do \
		echo "cross: gmux-server for $$t"; \
		GOOS=$${t%/*} GOARCH=$${t#*/} CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/gmux-server || exit 1; \
	done

# FUZZTIME counts executions (Nx), not seconds: with a duration, go1.26's
# fuzz coordinator can fail a clean run with "context deadline exceeded" at
# the deadline (golang/go#75804, fixed in go1.27). 50000x is a few seconds
# per target here.
FUZZTIME ?= 500000x
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./proto
	$(GO) test -run '^$$' -fuzz '^FuzzEmulator$$' -fuzztime $(FUZZTIME) ./server/vt
	$(GO) test -run '^$$' -fuzz '^FuzzSplitCommand$$' -fuzztime $(FUZZTIME) ./server
	$(GO) test -run '^$$' -fuzz '^FuzzTokenizer$$' -fuzztime $(FUZZTIME) ./server/input
	$(GO) test -run '^$$' -fuzz '^FuzzLayout$$' -fuzztime $(FUZZTIME) ./server/statusline
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./server/layout
	$(GO) test -run '^$$' -fuzz '^FuzzRestore$$' -fuzztime $(FUZZTIME) ./server/vt
	$(GO) test -run '^$$' -fuzz '^FuzzLine$$' -fuzztime $(FUZZTIME) ./server/lineedit

# Regenerate the emulator's reference screens from tmux (needs tmux).
golden:
	$(GO) test ./server/vt -run '^TestCorpus$$' -golden -v

# xterm's conformance suite, esctest2, run stock inside a gmux window (in a
# private tmux at 80x25); prints passed/failed by test class. Skipped with a
# message when the suite, tmux or python3 is missing. A few minutes: the
# tests gmux does not answer wait for their timeouts.
ESCTEST_DIR ?= ../shared/esctest2
conformance:
	$(GO) run ./cmd/conformance -esctest $(ESCTEST_DIR)

# The figures the server's shape is measured by: the types with the most
# methods, the packages with the most files, timer call sites, tcell users.
arch:
	$(GO) run ./cmd/arch

# Micro-benchmarks of the hot paths, then gmux beside tmux, screen and a bare
# PTY (writes bench.json).
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	$(GO) run ./bench -json bench.json

# Long reliability runs: floods of millions of lines while clients come and
# go, and 1.5 million fuzz runs per decoder. Bounded in time.
stress:
	GMUX_STRESS=1 $(GO) test -race -count=1 -timeout 30m -run 'Flood|Cycles|TwentyClients|SSH|Hostile|Huge|FileLimit|ProcessLimit|UpgradeFaults|LargePaste|UnreadReplies|Heartbeat' ./...
	$(MAKE) fuzz FUZZTIME=1500000x

lint: $(STATICCHECK)
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...

$(STATICCHECK):
	$(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2

install:
	install -d $(DESTDIR)$(PREFIX)/bin
	CGO_ENABLED=0 $(GO) build -buildvcs=auto -o $(DESTDIR)$(PREFIX)/bin/ ./cmd/gmux ./cmd/gmux-server
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 docs/gmux.1 $(DESTDIR)$(PREFIX)/share/man/man1/gmux.1
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	$(DESTDIR)$(PREFIX)/bin/gmux -completion bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/gmux
	install -d $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	$(DESTDIR)$(PREFIX)/bin/gmux -completion fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/gmux.fish

clean:
	rm -rf bin
