# Two commands on a fresh Debian machine: `make site` and `make test`.
# Each installs what is missing (apt packages) before it builds.

SWIFT       ?= swift
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BRIEFING    := .build/debug/briefing
# What building needs: cmark-gfm and its extensions, found through pkg-config.
BUILD_DEBS  := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
# What the tests add: a real browser (and its driver, for the embed tests) for the page tests, Java to run the Nu Html Checker,
# Jing (RELAX NG, for the Atom feed), xmllint (XML Schema, for the sitemap), pdftotext for the print test and Info-ZIP's unzip (a second reader of the spreadsheet's zip).
TEST_DEBS   := chromium chromium-driver default-jre-headless jing libxml2-utils poppler-utils unzip
# The tests' Python packages (the Nu Html Checker's vnu.jar, odfpy, selenium, axe-core) are pinned in
# Tests/Browser/requirements.txt and installed into the project's own virtual environment, .venv-test/,
# never into the system's Python; the tests run that Python (TEST_PYTHON overrides it).
PYTHON      ?= python3
VENV        := .venv-test
REQUIREMENTS := Tests/Browser/requirements.txt

.PHONY: site test check figures deps test-deps clean bench bench-deps

# Every report: the release in Data/ into Output/, and each example release into its own Output/.
# Each site is a target of its own whose prerequisites are its data, the templates and the binary,
# so `make site` with nothing changed does nothing (and a build that changes nothing rewrites no file).
EXAMPLES    := $(patsubst %/Data,%/Output/.briefing-site,$(wildcard Examples/*/Data))
TEMPLATES   := $(wildcard Templates/*)
SOURCES     := $(shell find Sources -name '*.swift' -o -name '*.c' -o -name '*.h') Package.swift

site: Output/.briefing-site $(EXAMPLES)

$(BRIEFING): $(SOURCES) | deps
	$(SWIFT) build --product briefing
	@touch $@

# The target is the site's mark, which every build that changes the site writes anew; touched as well,
# for a build whose inputs changed but whose site did not.
Output/.briefing-site: $(BRIEFING) $(wildcard Data/*) $(TEMPLATES)
	$(BRIEFING) build
	@touch $@

.SECONDEXPANSION:
Examples/%/Output/.briefing-site: $(BRIEFING) $$(wildcard Examples/$$*/Data/*) $(TEMPLATES)
	@echo "Building Examples/$*/Data"
	$(BRIEFING) build --data Examples/$*/Data --output Examples/$*/Output
	@touch $@

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

test-deps: $(VENV)/.installed
	@missing=$$(for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

# Remade when the pins change; a half-made environment (an install that failed) is removed, never reused.
$(VENV)/.installed: $(REQUIREMENTS)
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "Installing python3-venv"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; }
	@echo "Making $(VENV)/ with the packages pinned in $(REQUIREMENTS)"
	@rm -rf $(VENV)
	@$(PYTHON) -m venv $(VENV) && \
	  $(VENV)/bin/python3 -m pip install --quiet --disable-pip-version-check --require-virtualenv -r $(REQUIREMENTS) || { rm -rf $(VENV); exit 1; }
	@touch $@

# Speed at scale (not part of `make test`): briefing against Hugo and a C floor over libcmark-gfm.
BENCH_DEBS  := hugo time
bench: deps bench-deps
	Benchmarks/bench.sh

bench-deps:
	@missing=$$(for p in $(BENCH_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf .build $(VENV)
