# Run `make help` for the list of targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/mkdocs: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' || { echo "Python >= 3.11.5 is needed (pymdown-extensions 13); set PYTHON=..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(BIN)/mkdocs
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

install: $(BIN)/mkdocs ## Create .venv and install the site's build dependencies

build: $(BIN)/mkdocs ## Build the site into site/ (strict: any content problem stops it)
	$(BIN)/mkdocs build --strict

serve: $(BIN)/mkdocs ## Build and serve the site at http://127.0.0.1:8000 (restart after editing hooks/)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

test: $(VENV)/.test-deps ## Install test tools, lint, build strictly and run every test
	$(BIN)/ruff check hooks tests benchmarks
	$(BIN)/mkdocs build --strict
	$(BIN)/pytest -q

bench: $(BIN)/mkdocs ## Build a synthetic 1,000-page-per-language site and print timings
	$(BIN)/python benchmarks/build.py

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .pytest_cache .ruff_cache .hypothesis

.PHONY: help install build serve test bench clean
