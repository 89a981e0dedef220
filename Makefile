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

.PHONY: run serve test lint system-test-deps demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_data

run: demo serve

# The web server, the background worker, the check for dead jobs, the retention job and the
# assignment reminders and the access log's clean-up side by side; Ctrl-C stops them all.
serve: $(VENV)/.installed
	@trap 'kill 0' EXIT; \
	$(BIN)/python manage.py db_worker --queue-name '*' --no-reload & \
	$(BIN)/python manage.py requeue_stale_recordings --every 60 & \
	$(BIN)/python manage.py delete_old_access_records --every 3600 & \
	$(BIN)/python manage.py apply_retention --every 3600 & \
	$(BIN)/python manage.py send_assignment_reminders --every 3600 & \
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
test: $(VENV)/.installed-dev system-test-deps
	$(BIN)/pytest -p no:cacheprovider -n 2 --cov --cov-report=term-missing $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=oep.settings.production SECRET_KEY=lint-only-$$(head -c 32 /dev/urandom | base64) \
	  ALLOWED_HOSTS=example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) var
