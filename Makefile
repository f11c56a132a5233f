# Hashiya: `make run` serves the demo, `make test` runs every test.
GO   ?= go
DB   ?= hashiya.db
ADDR ?= 127.0.0.1:8080
AXE   = testdata/a11y/node_modules/.package-lock.json

.PHONY: run build test bench generate check-generated fmt lint

build:
	$(GO) build -o bin/hashiya ./cmd/hashiya

run: build
	./bin/hashiya serve --db $(DB) --addr $(ADDR)

test: check-generated lint $(AXE)
	$(GO) test -count=1 -timeout 60m ./...

# axe-core, which the accessibility browser test runs in each page; for the
# tests only, never part of the app. Installed when missing or when the
# lock file changes.
$(AXE): testdata/a11y/package-lock.json
	npm ci --prefix testdata/a11y --no-audit --no-fund
	@touch $@

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 6 ./...

generate:
	$(GO) tool templ generate

# Generated templ files are committed; fail when they are stale.
check-generated:
	$(GO) tool templ generate
	@git diff --exit-code -- '*_templ.go' || { echo "generated templ files were stale: run 'make generate' and commit"; exit 1; }
	@test -z "$$(git status --porcelain -- '*_templ.go')" || { echo "untracked generated templ files: commit them"; git status --short -- '*_templ.go'; exit 1; }

fmt:
	gofmt -w $$(git ls-files '*.go')

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt would change:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
