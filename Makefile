# Two commands: `make run` sets everything up and serves the site with its worker;
# `make test` runs the whole suite. Both are safe to repeat.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages the test suite drives: a real browser, real speech for test dialogues, and the
# PostgreSQL and Redis servers of the scale-out tests (tests/scaleout).
TEST_APT_PACKAGES := chromium espeak-ng sox postgresql redis-server

.PHONY: run serve test lint system-test-deps demo clean frontend

# The front end: GOV.UK Frontend and the linters, pinned in package.json and package-lock.json,
# compiled and copied into build/static/govuk (a STATICFILES_DIRS entry; wavesurfer.js below).
# Needs Node.js 18.18+ and npm (Debian: apt-get install nodejs npm).
GOVUK := node_modules/govuk-frontend/dist/govuk
FRONTEND_BUILD := build/static/govuk

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; \
	  else echo "The front end needs Node.js and npm. Run: sudo apt-get install nodejs npm"; exit 1; fi; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(FRONTEND_BUILD)/.built: node_modules/.installed frontend/govuk.scss
	rm -rf $(FRONTEND_BUILD) && mkdir -p $(FRONTEND_BUILD)
	npm run --silent build
	cp $(GOVUK)/govuk-frontend.min.js $(GOVUK)/govuk-frontend.min.js.map $(FRONTEND_BUILD)/
	cp -r $(GOVUK)/assets $(FRONTEND_BUILD)/assets
	@touch $@

# wavesurfer.js (BSD-3-Clause) and its Regions plugin, for the review and feedback pages'
# waveform: their browser builds copied as they are into build/static/wavesurfer.
WAVESURFER := node_modules/wavesurfer.js
WAVESURFER_BUILD := build/static/wavesurfer

$(WAVESURFER_BUILD)/.built: node_modules/.installed
	rm -rf $(WAVESURFER_BUILD) && mkdir -p $(WAVESURFER_BUILD)
	cp $(WAVESURFER)/dist/wavesurfer.min.js $(WAVESURFER)/dist/plugins/regions.min.js $(WAVESURFER)/LICENSE $(WAVESURFER_BUILD)/
	@touch $@

frontend: $(FRONTEND_BUILD)/.built $(WAVESURFER_BUILD)/.built

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@ $(VENV)/.installed

demo: $(VENV)/.installed frontend
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_data

run: demo serve

# The web server, the background worker and the periodic jobs (dead jobs queued again,
# retention, the access log's clean-up, assignment reminders: core.periodic) side by side;
# Ctrl-C stops them all.
serve: $(VENV)/.installed frontend
	@trap 'kill 0' EXIT; \
	$(BIN)/python manage.py db_worker --queue-name '*' --no-reload & \
	$(BIN)/python manage.py run_periodic_jobs & \
	echo "Serving on http://$(HOST):$(PORT)/ with a background worker. Ctrl-C stops them all."; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

system-test-deps:
	@missing=""; for pkg in $(TEST_APT_PACKAGES); do \
	  dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "The tests need these Debian packages:$$missing. Run: sudo apt-get install$$missing"; exit 1; fi; \
	fi

# In random order (pytest-randomly prints its seed; PYTEST_ARGS=--randomly-seed=N repeats
# it) under coverage, failing below the floor in pyproject.toml; on two workers (coverage combines
# them). PYTEST_ARGS adds options, e.g. PYTEST_ARGS='-m "not e2e"'.
test: $(VENV)/.installed-dev system-test-deps frontend
	$(BIN)/pytest -p no:cacheprovider -n 2 --cov --cov-report=term-missing $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev frontend
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	npm run --silent lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=oep.settings.production SECRET_KEY=lint-only-$$(head -c 32 /dev/urandom | base64) \
	  ALLOWED_HOSTS=example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) var node_modules build
