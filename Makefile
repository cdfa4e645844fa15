# The two set-up commands of the README, and the tools around them. Every target installs
# what it needs first (scripts/bootstrap), so each works on a fresh machine.

.PHONY: audit test build lint format bench clean

## audit: build, then audit the bundled example evidence and write reports under Reports/
audit: build
	scripts/audit-example

## test: unit and end-to-end tests, formatter check, policy lint, acceptance cases
test:
	scripts/test

## build: release build of the permaudit binary (.build/release/permaudit), with the Swift
## runtime and Foundation linked in: it starts in about half the time (see docs/performance.md)
build:
	scripts/bootstrap
	swift build -c release --static-swift-stdlib

## bench: generate seeded batches and time end-to-end audits (figures, not assertions)
bench: build
	python3 bench/run.py $(SIZES)

## lint: check formatting without changing files
lint:
	swift format lint --strict --recursive Sources Tests Package.swift

## format: rewrite files in the project's format
format:
	swift format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
