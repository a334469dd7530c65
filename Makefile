# Two commands on a fresh Debian machine: `make site` and `make test`.
# Each installs what is missing (apt packages) before it builds.

SWIFT       ?= swift
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BRIEFING    := .build/debug/briefing
# What building needs: cmark-gfm and its extensions, found through pkg-config.
BUILD_DEBS  := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
# What the tests add: a real browser for the page tests.
TEST_DEBS   := chromium

.PHONY: site test check figures deps test-deps clean

site: deps
	$(SWIFT) build --product briefing
	$(BRIEFING) build

check: deps
	$(SWIFT) build --product briefing
	$(BRIEFING) check

figures: deps
	$(SWIFT) build --product briefing
	$(BRIEFING) figures

test: deps test-deps
	$(SWIFT) build --product briefing
	$(SWIFT) test

# Installs only the packages that are missing, so a ready machine is not touched.
deps:
	@missing=$$(for p in $(BUILD_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

test-deps:
	@missing=$$(for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf .build Output.staging Output.previous
