# Alongside: two commands. `make demo` runs the seeded demo; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: demo test install serve migrate seed demo-code lint typecheck unit e2e clean bench evaluate

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

## make demo: install, migrate SQLite (var/alongside.sqlite3 and var/keys.sqlite3), seed the demo, serve on http://127.0.0.1:8000
demo: install
	mkdir -p var
	$(BIN)/python manage.py migrate --database keys --noinput -v 0
	$(BIN)/python manage.py migrate --noinput -v 0
	$(BIN)/python manage.py seed_demo
	bash scripts/serve.sh

## make demo-code who=fran: the current second-step code for a demo staff account
demo-code: install
	$(BIN)/python manage.py demo_code $(who)

## make test: everything CI runs (lint, types, migrations, PostgreSQL, SQLite, browser)
test: install
	bash scripts/test.sh

## make bench: live-session latency and throughput against a bare websockets floor
## (prints figures; loopback only). More options: make bench args="--workers 2"
## Page timings and query counts at two data sizes: make bench args="--pages"
bench: install
	$(BIN)/python -m bench.run $(args)

## make evaluate: screener figures on ../shared/data/safety and the UK set (no texts)
evaluate: install
	$(BIN)/python -m alongside.safety.evaluation

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy alongside config

clean:
	rm -rf $(VENV) var staticfiles
