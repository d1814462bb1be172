# Partner Portal: the two commands are `make run` and `make test` (see README.md).
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet

.PHONY: help run test install install-dev build serve lint typecheck drift test-python \
        test-sqlite test-postgres test-frontend test-e2e e2e-browser schema migrations lock clean \
        bench bench-http soak

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

# --- the two commands ----------------------------------------------------------------------
run: install build ## install everything, migrate, seed the demo data, serve on http://127.0.0.1:8000
	$(BIN)/partner-portal migrate
	$(BIN)/partner-portal seed-demo
	$(BIN)/partner-portal serve --host $(HOST) --port $(PORT)

test: install-dev lint typecheck drift test-python test-frontend test-e2e ## every check and test
	@echo "make test: all checks passed"

# --- installing ----------------------------------------------------------------------------
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Partner Portal needs Python 3.11 or newer; set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: $(BIN)/python requirements.lock pyproject.toml
	$(PIP) install --require-hashes -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.lock
	$(PIP) install --require-hashes -r requirements-dev.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	@touch $@

node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund

install: $(VENV)/.runtime node_modules/.package-lock.json ## install the app from the lock files

install-dev: install $(VENV)/.dev ## install what the tests need too

build: node_modules/.package-lock.json ## build the web app into frontend/dist
	npm run build

serve: ## serve without reinstalling
	$(BIN)/partner-portal serve --host $(HOST) --port $(PORT)

bench: install-dev ## the in-process benches, then the real server at scale over HTTP (bench/results.json)
	$(BIN)/python -m tests.bench.identity
	$(BIN)/python -m tests.bench.commerce
	$(BIN)/python -m tests.bench.customers
	$(BIN)/python -m tests.bench.billing
	$(BIN)/python -m tests.bench.http $(BENCH_ARGS)

bench-http: install-dev ## the HTTP bench alone: SQLite, and PostgreSQL when PARTNER_PORTAL_BENCH_DATABASE_URL is set
	$(BIN)/python -m tests.bench.http $(BENCH_ARGS)

soak: install-dev ## 60 s of mixed traffic on PostgreSQL, two servers, then the invariants (soak/results.json); the fault tests
	@if $(BIN)/python -m tests.soak --probe; then \
	  echo "$(BIN)/python -m tests.soak $(SOAK_ARGS)"; \
	  $(BIN)/python -m tests.soak $(SOAK_ARGS); \
	  echo "PARTNER_PORTAL_FAULTS=1 $(BIN)/python -m pytest -p no:cacheprovider tests/faults"; \
	  PARTNER_PORTAL_FAULTS=1 $(BIN)/python -m pytest -p no:cacheprovider tests/faults; \
	elif [ -n "$${CI:-}" ]; then \
	  echo "make soak: CI must run the soak and the fault tests on PostgreSQL"; exit 1; \
	else \
	  echo "make soak: skipped without PostgreSQL (under CI this fails)"; \
	fi

# --- checks --------------------------------------------------------------------------------
lint: install-dev ## ruff (lint and format) and eslint
	$(BIN)/ruff check backend tests examples
	$(BIN)/ruff format --check backend tests examples
	npm run lint

typecheck: install-dev ## mypy (strict) and tsc
	$(BIN)/mypy
	npm run typecheck

drift: install-dev ## schema.graphql and the migrations agree with the code
	@$(BIN)/partner-portal export-schema | diff -u schema.graphql - \
	  || { echo "schema.graphql is out of date: run 'make schema' and commit it"; exit 1; }
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_drift.py

test-python: test-sqlite test-postgres ## pytest on SQLite, then on PostgreSQL

test-sqlite: install-dev
	PARTNER_PORTAL_TEST_DATABASE=sqlite $(BIN)/python -m pytest

test-postgres: install-dev ## (skipped when PostgreSQL is unreachable, except under CI)
	PARTNER_PORTAL_TEST_DATABASE=postgres $(BIN)/python -m pytest

test-frontend: install-dev ## vitest
	npm run test:unit

test-e2e: install-dev build e2e-browser ## playwright in chromium against the real server
	npm run test:e2e

e2e-browser:
	@if [ -n "$${PARTNER_PORTAL_CHROMIUM:-}" ]; then \
	  [ -x "$$PARTNER_PORTAL_CHROMIUM" ] || { echo "PARTNER_PORTAL_CHROMIUM=$$PARTNER_PORTAL_CHROMIUM is not an executable file"; exit 1; }; \
	elif [ -x /usr/bin/chromium ]; then :; \
	elif ls "$${PLAYWRIGHT_BROWSERS_PATH:-$$HOME/.cache/ms-playwright}"/chromium* >/dev/null 2>&1; then :; \
	else \
	  echo "make test: no Chromium found for the browser tests. Install one of:"; \
	  echo "  Debian/Ubuntu: sudo apt-get install chromium   (used from /usr/bin/chromium)"; \
	  echo "  any browser build: export PARTNER_PORTAL_CHROMIUM=/path/to/chromium"; \
	  echo "  Playwright's own:  npx playwright install chromium"; \
	  exit 1; \
	fi

# --- development ---------------------------------------------------------------------------
schema: install ## regenerate schema.graphql from the code
	$(BIN)/partner-portal export-schema --output schema.graphql

migrations: install-dev ## create a migration for model changes (then add EnforceChecks, see db_constraints.py)
	$(BIN)/tortoise makemigrations

lock: install-dev ## re-resolve the Python lock files from pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --no-emit-index-url --no-emit-find-links \
	  --strip-extras --allow-unsafe --build-deps-for editable -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --no-emit-index-url --no-emit-find-links \
	  --strip-extras --allow-unsafe --build-deps-for editable --extra dev -o requirements-dev.lock pyproject.toml

clean: ## remove installs and builds (keeps ./data)
	rm -rf $(VENV) node_modules frontend/dist frontend/src/gql *.egg-info test-results playwright-report
