# The two commands a newcomer needs:  make site   and   make test
# Each sets up what it needs: a virtualenv with pinned packages (.venv), and for the browser tests
# Debian's chromium and fonts-noto-cjk.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEPS := $(VENV)/.deps-installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve bench check import browser fonts clean lock site-zensical test-zensical docs

site: $(DEPS) fonts
	$(PY) -m generator site

test: $(DEPS) browser fonts
	$(PY) -m pytest

# The same docs folders built with Zensical (Material's successor; only an alpha installs today) into
# site-zensical/ and dist-zensical/, and the browser tests that matter run against that output.
# Not part of `make test` or CI while only an alpha installs.
ZVENV := .venv-zensical
ZDEPS := $(ZVENV)/.deps-installed

site-zensical: $(DEPS) $(ZDEPS) fonts
	$(PY) -m generator site --builder zensical

test-zensical: site-zensical browser
	AJP_TEST_ZENSICAL=1 $(PY) -m pytest site_tests/test_zensical.py

$(ZDEPS): requirements-zensical.lock
	test -x $(ZVENV)/bin/python || $(PYTHON) -m venv $(ZVENV)
	$(ZVENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-zensical.lock
	touch $@

# The plain docs folders every builder reads (see generator/docs_tree.py): make docs DIR=/tmp/docs
docs: $(DEPS)
	$(PY) -m generator docs $(DIR)

# Speed and size, measured on this machine (not a test): prints a table with ratios and targets.
bench: $(DEPS) fonts browser
	$(PY) -m site_tests.bench

serve: $(DEPS)
	$(PY) -m mkdocs serve

check: $(DEPS)
	$(PY) -m generator check

import: $(DEPS)
	$(PY) -m generator import

$(DEPS): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# A Japanese font: the statistics charts are laid out with it, the briefing books embed it (and screenshots
# show Japanese with it); and Debian's Pango, which WeasyPrint lays the books out with.
BOOK_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
fonts:
	@if ! fc-list 2>/dev/null | grep -q 'Noto Sans CJK' || ! dpkg -s $(BOOK_LIBS) >/dev/null 2>&1; then \
		echo "installing fonts-noto-cjk and Pango"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fontconfig fonts-noto-cjk $(BOOK_LIBS) >/dev/null; \
	fi

# Debian's Chromium (Playwright cannot download browsers here) and a Japanese font for screenshots.
browser:
	@if [ ! -x /usr/lib/chromium/chromium ] || ! fc-list 2>/dev/null | grep -q 'Noto Sans CJK'; then \
		echo "installing chromium and fonts-noto-cjk"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

# After `.venv/bin/pip install <package>`: rewrite requirements.lock from what the venv holds.
lock: $(DEPS)
	{ head -2 requirements.lock; $(PY) -m pip freeze --exclude-editable --disable-pip-version-check | grep -v '^#'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf site dist site-zensical dist-zensical .pytest_cache
