# The two commands a newcomer needs:  make site   and   make test
# Each sets up what it needs: a virtualenv with pinned packages (.venv), and for the browser tests
# Debian's chromium and fonts-noto-cjk.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEPS := $(VENV)/.deps-installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve bench check import browser fonts clean lock

site: $(DEPS) fonts
	$(PY) -m generator site

test: $(DEPS) browser
	$(PY) -m pytest

# Speed and size, measured on this machine (not a test): prints a table with ratios and targets.
bench: $(DEPS) fonts browser
	$(PY) -m generator.bench

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

# A Japanese font: the statistics charts are laid out with it (and screenshots show Japanese with it).
fonts:
	@if ! fc-list 2>/dev/null | grep -q 'Noto Sans CJK'; then \
		echo "installing fonts-noto-cjk"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fontconfig fonts-noto-cjk >/dev/null; \
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
	rm -rf site dist .pytest_cache
